using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// One active mpl_routingrule row. Every condition left empty matches anything; a rule matches when all its
    /// set conditions do. The owner is the user when set, else the team; a rule with neither never matches.
    /// </summary>
    public sealed class RoutingRule
    {
        public RoutingRule(string? name, int order, Storefront? storefront = null, CampaignType? campaignType = null,
            LeadAction? action = null, string? countryCodes = null, string? offer = null, int? minimumScore = null,
            Guid? assignUserId = null, Guid? assignTeamId = null, Guid? id = null)
        {
            Name = StringRanges.TrimToNull(name) ?? "(unnamed rule)";
            Order = order;
            Storefront = storefront;
            CampaignType = campaignType;
            Action = action;
            CountryCodes = ParseCountryCodes(countryCodes);
            Offer = StringRanges.TrimToNull(offer);
            MinimumScore = minimumScore;
            Owner = OwnerReference.From(assignUserId, assignTeamId);
            Id = id;
        }

        public string Name { get; }
        /// <summary>Lower runs first; ties keep the order the rows were given in.</summary>
        public int Order { get; }
        public Storefront? Storefront { get; }
        public CampaignType? CampaignType { get; }
        public LeadAction? Action { get; }
        /// <summary>Upper-case alpha-2 codes from the comma/semicolon/space separated column; empty = any country.</summary>
        public IReadOnlyList<string> CountryCodes { get; }
        /// <summary>Offer id, publisherid.offerid or title (case-insensitive).</summary>
        public string? Offer { get; }
        public int? MinimumScore { get; }
        public OwnerReference? Owner { get; }
        public Guid? Id { get; }

        /// <summary>True when every set condition holds for <paramref name="lead"/>.</summary>
        public bool Matches(in RoutingInput lead)
        {
            if (Owner == null) return false;
            if (Storefront.HasValue && lead.Storefront != Storefront) return false;
            if (CampaignType.HasValue && lead.CampaignType != CampaignType) return false;
            if (Action.HasValue && lead.Action != Action) return false;
            if (MinimumScore.HasValue && (!lead.Score.HasValue || lead.Score.Value < MinimumScore.Value)) return false;
            if (CountryCodes.Count > 0)
            {
                if (lead.CountryCode == null) return false;
                bool found = false;
                for (int i = 0; i < CountryCodes.Count && !found; i++)
                {
                    found = string.Equals(CountryCodes[i], lead.CountryCode, StringComparison.OrdinalIgnoreCase);
                }
                if (!found) return false;
            }
            if (Offer != null && !MatchesOffer(lead)) return false;
            return true;
        }

        private bool MatchesOffer(in RoutingInput lead)
        {
            var offer = Offer!;
            if (Same(offer, lead.OfferId) || Same(offer, lead.OfferTitle) || Same(offer, lead.ProductName)) return true;
            // "publisherid.offerid" against the two parts.
            if (lead.PublisherId != null && lead.OfferId != null && offer.Length == lead.PublisherId.Length + 1 + lead.OfferId.Length
                && offer[lead.PublisherId.Length] == '.'
                && string.Compare(offer, 0, lead.PublisherId, 0, lead.PublisherId.Length, StringComparison.OrdinalIgnoreCase) == 0
                && string.Compare(offer, lead.PublisherId.Length + 1, lead.OfferId, 0, lead.OfferId.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
            return false;
        }

        private static bool Same(string a, string? b) => b != null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private static IReadOnlyList<string> ParseCountryCodes(string? text)
        {
            if (StringRanges.IsBlank(text)) return Array.Empty<string>();
            var codes = new List<string>();
            foreach (var part in text!.Split(new[] { ',', ';', ' ', '\t', '\n', '\r', '|' }, StringSplitOptions.RemoveEmptyEntries))
            {
                // Accept alpha-3 and names too ("USA", "Germany"): admins type what they know.
                var code = Enrichment.CountryCodes.ToAlpha2(part) ?? part.Trim().ToUpperInvariant();
                if (!codes.Contains(code)) codes.Add(code);
            }
            return codes.ToArray();
        }
    }
}
