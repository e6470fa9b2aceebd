using System;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// What enrolment knows of one lead, read from a row holding <see cref="NurtureColumnSets.EnrollmentLeadColumns"/>
    /// (the Create step's post image, or the workflow activity's Retrieve). Enrichment wrote the mpl_ columns.
    /// </summary>
    public sealed class NurtureLead
    {
        private NurtureLead(Guid id, Entity row)
        {
            Id = id;
            Owner = row.GetAttributeValue<EntityReference>(LeadTable.Columns.OwnerId);
            CreatedOn = DataverseValues.Date(row, LeadTable.Columns.CreatedOn);
            var state = DataverseValues.Option(row, LeadTable.Columns.StateCode);
            var action = DataverseValues.Option(row, LeadTable.Columns.LeadAction);
            var storefront = DataverseValues.Option(row, LeadTable.Columns.Storefront);
            var campaignType = DataverseValues.Option(row, LeadTable.Columns.CampaignType);
            var duplicateOf = DataverseValues.ReferenceId(row, LeadTable.Columns.DuplicateOf);
            Facts = new NurtureEligibilityFacts
            {
                IsMarketplace = DataverseValues.Bool(row, LeadTable.Columns.IsMarketplace) == true,
                IsTestLead = DataverseValues.Bool(row, LeadTable.Columns.IsTestLead) == true,
                IsCoSell = DataverseValues.Bool(row, LeadTable.Columns.IsCoSell) == true
                    || !string.IsNullOrWhiteSpace(DataverseValues.Text(row, LeadTable.Columns.ReferralId)),
                Action = action.HasValue ? (LeadAction)action.Value : (LeadAction?)null,
                IsOpen = !state.HasValue || state.Value == NurtureStopRule.LeadOpenState,
                // A lead marked as a duplicate of itself is not a repeat engagement.
                DuplicateOfLeadId = duplicateOf == id ? null : duplicateOf,
            };
            var name = DataverseValues.Text(row, LeadTable.Columns.FullName);
            if (string.IsNullOrWhiteSpace(name))
                name = (DataverseValues.Text(row, LeadTable.Columns.FirstName) + " " + DataverseValues.Text(row, LeadTable.Columns.LastName)).Trim();
            Context = new NurtureLeadContext
            {
                FirstName = DataverseValues.Text(row, LeadTable.Columns.FirstName),
                CompanyName = DataverseValues.Text(row, LeadTable.Columns.CompanyName),
                OfferTitle = DataverseValues.Text(row, LeadTable.Columns.OfferTitle),
                OfferId = DataverseValues.Text(row, LeadTable.Columns.OfferId),
                Storefront = storefront.HasValue ? (Storefront)storefront.Value : (Storefront?)null,
                CampaignType = campaignType.HasValue ? (CampaignType)campaignType.Value : (CampaignType?)null,
                Action = Facts.Action,
                OverrideSequenceId = DataverseValues.ReferenceId(row, LeadTable.Columns.NurtureSequenceId),
                LeadName = name,
            };
        }

        public Guid Id { get; }
        public EntityReference Reference => new EntityReference(LeadTable.LogicalName, Id);
        /// <summary>The lead's owner (systemuser or team); the enrolment and its activities get the same owner.</summary>
        public EntityReference? Owner { get; }
        /// <summary>createdon: the enrolment's start, so every retry plans the same due dates.</summary>
        public DateTime? CreatedOn { get; }
        public NurtureEligibilityFacts Facts { get; }
        public NurtureLeadContext Context { get; }

        /// <summary>Reads a lead row; the id comes from the row (or its leadid column). Null when the row has no id.</summary>
        public static NurtureLead? From(Entity? row)
        {
            if (row == null) return null;
            var id = row.Id != Guid.Empty ? row.Id : row.GetAttributeValue<Guid?>(LeadTable.Columns.LeadId) ?? Guid.Empty;
            return id == Guid.Empty ? null : new NurtureLead(id, row);
        }

        public override string ToString() => "lead " + Id.ToString("D");
    }
}
