using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// Copies the marketplace attribution of the originating lead into new opportunities (PreOperation Target, so no
    /// extra write): mpl_storefront, mpl_campaigntype, mpl_offerid, mpl_offertitle, mpl_funnelstage, mpl_leadscore and
    /// campaignid, each only where the opportunity has no value. ONE RetrieveMultiple for all originating leads of the
    /// batch (explicit columns); none when no opportunity has an originating lead.
    /// </summary>
    public sealed class MarketplaceAttributionService
    {
        private readonly IOrganizationService _service;
        private readonly ITracingService _tracing;

        public MarketplaceAttributionService(IOrganizationService service, ITracingService tracing)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _tracing = tracing ?? throw new ArgumentNullException(nameof(tracing));
        }

        /// <summary>Sets the columns on the given opportunity rows (in place); returns how many columns were set in all.</summary>
        public int Apply(IReadOnlyList<Entity> opportunities)
        {
            if (opportunities == null) throw new ArgumentNullException(nameof(opportunities));
            var leadIds = new List<Guid>();
            foreach (var opportunity in opportunities)
            {
                var leadId = opportunity == null ? null : DataverseValues.ReferenceId(opportunity, OpportunityTable.Columns.OriginatingLeadId);
                if (leadId.HasValue && !leadIds.Contains(leadId.Value)) leadIds.Add(leadId.Value);
            }
            if (leadIds.Count == 0)
            {
                Trace("No opportunity has an originating lead; nothing to carry.");
                return 0;
            }

            var query = new QueryExpression(LeadTable.LogicalName) { ColumnSet = new ColumnSet(NurtureColumnSets.AttributionColumns) };
            query.Criteria.AddCondition(DataverseValues.In(LeadTable.Columns.LeadId, leadIds));
            var leads = new Dictionary<Guid, Entity>();
            foreach (var lead in DataverseValues.RetrieveAll(_service, query)) leads[lead.Id] = lead;

            var total = 0;
            foreach (var opportunity in opportunities)
            {
                var leadId = opportunity == null ? null : DataverseValues.ReferenceId(opportunity, OpportunityTable.Columns.OriginatingLeadId);
                if (!leadId.HasValue) continue;
                if (!leads.TryGetValue(leadId.Value, out var lead))
                {
                    Trace("Originating lead " + leadId.Value.ToString("D") + " was not found (or is not readable); nothing carried.");
                    continue;
                }
                var set = new List<string>();
                foreach (var column in NurtureColumnSets.AttributionColumns)
                {
                    if (opportunity!.Attributes.TryGetValue(column, out var current) && current != null) continue;
                    if (!lead.Attributes.TryGetValue(column, out var value) || value == null) continue;
                    opportunity[column] = value is EntityReference reference ? new EntityReference(reference.LogicalName, reference.Id) : value;
                    set.Add(column);
                }
                total += set.Count;
                Trace("Opportunity from lead " + leadId.Value.ToString("D") + ": "
                    + (set.Count == 0 ? "no attribution to carry (empty on the lead or already set)." : "set " + string.Join(", ", set) + "."));
            }
            Trace(total.ToString(CultureInfo.InvariantCulture) + " attribution column(s) set.");
            return total;
        }

        private void Trace(string text) => _tracing.TraceLine(text);
    }
}
