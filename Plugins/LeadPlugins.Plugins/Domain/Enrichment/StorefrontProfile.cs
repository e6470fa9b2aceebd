using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>The resolved profile of a storefront: built-in table merged with its setting row.</summary>
    public sealed class StorefrontProfile
    {
        internal StorefrontProfile(Storefront storefront, Audience? audience, CampaignType? campaignType, ListingType? defaultListing,
            TrackedIn? trackedIn, Guid? campaignId, OwnerReference? defaultOwner, string? settingName)
        {
            Storefront = storefront;
            Audience = audience;
            CampaignType = campaignType;
            DefaultListing = defaultListing;
            TrackedIn = trackedIn;
            CampaignId = campaignId;
            DefaultOwner = defaultOwner;
            SettingName = settingName;
        }

        public Storefront Storefront { get; }
        public Audience? Audience { get; }
        public CampaignType? CampaignType { get; }
        public ListingType? DefaultListing { get; }
        public TrackedIn? TrackedIn { get; }
        public Guid? CampaignId { get; }
        public OwnerReference? DefaultOwner { get; }
        /// <summary>Name of the setting row that contributed, or null when only the built-in table applied.</summary>
        public string? SettingName { get; }
    }
}
