using System;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>
    /// Turns an <see cref="EnrichmentResult"/> into the columns to set on a lead. Classification columns are the
    /// package's and are written whenever there is a value; choices someone may have made on purpose (owner, campaign,
    /// rating, lead source, duplicate, nurture sequence) are written only into empty columns (owner: only while it is
    /// the platform's default, the creating user); contact columns only as the domain proposes (fill an empty column,
    /// trim white space). Nothing null is written.
    /// </summary>
    internal static class LeadChangeBuilder
    {
        internal static Entity NotMarketplace(Entity lead)
        {
            var changes = NewChanges(lead);
            changes[LeadOutputColumns.EnrichmentStatus] = Option((int)EnrichmentStatus.NotMarketplace);
            return changes;
        }

        internal static Entity Failed(Entity lead, string message)
        {
            var changes = NewChanges(lead);
            changes[LeadOutputColumns.EnrichmentStatus] = Option((int)EnrichmentStatus.Failed);
            changes[LeadOutputColumns.EnrichmentMessage] = ColumnText.Truncate(message, LeadColumns.EnrichmentMessageMaxLength);
            return changes;
        }

        internal static Entity Build(Entity lead, EnrichmentResult result, EnrichmentStatus status, string message, EntityReference? duplicateOf,
            Guid? creatingUserId, DateTime nowUtc)
        {
            if (result.Status == EnrichmentStatus.NotMarketplace) return NotMarketplace(lead);
            var changes = NewChanges(lead);

            changes[LeadOutputColumns.IsMarketplace] = result.IsMarketplace;
            changes[LeadOutputColumns.IsCoSell] = result.IsCoSell;
            changes[LeadOutputColumns.IsTestLead] = result.IsTestLead;
            SetOption(changes, LeadOutputColumns.Storefront, (int?)result.Storefront);
            SetOption(changes, LeadOutputColumns.Audience, (int?)result.Audience);
            SetOption(changes, LeadOutputColumns.CampaignType, (int?)result.CampaignType);
            SetOption(changes, LeadOutputColumns.ListingType, (int?)result.ListingType);
            SetOption(changes, LeadOutputColumns.LeadAction, (int?)result.LeadAction);
            SetOption(changes, LeadOutputColumns.FunnelStage, (int?)result.FunnelStage);
            SetOption(changes, LeadOutputColumns.TrackedIn, (int?)result.TrackedIn);
            SetOption(changes, LeadOutputColumns.EmailStatus, (int?)result.EmailStatus);
            SetText(changes, LeadOutputColumns.PublisherId, result.PublisherId);
            SetText(changes, LeadOutputColumns.OfferId, result.OfferId);
            SetText(changes, LeadOutputColumns.OfferTitle, result.OfferTitle);
            SetText(changes, LeadOutputColumns.ReferralId, result.ReferralId);
            SetText(changes, LeadOutputColumns.CountryCode, result.CountryCode);
            SetText(changes, LeadOutputColumns.SourceCampaignCode, result.SourceCampaignCode);
            if (result.Score.HasValue) changes[LeadOutputColumns.LeadScore] = result.Score.Value;
            SetText(changes, LeadOutputColumns.ScoreReason, result.ScoreReason);

            if (result.Rating.HasValue && IsEmpty(lead, LeadOutputColumns.Rating)) changes[LeadOutputColumns.Rating] = Option((int)result.Rating.Value);
            if (result.IsMarketplace && IsEmpty(lead, LeadOutputColumns.LeadSourceCode)) changes[LeadOutputColumns.LeadSourceCode] = Option(LeadOutputColumns.LeadSourceWeb);
            if (result.CampaignId.HasValue && IsEmpty(lead, LeadOutputColumns.Campaign)) changes[LeadOutputColumns.Campaign] = new EntityReference("campaign", result.CampaignId.Value);
            if (result.NurtureSequenceId.HasValue && IsEmpty(lead, LeadOutputColumns.NurtureSequence))
            {
                changes[LeadOutputColumns.NurtureSequence] = new EntityReference("mpl_nurturesequence", result.NurtureSequenceId.Value);
            }
            if (duplicateOf != null && IsEmpty(lead, LeadOutputColumns.DuplicateOf)) changes[LeadOutputColumns.DuplicateOf] = duplicateOf;
            var owner = result.Owner;
            if (owner != null && OwnerIsReplaceable(lead, creatingUserId)) changes[LeadOutputColumns.Owner] = new EntityReference(owner.LogicalName, owner.Id);

            var contact = result.ContactUpdates;
            SetContact(changes, lead, LeadColumns.FirstName, contact.FirstName);
            SetContact(changes, lead, LeadColumns.LastName, contact.LastName);
            SetContact(changes, lead, LeadColumns.Email, contact.Email);
            SetContact(changes, lead, LeadColumns.Phone, contact.Phone);
            SetContact(changes, lead, LeadColumns.CompanyName, contact.CompanyName);
            SetContact(changes, lead, LeadColumns.JobTitle, contact.JobTitle);
            SetContact(changes, lead, LeadColumns.Country, contact.Country);

            changes[LeadOutputColumns.EnrichmentStatus] = Option((int)status);
            changes[LeadOutputColumns.EnrichmentMessage] = ColumnText.Truncate(message, LeadColumns.EnrichmentMessageMaxLength);
            changes[LeadOutputColumns.EnrichedOn] = nowUtc;
            return changes;
        }

        /// <summary>Copies the changes onto the lead (the Target: changed in place, saved by the platform).</summary>
        internal static void Apply(Entity changes, Entity lead)
        {
            foreach (var pair in changes.Attributes) lead[pair.Key] = pair.Value;
        }

        // The platform puts the creating user into a Create's ownerid before PreOperation; any other owner was chosen.
        private static bool OwnerIsReplaceable(Entity lead, Guid? creatingUserId)
        {
            var current = lead.GetAttributeValue<EntityReference>(LeadOutputColumns.Owner);
            if (current == null) return true;
            if (current.LogicalName != OwnerReference.UserLogicalName) return false;
            var createdBy = lead.GetAttributeValue<EntityReference>(LeadOutputColumns.CreatedBy);
            return createdBy != null && createdBy.Id == current.Id || creatingUserId.HasValue && creatingUserId.Value == current.Id;
        }

        // The domain proposes a contact value only for an empty column or to trim the writer's own text; check again here
        // so a changed domain rule can never replace what the writer typed.
        private static void SetContact(Entity changes, Entity lead, string column, string? proposed)
        {
            if (proposed == null) return;
            var current = lead.GetAttributeValue<string>(column);
            if (!string.IsNullOrWhiteSpace(current) && !string.Equals(current!.Trim(), proposed, StringComparison.Ordinal)) return;
            changes[column] = proposed;
        }

        private static bool IsEmpty(Entity lead, string column)
        {
            object? value;
            if (!lead.Attributes.TryGetValue(column, out value) || value == null) return true;
            var reference = value as EntityReference;
            return reference != null && reference.Id == Guid.Empty;
        }

        private static Entity NewChanges(Entity lead)
        {
            var id = LeadEntityReader.IdOf(lead);
            return id.HasValue ? new Entity(EnrichmentQueries.LeadTable, id.Value) : new Entity(EnrichmentQueries.LeadTable);
        }

        private static void SetOption(Entity changes, string column, int? value)
        {
            if (value.HasValue) changes[column] = Option(value.Value);
        }

        private static void SetText(Entity changes, string column, string? value)
        {
            if (value != null) changes[column] = value;
        }

        private static OptionSetValue Option(int value) => new OptionSetValue(value);
    }
}
