using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The offer catalogue. <see cref="Find"/> tries, case-insensitively: publisher + offer id, then offer id
    /// (rows without a publisher, or any row when none is publisher-free), then title. Immutable.
    /// </summary>
    public sealed class OfferCatalogue
    {
        public static readonly OfferCatalogue Empty = new OfferCatalogue(null);

        private readonly Dictionary<string, OfferEntry> _byPublisherAndOffer = new Dictionary<string, OfferEntry>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, OfferEntry> _byOffer = new Dictionary<string, OfferEntry>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, OfferEntry> _byTitle = new Dictionary<string, OfferEntry>(StringComparer.OrdinalIgnoreCase);

        public OfferCatalogue(IEnumerable<OfferEntry>? entries)
        {
            if (entries == null) return;
            var anyPublisherByOffer = new Dictionary<string, OfferEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                if (entry == null) continue;
                if (entry.OfferId != null)
                {
                    if (entry.PublisherId != null)
                    {
                        string key = entry.PublisherId + "." + entry.OfferId;
                        if (!_byPublisherAndOffer.ContainsKey(key)) _byPublisherAndOffer.Add(key, entry);
                        if (!anyPublisherByOffer.ContainsKey(entry.OfferId)) anyPublisherByOffer.Add(entry.OfferId, entry);
                    }
                    else if (!_byOffer.ContainsKey(entry.OfferId))
                    {
                        _byOffer.Add(entry.OfferId, entry);
                    }
                }
                if (entry.Title != null && !_byTitle.ContainsKey(entry.Title)) _byTitle.Add(entry.Title, entry);
            }
            foreach (var pair in anyPublisherByOffer)
            {
                if (!_byOffer.ContainsKey(pair.Key)) _byOffer.Add(pair.Key, pair.Value);
            }
            Count = _byOffer.Count + _byTitle.Count;
        }

        /// <summary>Number of look-up keys (0 for an empty catalogue).</summary>
        public int Count { get; }

        public OfferEntry? Find(string? publisherId, string? offerId, string? title)
        {
            if (Count == 0) return null;
            OfferEntry? entry;
            if (offerId != null)
            {
                if (publisherId != null && _byPublisherAndOffer.Count > 0 && _byPublisherAndOffer.TryGetValue(publisherId + "." + offerId, out entry)) return entry;
                if (_byOffer.TryGetValue(offerId, out entry))
                {
                    // A row bound to another publisher is not this offer.
                    if (entry.PublisherId == null || publisherId == null || string.Equals(entry.PublisherId, publisherId, StringComparison.OrdinalIgnoreCase)) return entry;
                }
            }
            if (title != null && _byTitle.TryGetValue(title, out entry)) return entry;
            return null;
        }
    }
}
