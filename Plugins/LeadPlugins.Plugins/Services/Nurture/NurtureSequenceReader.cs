using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// Loads every configured sequence with its active steps in ONE RetrieveMultiple (mpl_nurturesequence left-outer
    /// joined to mpl_nurturestep; one row per step). Inactive sequences are loaded too, so the selector can say why an
    /// override was ignored; the selector never picks them. More than 5,000 step rows would page.
    /// </summary>
    public static class NurtureSequenceReader
    {
        public const string StepAlias = "step";

        private static readonly string[] SequenceColumns =
        {
            NurtureSequenceTable.Columns.Name, NurtureSequenceTable.Columns.CampaignType, NurtureSequenceTable.Columns.Storefront, NurtureSequenceTable.Columns.LeadActions,
            NurtureSequenceTable.Columns.Priority, NurtureSequenceTable.Columns.StopOnQualify, NurtureSequenceTable.Columns.StateCode,
        };

        private static readonly string[] StepColumns =
        {
            NurtureStepTable.Columns.Name, NurtureStepTable.Columns.Order, NurtureStepTable.Columns.ActivityType, NurtureStepTable.Columns.SubjectTemplate,
            NurtureStepTable.Columns.DescriptionTemplate, NurtureStepTable.Columns.OffsetDays, NurtureStepTable.Columns.Priority,
        };

        public static QueryExpression BuildQuery()
        {
            var query = new QueryExpression(NurtureSequenceTable.LogicalName) { ColumnSet = new ColumnSet(SequenceColumns) };
            var steps = query.AddLink(NurtureStepTable.LogicalName, NurtureSequenceTable.Columns.NurtureSequenceId, NurtureStepTable.Columns.SequenceId, JoinOperator.LeftOuter);
            steps.EntityAlias = StepAlias;
            steps.Columns = new ColumnSet(StepColumns);
            steps.LinkCriteria.AddCondition(NurtureStepTable.Columns.StateCode, ConditionOperator.Equal, 0);
            // A stable order keeps a sequence's rows together across pages.
            query.AddOrder(NurtureSequenceTable.Columns.NurtureSequenceId, OrderType.Ascending);
            return query;
        }

        public static IReadOnlyList<NurtureSequenceDefinition> Load(IOrganizationService service)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            return FromRows(DataverseValues.RetrieveAll(service, BuildQuery()));
        }

        /// <summary>Groups the joined rows by sequence (first-seen order) into definitions.</summary>
        public static IReadOnlyList<NurtureSequenceDefinition> FromRows(IEnumerable<Entity> rows)
        {
            var order = new List<Guid>();
            var heads = new Dictionary<Guid, Entity>();
            var steps = new Dictionary<Guid, List<NurtureStepDefinition>>();
            foreach (var row in rows)
            {
                if (row.Id == Guid.Empty) continue;
                if (!heads.ContainsKey(row.Id))
                {
                    heads[row.Id] = row;
                    steps[row.Id] = new List<NurtureStepDefinition>();
                    order.Add(row.Id);
                }
                var step = ReadStep(row);
                if (step != null) steps[row.Id].Add(step);
            }

            var sequences = new List<NurtureSequenceDefinition>(order.Count);
            foreach (var id in order)
            {
                var head = heads[id];
                var storefront = DataverseValues.Option(head, NurtureSequenceTable.Columns.Storefront);
                var actions = new List<LeadAction>();
                foreach (var value in DataverseValues.Options(head, NurtureSequenceTable.Columns.LeadActions)) actions.Add((LeadAction)value);
                sequences.Add(new NurtureSequenceDefinition(
                    DataverseValues.Text(head, NurtureSequenceTable.Columns.Name),
                    (CampaignType)(DataverseValues.Option(head, NurtureSequenceTable.Columns.CampaignType) ?? 0),
                    steps[id],
                    id: id,
                    storefront: storefront.HasValue ? (Storefront)storefront.Value : (Storefront?)null,
                    leadActions: actions,
                    priority: DataverseValues.Int(head, NurtureSequenceTable.Columns.Priority) ?? 0,
                    isActive: (DataverseValues.Option(head, NurtureSequenceTable.Columns.StateCode) ?? 0) == 0,
                    stopOnQualifyOrDisqualify: DataverseValues.Bool(head, NurtureSequenceTable.Columns.StopOnQualify) ?? true));
            }
            return sequences;
        }

        // The step half of a joined row, or null when the sequence has no (active) step.
        private static NurtureStepDefinition? ReadStep(Entity row)
        {
            var order = DataverseValues.Int(row, StepAlias + "." + NurtureStepTable.Columns.Order);
            var activityType = DataverseValues.Option(row, StepAlias + "." + NurtureStepTable.Columns.ActivityType);
            var subject = DataverseValues.Text(row, StepAlias + "." + NurtureStepTable.Columns.SubjectTemplate);
            var name = DataverseValues.Text(row, StepAlias + "." + NurtureStepTable.Columns.Name);
            if (!order.HasValue && !activityType.HasValue && subject == null && name == null) return null;
            var priority = DataverseValues.Option(row, StepAlias + "." + NurtureStepTable.Columns.Priority);
            return new NurtureStepDefinition(
                order ?? -1,
                (NurtureActivityType)(activityType ?? 0),
                subject,
                DataverseValues.Text(row, StepAlias + "." + NurtureStepTable.Columns.DescriptionTemplate),
                DataverseValues.Int(row, StepAlias + "." + NurtureStepTable.Columns.OffsetDays) ?? 0,
                priority.HasValue ? (StepPriority)priority.Value : StepPriority.Normal,
                name);
        }
    }
}
