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
            NurtureColumns.Name, NurtureColumns.CampaignType, NurtureColumns.Storefront, NurtureColumns.LeadActions,
            NurtureColumns.Priority, NurtureColumns.StopOnQualify, NurtureColumns.StateCode,
        };

        private static readonly string[] StepColumns =
        {
            NurtureColumns.Name, NurtureColumns.Order, NurtureColumns.ActivityType, NurtureColumns.SubjectTemplate,
            NurtureColumns.DescriptionTemplate, NurtureColumns.OffsetDays, NurtureColumns.Priority,
        };

        public static QueryExpression BuildQuery()
        {
            var query = new QueryExpression(NurtureColumns.Sequence) { ColumnSet = new ColumnSet(SequenceColumns) };
            var steps = query.AddLink(NurtureColumns.Step, NurtureColumns.SequenceId, NurtureColumns.StepSequenceId, JoinOperator.LeftOuter);
            steps.EntityAlias = StepAlias;
            steps.Columns = new ColumnSet(StepColumns);
            steps.LinkCriteria.AddCondition(NurtureColumns.StateCode, ConditionOperator.Equal, 0);
            // A stable order keeps a sequence's rows together across pages.
            query.AddOrder(NurtureColumns.SequenceId, OrderType.Ascending);
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
                var storefront = DataverseValues.Option(head, NurtureColumns.Storefront);
                var actions = new List<LeadAction>();
                foreach (var value in DataverseValues.Options(head, NurtureColumns.LeadActions)) actions.Add((LeadAction)value);
                sequences.Add(new NurtureSequenceDefinition(
                    DataverseValues.Text(head, NurtureColumns.Name),
                    (CampaignType)(DataverseValues.Option(head, NurtureColumns.CampaignType) ?? 0),
                    steps[id],
                    id: id,
                    storefront: storefront.HasValue ? (Storefront)storefront.Value : (Storefront?)null,
                    leadActions: actions,
                    priority: DataverseValues.Int(head, NurtureColumns.Priority) ?? 0,
                    isActive: (DataverseValues.Option(head, NurtureColumns.StateCode) ?? 0) == 0,
                    stopOnQualifyOrDisqualify: DataverseValues.Bool(head, NurtureColumns.StopOnQualify) ?? true));
            }
            return sequences;
        }

        // The step half of a joined row, or null when the sequence has no (active) step.
        private static NurtureStepDefinition? ReadStep(Entity row)
        {
            var order = DataverseValues.Int(row, StepAlias + "." + NurtureColumns.Order);
            var activityType = DataverseValues.Option(row, StepAlias + "." + NurtureColumns.ActivityType);
            var subject = DataverseValues.Text(row, StepAlias + "." + NurtureColumns.SubjectTemplate);
            var name = DataverseValues.Text(row, StepAlias + "." + NurtureColumns.Name);
            if (!order.HasValue && !activityType.HasValue && subject == null && name == null) return null;
            var priority = DataverseValues.Option(row, StepAlias + "." + NurtureColumns.Priority);
            return new NurtureStepDefinition(
                order ?? -1,
                (NurtureActivityType)(activityType ?? 0),
                subject,
                DataverseValues.Text(row, StepAlias + "." + NurtureColumns.DescriptionTemplate),
                DataverseValues.Int(row, StepAlias + "." + NurtureColumns.OffsetDays) ?? 0,
                priority.HasValue ? (StepPriority)priority.Value : StepPriority.Normal,
                name);
        }
    }
}
