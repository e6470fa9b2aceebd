using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The enrichment entry points. Two-phase use for a batch (what the plug-in does):
    /// <list type="number">
    /// <item><see cref="MarketplaceLeadParser.Parse"/> each Target (cheap, no I/O);</item>
    /// <item><see cref="EnrichmentLookupKeys.Collect"/> to see what to query (nothing when no marketplace lead);</item>
    /// <item>query offers, settings, routing rules and open leads once for the whole batch;
    /// build one <see cref="EnrichmentReferenceData"/>; <see cref="DuplicateMatcher.Match"/> the batch;</item>
    /// <item><see cref="Complete"/> each parsed lead with its duplicate match.</item>
    /// </list>
    /// <see cref="Enrich"/> and <see cref="EnrichBatch"/> do the same in one call when the data is already at hand.
    /// </summary>
    public static class MarketplaceLeadEnricher
    {
        /// <summary>One lead, everything at hand.</summary>
        public static EnrichmentResult Enrich(LeadFields fields, EnrichmentReferenceData? reference, DuplicateMatch? duplicate = null)
        {
            var data = reference ?? EnrichmentReferenceData.Default;
            return Complete(MarketplaceLeadParser.Parse(fields, data.Settings), data, duplicate);
        }

        /// <summary>A parsed batch: matches duplicates against <paramref name="openLeads"/> and completes every lead (same order).</summary>
        public static EnrichmentResult[] EnrichBatch(IReadOnlyList<ParsedLead> batch, EnrichmentReferenceData? reference, IEnumerable<OpenLead>? openLeads)
        {
            if (batch == null) throw new ArgumentNullException(nameof(batch));
            var data = reference ?? EnrichmentReferenceData.Default;
            var duplicates = DuplicateMatcher.Match(batch, openLeads);
            var results = new EnrichmentResult[batch.Count];
            for (int i = 0; i < batch.Count; i++) results[i] = Complete(batch[i], data, duplicates[i]);
            return results;
        }

        /// <summary>
        /// Second phase for one lead: offer catalogue, storefront profile, score, routing, duplicate and status.
        /// Test leads are classified but not scored, routed or paired; co-sell referrals get only their co-sell
        /// columns and contact normalisation; other leads get only <see cref="EnrichmentStatus.NotMarketplace"/>.
        /// </summary>
        public static EnrichmentResult Complete(ParsedLead parsed, EnrichmentReferenceData? reference, DuplicateMatch? duplicate)
        {
            if (parsed == null) throw new ArgumentNullException(nameof(parsed));
            var data = reference ?? EnrichmentReferenceData.Default;

            switch (parsed.Kind)
            {
                case LeadKind.NotMarketplace:
                    return EnrichmentResult.NotMarketplace(parsed, "No marketplace source, action or payload found.");
                case LeadKind.CoSell:
                    return EnrichmentResult.CoSell(parsed, CoSellMessage(parsed));
            }

            var offer = data.Offers.Find(parsed.PublisherId, parsed.OfferId, parsed.OfferTitle);
            Storefront? storefront = parsed.SourceStorefront ?? offer?.Storefront;
            List<string>? problems = parsed.Problems.Count == 0 ? null : new List<string>(parsed.Problems);
            if (!storefront.HasValue)
            {
                storefront = Storefront.Other;
                // Unknown or missing sources are already listed as problems by the parser.
                if (parsed.Source == MarketplaceSource.TestDrive) Add(ref problems, "storefront (source TestDrive and no offer catalogue row names one)");
            }
            var profile = data.Storefronts.For(storefront.Value);
            var listing = offer?.ListingType ?? profile.DefaultListing;
            string? offerTitle = offer?.ProductName ?? parsed.OfferTitle;
            var problemList = problems == null ? (IReadOnlyList<string>)Array.Empty<string>() : problems.ToArray();
            var classification = new StorefrontClassification(storefront.Value, profile, listing, offer, offerTitle);

            if (parsed.Kind == LeadKind.Test)
            {
                return EnrichmentResult.Test(parsed, TestMessage(parsed), classification);
            }

            var settings = data.Settings;
            bool repeat = duplicate != null && duplicate.IsRepeatEngagement;
            var score = LeadScorer.Score(
                new ScoreInput(parsed.Action, storefront, parsed.Email.Status, parsed.HasPhone, parsed.HasCompany, parsed.JobTitle,
                    parsed.CountryCode != null, repeat, duplicate?.EarlierAction),
                settings.Weights, settings.Thresholds);
            var routing = data.Routing.Route(
                new RoutingInput(storefront, profile.CampaignType, parsed.Action, parsed.CountryCode, parsed.PublisherId, parsed.OfferId,
                    parsed.OfferTitle, offer?.ProductName, score.Value),
                offer?.Owner, profile.DefaultOwner);

            var status = problemList.Count == 0 ? EnrichmentStatus.Enriched : EnrichmentStatus.Partial;
            string message = MarketplaceMessage(parsed, storefront.Value, offerTitle, score, routing, duplicate, problemList);
            return EnrichmentResult.Marketplace(parsed, status, message, classification, score, routing, duplicate, problemList);
        }

        private static string MarketplaceMessage(ParsedLead parsed, Storefront storefront, string? offerTitle, LeadScore score,
            RoutingDecision routing, DuplicateMatch? duplicate, IReadOnlyList<string> problems)
        {
            var parts = new string?[17];
            parts[0] = "Marketplace lead: ";
            parts[1] = LeadCodes.Describe(storefront);
            parts[2] = ", ";
            parts[3] = parsed.Action.HasValue
                ? (parsed.Action.Value == LeadAction.Other ? "action '" + ColumnText.Quote(parsed.ActionText) + "'" : LeadCodes.Describe(parsed.Action.Value))
                : "no action";
            if (parsed.OfferId != null)
            {
                parts[4] = ", offer ";
                parts[5] = ColumnText.Quote(parsed.PublisherId);
                parts[6] = parsed.PublisherId != null ? "." : null;
                parts[7] = ColumnText.Quote(parsed.OfferId);
            }
            else if (offerTitle != null)
            {
                parts[4] = ", offer ";
                parts[5] = ColumnText.Quote(offerTitle);
            }
            parts[8] = ". Score ";
            parts[9] = NumberText.Of(score.Value);
            parts[10] = RatingText(score.Rating);
            parts[11] = routing.Source == OwnerSource.RoutingRule ? " Owner from routing rule '" + routing.Rule!.Name + "'."
                : routing.Source == OwnerSource.Offer ? " Owner from the offer catalogue."
                : routing.Source == OwnerSource.StorefrontDefault ? " Owner is the storefront default." : null;
            if (duplicate != null)
            {
                parts[12] = " Duplicate of an earlier lead";
                parts[13] = duplicate.IsRepeatEngagement ? " (repeat engagement)." : ".";
            }
            if (problems.Count > 0)
            {
                parts[14] = " Could not determine: ";
                parts[15] = string.Join("; ", ToArray(problems));
                parts[16] = ".";
            }
            return ColumnText.Truncate(string.Concat(parts), LeadTable.MaxLength.EnrichmentMessage)!;
        }

        private static string RatingText(Rating rating)
        {
            switch (rating)
            {
                case Rating.Hot: return " (Hot).";
                case Rating.Warm: return " (Warm).";
                default: return " (Cold).";
            }
        }

        private static string TestMessage(ParsedLead parsed)
        {
            var token = parsed.TestToken!;
            string sent = token.ValidationTimeUtc.HasValue
                ? ", sent " + token.ValidationTimeUtc.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"
                : "";
            return ColumnText.Truncate("Partner Center test lead (" + ColumnText.Quote(token.Token) + sent + "): not scored, routed or nurtured.",
                LeadTable.MaxLength.EnrichmentMessage)!;
        }

        private static string CoSellMessage(ParsedLead parsed)
        {
            var signal = parsed.CoSell!;
            string detail = signal.ReferralId != null ? "referral id " + ColumnText.Quote(signal.ReferralId)
                : signal.EngagementId != null ? "engagement id " + ColumnText.Quote(signal.EngagementId)
                : "qualification " + ColumnText.Quote(signal.Qualification);
            if (signal.Qualification != null && (signal.ReferralId != null || signal.EngagementId != null)) detail += ", qualification " + ColumnText.Quote(signal.Qualification);
            return "Co-sell referral (" + detail + "): not a marketplace lead, so no marketplace campaign, score, routing or nurture.";
        }

        private static string[] ToArray(IReadOnlyList<string> items)
        {
            var array = new string[items.Count];
            for (int i = 0; i < array.Length; i++) array[i] = items[i];
            return array;
        }

        private static void Add(ref List<string>? list, string problem)
        {
            if (list == null) list = new List<string>(2);
            list.Add(problem);
        }
    }
}
