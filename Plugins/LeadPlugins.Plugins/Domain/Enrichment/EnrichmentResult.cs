using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Every output column of one enriched lead. Immutable. Null means "do not write this column". String values
    /// are already cut to the column's maximum length. For <see cref="EnrichmentStatus.NotMarketplace"/> only
    /// <see cref="Status"/> is meant to be written.
    /// </summary>
    public sealed class EnrichmentResult
    {
        /// <summary>A lead with no marketplace source, action or payload: only the status is meant to be written.</summary>
        internal static EnrichmentResult NotMarketplace(ParsedLead parsed, string message) =>
            new EnrichmentResult(parsed, EnrichmentStatus.NotMarketplace, message, classification: null, emailStatus: null,
                score: null, campaignId: null, routing: null, duplicate: null, Array.Empty<string>());

        /// <summary>A co-sell referral: its co-sell columns and the contact normalisation, nothing else.</summary>
        internal static EnrichmentResult CoSell(ParsedLead parsed, string message) =>
            new EnrichmentResult(parsed, EnrichmentStatus.CoSell, message, classification: null, emailStatus: parsed.Email.Status,
                score: null, campaignId: null, routing: null, duplicate: null, Array.Empty<string>());

        /// <summary>A Partner Center test lead: classified, never scored, routed or paired.</summary>
        internal static EnrichmentResult Test(ParsedLead parsed, string message, StorefrontClassification classification) =>
            new EnrichmentResult(parsed, EnrichmentStatus.Test, message, classification, emailStatus: parsed.Email.Status,
                score: null, campaignId: null, routing: null, duplicate: null, Array.Empty<string>());

        /// <summary>A marketplace lead, <see cref="EnrichmentStatus.Enriched"/> or (with problems) <see cref="EnrichmentStatus.Partial"/>.</summary>
        internal static EnrichmentResult Marketplace(ParsedLead parsed, EnrichmentStatus status, string message, StorefrontClassification classification,
            LeadScore score, RoutingDecision routing, DuplicateMatch? duplicate, IReadOnlyList<string> problems) =>
            new EnrichmentResult(parsed, status, message, classification, emailStatus: parsed.Email.Status,
                score: score, campaignId: classification.Profile.CampaignId, routing: routing, duplicate: duplicate, problems);

        private EnrichmentResult(ParsedLead parsed, EnrichmentStatus status, string message, StorefrontClassification? classification,
            EmailStatus? emailStatus, LeadScore? score, Guid? campaignId, RoutingDecision? routing, DuplicateMatch? duplicate,
            IReadOnlyList<string> problems)
        {
            Parsed = parsed;
            Status = status;
            Message = message;
            if (classification.HasValue)
            {
                var c = classification.Value;
                Storefront = c.Storefront;
                Audience = c.Profile.Audience;
                CampaignType = c.Profile.CampaignType;
                ListingType = c.Listing;
                TrackedIn = c.Profile.TrackedIn;
                OfferTitle = ColumnText.Truncate(c.OfferTitle, LeadTable.MaxLength.OfferTitle);
                Offer = c.Offer;
                StorefrontProfile = c.Profile;
            }
            EmailStatus = emailStatus;
            ScoreDetails = score;
            CampaignId = campaignId;
            Routing = routing;
            Duplicate = duplicate;
            Problems = problems;
        }

        /// <summary>The first-pass result this was completed from.</summary>
        public ParsedLead Parsed { get; }

        /// <summary>mpl_enrichmentstatus: Enriched, Partial, Test, CoSell or NotMarketplace (Failed is the SDK layer's).</summary>
        public EnrichmentStatus Status { get; }
        /// <summary>mpl_enrichmentmessage (max 4000).</summary>
        public string Message { get; }
        /// <summary>mpl_ismarketplace (true for marketplace and test leads).</summary>
        public bool IsMarketplace => Parsed.IsMarketplace;
        /// <summary>mpl_storefront</summary>
        public Storefront? Storefront { get; }
        /// <summary>mpl_audience</summary>
        public Audience? Audience { get; }
        /// <summary>mpl_campaigntype</summary>
        public CampaignType? CampaignType { get; }
        /// <summary>mpl_listingtype</summary>
        public ListingType? ListingType { get; }
        /// <summary>mpl_leadaction (null when no action was found; Other for an unknown code)</summary>
        public LeadAction? LeadAction => IsMarketplace ? Parsed.Action : null;
        /// <summary>mpl_funnelstage</summary>
        public FunnelStage? FunnelStage => LeadCodes.FunnelStageOf(LeadAction);
        /// <summary>mpl_publisherid</summary>
        public string? PublisherId => IsMarketplace ? ColumnText.Truncate(Parsed.PublisherId, LeadTable.MaxLength.PublisherId) : null;
        /// <summary>mpl_offerid</summary>
        public string? OfferId => IsMarketplace ? ColumnText.Truncate(Parsed.OfferId, LeadTable.MaxLength.OfferId) : null;
        /// <summary>mpl_offertitle: the catalogue's product name, else the marketplace's offer title.</summary>
        public string? OfferTitle { get; }
        /// <summary>mpl_trackedin</summary>
        public TrackedIn? TrackedIn { get; }
        /// <summary>mpl_iscosell</summary>
        public bool IsCoSell => Parsed.Kind == LeadKind.CoSell;
        /// <summary>mpl_referralid (referral id, else engagement id, of a co-sell referral)</summary>
        public string? ReferralId => IsCoSell ? ColumnText.Truncate(Parsed.CoSell!.BestId, LeadTable.MaxLength.ReferralId) : null;
        /// <summary>mpl_istestlead</summary>
        public bool IsTestLead => Parsed.Kind == LeadKind.Test;
        /// <summary>When Partner Center sent the test lead (decoded from the MSFT_TEST_ ticks), for the trace.</summary>
        public DateTime? TestValidationTimeUtc => Parsed.TestToken?.ValidationTimeUtc;
        /// <summary>mpl_countrycode (ISO alpha-2)</summary>
        public string? CountryCode => Parsed.Kind == LeadKind.NotMarketplace ? null : Parsed.CountryCode;
        /// <summary>mpl_emailstatus</summary>
        public EmailStatus? EmailStatus { get; }
        /// <summary>Trimmed lower-case e-mail (the duplicate key); not a column.</summary>
        public string? NormalizedEmail => Parsed.Kind == LeadKind.NotMarketplace ? null : Parsed.Email.Address;
        /// <summary>mpl_leadscore (0..100)</summary>
        public int? Score => ScoreDetails?.Value;
        /// <summary>mpl_scorereason (one line per contribution)</summary>
        public string? ScoreReason => ColumnText.Truncate(ScoreDetails?.Reason, LeadTable.MaxLength.ScoreReason);
        /// <summary>leadqualitycode</summary>
        public Rating? Rating => ScoreDetails?.Rating;
        public LeadScore? ScoreDetails { get; }
        /// <summary>campaignid: the storefront setting's campaign (the SDK layer checks it is active).</summary>
        public Guid? CampaignId { get; }
        /// <summary>mpl_sourcecampaigncode (mktcmpid / utm_campaign)</summary>
        public string? SourceCampaignCode => IsMarketplace ? ColumnText.Truncate(Parsed.CampaignCode, LeadTable.MaxLength.SourceCampaignCode) : null;
        /// <summary>ownerid: the new owner, or null to leave the creating user as owner.</summary>
        public OwnerReference? Owner => Routing?.Owner;
        /// <summary>How the owner was chosen (rule, offer, storefront default, unchanged); null when not routed.</summary>
        public RoutingDecision? Routing { get; }
        /// <summary>mpl_duplicateof: <see cref="DuplicateMatch.LeadId"/> or the batch lead at <see cref="DuplicateMatch.BatchIndex"/>.</summary>
        public DuplicateMatch? Duplicate { get; }
        /// <summary>The catalogue row that matched, if any.</summary>
        public OfferEntry? Offer { get; }
        /// <summary>The offer's nurture sequence override (for the nurture step).</summary>
        public Guid? NurtureSequenceId => Offer?.NurtureSequenceId;
        public StorefrontProfile? StorefrontProfile { get; }
        /// <summary>Contact columns to fill or trim (never overwrites what the writer set).</summary>
        public ContactUpdates ContactUpdates => Parsed.Kind == LeadKind.NotMarketplace ? ContactUpdates.None : Parsed.ContactUpdates;
        /// <summary>Why the status is Partial (empty otherwise).</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>Readable trace lines: how the lead was recognised and why each value was chosen. Built on demand.</summary>
        public IReadOnlyList<string> BuildTrace()
        {
            var lines = new TraceLineList();
            WriteTrace(lines);
            return lines.Lines;
        }

        /// <summary>The lines of <see cref="BuildTrace()"/>, each built in the buffer <paramref name="lines"/> gives.</summary>
        internal void WriteTrace(TraceLineSink lines)
        {
            var p = Parsed;
            var line = lines.Start().Append("Enrichment: ").Append(DefinedValues<EnrichmentStatus>.Name(Status));
            if (p.Kind != LeadKind.NotMarketplace) line.Append(" (").Append(DefinedValues<LeadInputShape>.Name(p.Shape)).Append(" in ").Append(p.SourceColumn ?? "no column").Append(')');
            lines.End();
            if (p.Kind == LeadKind.NotMarketplace)
            {
                if (p.CampaignCode != null)
                {
                    lines.Start().Append("Listing campaign parameters found but no marketplace source: ").Append(p.CampaignCode);
                    lines.End();
                }
                return;
            }
            if (p.TestToken != null)
            {
                line = lines.Start().Append("Test token ").Append(p.TestToken.Token);
                if (p.TestToken.ValidationTimeUtc.HasValue)
                    line.Append(" = validation sent ").Append(p.TestToken.ValidationTimeUtc.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                else
                    line.Append(" (digits are not a plausible time)");
                lines.End();
            }
            if (p.CoSell != null)
            {
                lines.Start().Append("Co-sell referral: referral id ").Append(p.CoSell.ReferralId ?? "-").Append(", engagement id ").Append(p.CoSell.EngagementId ?? "-")
                    .Append(", qualification ").Append(p.CoSell.Qualification ?? "-");
                lines.End();
            }
            if (p.SourceText != null || p.ActionText != null)
            {
                line = lines.Start().Append("Source ").Append(p.SourceText ?? "-").Append(" (").Append(DefinedValues<MarketplaceSource>.Name(p.Source)).Append("), action ").Append(p.ActionText ?? "-");
                if (p.Action.HasValue) line.Append(" (").Append(DefinedValues<LeadAction>.Name(p.Action.Value)).Append(')');
                lines.End();
            }
            if (p.PublisherId != null || p.OfferId != null || p.OfferTitle != null)
            {
                lines.Start().Append("Offer: publisher ").Append(p.PublisherId ?? "-").Append(", id ").Append(p.OfferId ?? "-").Append(", title ").Append(p.OfferTitle ?? "-");
                lines.End();
            }
            if (Offer != null)
            {
                line = lines.Start().Append("Offer catalogue row: ").Append(Offer.Title ?? Offer.OfferId ?? "(no key)");
                if (Offer.Storefront.HasValue) line.Append(", storefront ").Append(DefinedValues<Storefront>.Name(Offer.Storefront.Value));
                if (Offer.ListingType.HasValue) line.Append(", listing ").Append(DefinedValues<ListingType>.Name(Offer.ListingType.Value));
                lines.End();
            }
            if (Storefront.HasValue)
            {
                lines.Start().Append("Storefront ").Append(DefinedValues<Storefront>.Name(Storefront.Value)).Append(": audience ").Append(Show(Audience)).Append(", campaign type ").Append(Show(CampaignType))
                    .Append(", listing ").Append(Show(ListingType)).Append(", tracked in ").Append(Show(TrackedIn))
                    .Append(" (").Append(StorefrontProfile?.SettingName ?? "built-in table").Append(')');
                lines.End();
            }
            if (p.Payload != null)
            {
                for (int i = 0; i < p.Payload.Diagnostics.Count; i++)
                {
                    lines.Start().Append("Payload: ").Append(p.Payload.Diagnostics[i]);
                    lines.End();
                }
            }
            lines.Start().Append("E-mail ").Append(p.Email.Address ?? "-").Append(": ").Append(DefinedValues<EmailStatus>.Name(p.Email.Status)).Append("; country ").Append(p.CountryText ?? "-")
                .Append(" -> ").Append(p.CountryCode ?? "unrecognised");
            lines.End();
            if (p.CampaignCode != null)
            {
                line = lines.Start().Append("Listing campaign code ").Append(p.CampaignCode);
                if (p.CampaignSource != null) line.Append(", source ").Append(p.CampaignSource);
                lines.End();
            }
            if (ScoreDetails != null)
            {
                line = lines.Start().Append("Score ").Append(ScoreDetails.Value.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(DefinedValues<Rating>.Name(ScoreDetails.Rating)).Append("): ");
                AppendLinesJoined(line, ScoreDetails.Reason, "; ");
                lines.End();
            }
            if (Duplicate != null)
            {
                lines.Start().Append(Duplicate.Describe());
                lines.End();
            }
            if (Routing != null)
            {
                lines.Start().Append("Owner: ").Append(Routing.Describe());
                lines.End();
            }
            var updates = ContactUpdates;
            if (updates.HasAny)
            {
                line = lines.Start().Append("Contact columns set: ");
                var first = line.Length;
                AppendListed(line, first, updates.FirstName != null ? LeadTable.Columns.FirstName : null);
                AppendListed(line, first, updates.LastName != null ? LeadTable.Columns.LastName : null);
                AppendListed(line, first, updates.Email != null ? LeadTable.Columns.EmailAddress1 : null);
                AppendListed(line, first, updates.Phone != null ? LeadTable.Columns.Telephone1 : null);
                AppendListed(line, first, updates.CompanyName != null ? LeadTable.Columns.CompanyName : null);
                AppendListed(line, first, updates.JobTitle != null ? LeadTable.Columns.JobTitle : null);
                AppendListed(line, first, updates.Country != null ? LeadTable.Columns.Address1Country : null);
                lines.End();
            }
            for (int i = 0; i < Problems.Count; i++)
            {
                lines.Start().Append("Not determined: ").Append(Problems[i]);
                lines.End();
            }
        }

        private static string Show<T>(T? value) where T : struct, Enum => value.HasValue ? DefinedValues<T>.Name(value.Value) : "-";

        // Appends text.Replace("\n", separator) without the copy (StringBuilder.Replace would add a chunk to the buffer).
        private static void AppendLinesJoined(StringBuilder line, string text, string separator)
        {
            var start = 0;
            for (var end = text.IndexOf('\n'); end >= 0; end = text.IndexOf('\n', start))
            {
                line.Append(text, start, end - start).Append(separator);
                start = end + 1;
            }
            line.Append(text, start, text.Length - start);
        }

        // Appends a name of a ", "-separated list that starts at 'listStart' (nothing for null).
        private static void AppendListed(StringBuilder line, int listStart, string? name)
        {
            if (name == null) return;
            if (line.Length > listStart) line.Append(", ");
            line.Append(name);
        }
    }
}
