using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>One mpl_offer row: keyed by offer id (optionally with publisher id) and/or title.</summary>
    public sealed class OfferEntry
    {
        public OfferEntry(string? offerId, string? title, string? publisherId = null, Storefront? storefront = null,
            ListingType? listingType = null, string? productName = null, OwnerReference? owner = null, Guid? nurtureSequenceId = null,
            Guid? id = null)
        {
            OfferId = StringRanges.TrimToNull(offerId);
            Title = StringRanges.TrimToNull(title);
            PublisherId = StringRanges.TrimToNull(publisherId);
            Storefront = storefront;
            ListingType = listingType;
            ProductName = StringRanges.TrimToNull(productName);
            Owner = owner;
            NurtureSequenceId = nurtureSequenceId == Guid.Empty ? null : nurtureSequenceId;
            Id = id;
        }

        public string? OfferId { get; }
        /// <summary>mpl_name: the title as the marketplace sends it (OfferTitle).</summary>
        public string? Title { get; }
        public string? PublisherId { get; }
        /// <summary>Storefront for leads whose source does not say (TestDrive, unknown).</summary>
        public Storefront? Storefront { get; }
        public ListingType? ListingType { get; }
        /// <summary>Name sellers know; written to the lead's offer column instead of the marketplace title.</summary>
        public string? ProductName { get; }
        /// <summary>Owner of this offer's leads when no routing rule matches.</summary>
        public OwnerReference? Owner { get; }
        public Guid? NurtureSequenceId { get; }
        /// <summary>The mpl_offer row id, for traces.</summary>
        public Guid? Id { get; }
    }
}
