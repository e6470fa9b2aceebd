using System;
using System.Globalization;
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
        /// <summary>leadsourcecode option "Web" (a system choice): what the Lead Writer most probably sets; written only when empty.</summary>
        internal const int LeadSourceWeb = 8;

        internal static Entity NotMarketplace(Entity lead)
        {
            var changes = NewChanges(lead);
            changes[LeadTable.Columns.EnrichmentStatus] = Option((int)EnrichmentStatus.NotMarketplace);
            return changes;
        }

        internal static Entity Failed(Entity lead, string message)
        {
            var changes = NewChanges(lead);
            changes[LeadTable.Columns.EnrichmentStatus] = Option((int)EnrichmentStatus.Failed);
            changes[LeadTable.Columns.EnrichmentMessage] = ColumnText.Truncate(message, LeadTable.MaxLength.EnrichmentMessage);
            return changes;
        }

        internal static Entity Build(Entity lead, EnrichmentResult result, EnrichmentStatus status, string message, EntityReference? duplicateOf,
            Guid? creatingUserId, DateTime nowUtc)
        {
            if (result.Status == EnrichmentStatus.NotMarketplace) return NotMarketplace(lead);
            var changes = NewChanges(lead);

            changes[LeadTable.Columns.IsMarketplace] = Boxed(result.IsMarketplace);
            changes[LeadTable.Columns.IsCoSell] = Boxed(result.IsCoSell);
            changes[LeadTable.Columns.IsTestLead] = Boxed(result.IsTestLead);
            SetOption(changes, LeadTable.Columns.Storefront, (int?)result.Storefront);
            SetOption(changes, LeadTable.Columns.Audience, (int?)result.Audience);
            SetOption(changes, LeadTable.Columns.CampaignType, (int?)result.CampaignType);
            SetOption(changes, LeadTable.Columns.ListingType, (int?)result.ListingType);
            SetOption(changes, LeadTable.Columns.LeadAction, (int?)result.LeadAction);
            SetOption(changes, LeadTable.Columns.FunnelStage, (int?)result.FunnelStage);
            SetOption(changes, LeadTable.Columns.TrackedIn, (int?)result.TrackedIn);
            SetOption(changes, LeadTable.Columns.EmailStatus, (int?)result.EmailStatus);
            SetText(changes, LeadTable.Columns.PublisherId, result.PublisherId);
            SetText(changes, LeadTable.Columns.OfferId, result.OfferId);
            SetText(changes, LeadTable.Columns.OfferTitle, result.OfferTitle);
            SetText(changes, LeadTable.Columns.ReferralId, result.ReferralId);
            SetText(changes, LeadTable.Columns.CountryCode, result.CountryCode);
            SetText(changes, LeadTable.Columns.SourceCampaignCode, result.SourceCampaignCode);
            if (result.Score.HasValue) changes[LeadTable.Columns.LeadScore] = result.Score.Value;
            SetText(changes, LeadTable.Columns.ScoreReason, result.ScoreReason);

            if (result.Rating.HasValue && IsEmpty(lead, LeadTable.Columns.LeadQualityCode)) changes[LeadTable.Columns.LeadQualityCode] = Option((int)result.Rating.Value);
            if (result.IsMarketplace && IsEmpty(lead, LeadTable.Columns.LeadSourceCode)) changes[LeadTable.Columns.LeadSourceCode] = Option(LeadSourceWeb);
            if (result.CampaignId.HasValue && IsEmpty(lead, LeadTable.Columns.CampaignId)) changes[LeadTable.Columns.CampaignId] = new EntityReference("campaign", result.CampaignId.Value);
            if (result.NurtureSequenceId.HasValue && IsEmpty(lead, LeadTable.Columns.NurtureSequenceId))
            {
                changes[LeadTable.Columns.NurtureSequenceId] = new EntityReference(NurtureSequenceTable.LogicalName, result.NurtureSequenceId.Value);
            }
            if (duplicateOf != null && IsEmpty(lead, LeadTable.Columns.DuplicateOf)) changes[LeadTable.Columns.DuplicateOf] = duplicateOf;
            var owner = result.Owner;
            if (owner != null && OwnerIsReplaceable(lead, creatingUserId)) changes[LeadTable.Columns.OwnerId] = new EntityReference(owner.LogicalName, owner.Id);

            var contact = result.ContactUpdates;
            SetContact(changes, lead, LeadTable.Columns.FirstName, contact.FirstName);
            SetContact(changes, lead, LeadTable.Columns.LastName, contact.LastName);
            SetContact(changes, lead, LeadTable.Columns.EmailAddress1, contact.Email);
            SetContact(changes, lead, LeadTable.Columns.Telephone1, contact.Phone);
            SetContact(changes, lead, LeadTable.Columns.CompanyName, contact.CompanyName);
            SetContact(changes, lead, LeadTable.Columns.JobTitle, contact.JobTitle);
            SetContact(changes, lead, LeadTable.Columns.Address1Country, contact.Country);

            changes[LeadTable.Columns.EnrichmentStatus] = Option((int)status);
            changes[LeadTable.Columns.EnrichmentMessage] = ColumnText.Truncate(message, LeadTable.MaxLength.EnrichmentMessage);
            changes[LeadTable.Columns.EnrichedOn] = nowUtc;
            return changes;
        }

        /// <summary>Copies the changes onto the lead (the Target: changed in place, saved by the platform).</summary>
        internal static void Apply(Entity changes, Entity lead)
        {
            foreach (var pair in changes.Attributes) lead[pair.Key] = pair.Value;
        }

        /// <summary>
        /// A marketplace lead cannot be re-sent, and a writer's value longer than its column would make the platform
        /// reject the whole Create after this step. So, once enrichment has read the full text, over-long writer values
        /// are cut to their column and the lead is saved as Partial with a note saying what was cut.
        /// Returns that note (for the trace), or null when nothing was cut.
        /// </summary>
        internal static string? FitWriterTextToColumns(Entity lead)
        {
            System.Text.StringBuilder? note = null;
            foreach (var column in LeadTextColumns.WriterTextColumns)
            {
                if (!(lead.Attributes.TryGetValue(column.Key, out var value) && value is string text) || text.Length <= column.Value) continue;
                lead[column.Key] = ColumnText.Truncate(text, column.Value);
                note = (note == null ? new System.Text.StringBuilder("Input cut to fit its column so the lead could be saved: ") : note.Append("; "))
                    .Append(column.Key).Append(' ').Append(text.Length.ToString("N0", CultureInfo.InvariantCulture))
                    .Append(" -> ").Append(column.Value.ToString(CultureInfo.InvariantCulture)).Append(" characters");
            }
            if (note == null) return null;
            note.Append('.');
            var status = lead.GetAttributeValue<OptionSetValue>(LeadTable.Columns.EnrichmentStatus);
            if (status == null || status.Value == (int)EnrichmentStatus.Enriched) lead[LeadTable.Columns.EnrichmentStatus] = new OptionSetValue((int)EnrichmentStatus.Partial);
            var message = lead.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage);
            lead[LeadTable.Columns.EnrichmentMessage] = ColumnText.Truncate(
                string.IsNullOrEmpty(message) ? note.ToString() : message + " " + note, LeadTable.MaxLength.EnrichmentMessage);
            return note.ToString();
        }

        // The platform puts the creating user into a Create's ownerid before PreOperation; any other owner was chosen.
        private static bool OwnerIsReplaceable(Entity lead, Guid? creatingUserId)
        {
            var current = lead.GetAttributeValue<EntityReference>(LeadTable.Columns.OwnerId);
            if (current == null) return true;
            if (current.LogicalName != OwnerReference.UserLogicalName) return false;
            var createdBy = lead.GetAttributeValue<EntityReference>(LeadTable.Columns.CreatedBy);
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
            return id.HasValue ? new Entity(LeadTable.LogicalName, id.Value) : new Entity(LeadTable.LogicalName);
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

        // The two booleans, boxed once (a boxed bool cannot change), for the three flags every enriched lead gets.
        private static readonly object True = true;
        private static readonly object False = false;

        private static object Boxed(bool value) => value ? True : False;
    }
}
