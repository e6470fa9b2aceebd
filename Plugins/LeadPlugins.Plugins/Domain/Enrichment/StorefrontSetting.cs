using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>One active mpl_storefrontsetting row. Empty values fall back to the built-in storefront table.</summary>
    public sealed class StorefrontSetting
    {
        public StorefrontSetting(Storefront storefront, Audience? audience = null, CampaignType? campaignType = null,
            ListingType? listingType = null, TrackedIn? trackedIn = null, Guid? campaignId = null, OwnerReference? defaultOwner = null,
            string? name = null)
        {
            Storefront = storefront;
            Audience = audience;
            CampaignType = campaignType;
            ListingType = listingType;
            TrackedIn = trackedIn;
            CampaignId = campaignId == Guid.Empty ? null : campaignId;
            DefaultOwner = defaultOwner;
            Name = name;
        }

        public Storefront Storefront { get; }
        public Audience? Audience { get; }
        public CampaignType? CampaignType { get; }
        public ListingType? ListingType { get; }
        public TrackedIn? TrackedIn { get; }
        /// <summary>The campaign to set as the lead's source campaign.</summary>
        public Guid? CampaignId { get; }
        public OwnerReference? DefaultOwner { get; }
        public string? Name { get; }
    }
}
