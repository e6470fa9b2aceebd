using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Where a marketplace or test lead came from once the offer catalogue and the storefront table are applied: the
    /// storefront, its profile (audience, campaign type, tracked-in), the listing type, the catalogue row and the offer
    /// title to write. A struct: it only groups arguments of <see cref="EnrichmentResult"/>'s factories, on the hot path.
    /// </summary>
    internal readonly struct StorefrontClassification
    {
        internal StorefrontClassification(Storefront storefront, StorefrontProfile profile, ListingType? listing, OfferEntry? offer, string? offerTitle)
        {
            Storefront = storefront;
            Profile = profile;
            Listing = listing;
            Offer = offer;
            OfferTitle = offerTitle;
        }

        internal Storefront Storefront { get; }
        internal StorefrontProfile Profile { get; }
        internal ListingType? Listing { get; }
        internal OfferEntry? Offer { get; }
        internal string? OfferTitle { get; }
    }
}
