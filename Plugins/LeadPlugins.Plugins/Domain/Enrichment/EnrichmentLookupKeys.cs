using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// What a batch needs from Dataverse, so the SDK layer queries once per concern and skips what is not needed.
    /// All lists are distinct (case-insensitive) and in first-seen order.
    /// </summary>
    public sealed class EnrichmentLookupKeys
    {
        private EnrichmentLookupKeys(int marketplaceLeadCount, IReadOnlyList<string> offerIds, IReadOnlyList<string> offerTitles,
            IReadOnlyList<string> emails, IReadOnlyList<string> campaignCodes)
        {
            MarketplaceLeadCount = marketplaceLeadCount;
            OfferIds = offerIds;
            OfferTitles = offerTitles;
            Emails = emails;
            CampaignCodes = campaignCodes;
        }

        /// <summary>Leads of kind Marketplace (not test, not co-sell, not other): 0 = no query is needed at all.</summary>
        public int MarketplaceLeadCount { get; }
        /// <summary>Offer ids (mpl_offer.mpl_offerid in ...).</summary>
        public IReadOnlyList<string> OfferIds { get; }
        /// <summary>Offer titles (mpl_offer.mpl_name in ...).</summary>
        public IReadOnlyList<string> OfferTitles { get; }
        /// <summary>Normalised e-mails of duplicate candidates (open leads with emailaddress1 in ...).</summary>
        public IReadOnlyList<string> Emails { get; }
        /// <summary>Listing campaign codes (mktcmpid) seen, should the SDK layer resolve campaigns by code.</summary>
        public IReadOnlyList<string> CampaignCodes { get; }

        public bool NeedsOffers => OfferIds.Count > 0 || OfferTitles.Count > 0;
        public bool NeedsDuplicates => Emails.Count > 0;

        public static EnrichmentLookupKeys Collect(IReadOnlyList<ParsedLead> leads)
        {
            if (leads == null) throw new ArgumentNullException(nameof(leads));
            var offerIds = new Distinct();
            var titles = new Distinct();
            var emails = new Distinct();
            var campaigns = new Distinct();
            int count = 0;
            for (int i = 0; i < leads.Count; i++)
            {
                var lead = leads[i];
                if (lead == null || lead.Kind != LeadKind.Marketplace) continue;
                count++;
                offerIds.Add(lead.OfferId);
                titles.Add(lead.OfferTitle);
                if (lead.Email.Status == EmailStatus.Business || lead.Email.Status == EmailStatus.FreeMail) emails.Add(lead.Email.Address);
                campaigns.Add(lead.CampaignCode);
            }
            return new EnrichmentLookupKeys(count, offerIds.ToArray(), titles.ToArray(), emails.ToArray(), campaigns.ToArray());
        }

        /// <summary>
        /// Distinct values in first-seen order. A batch of one lead (a Create) has at most one value per key: the set and
        /// the list are made for the second distinct value.
        /// </summary>
        private struct Distinct
        {
            private string? _first;
            private HashSet<string>? _seen;
            private List<string>? _items;

            internal void Add(string? value)
            {
                if (value == null) return;
                if (_first == null)
                {
                    _first = value;
                }
                else if (_items == null)
                {
                    if (StringComparer.OrdinalIgnoreCase.Equals(value, _first)) return;
                    _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { _first, value };
                    _items = new List<string> { _first, value };
                }
                else if (_seen!.Add(value))
                {
                    _items.Add(value);
                }
            }

            internal string[] ToArray() => _items != null ? _items.ToArray() : _first != null ? new[] { _first } : Array.Empty<string>();
        }
    }
}
