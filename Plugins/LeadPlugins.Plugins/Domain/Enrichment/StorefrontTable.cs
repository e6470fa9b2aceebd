using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Storefront to audience, campaign type, default listing and tracking. Built-in (no rows):
    /// AppSource = business customers / Nurture / App / publisher CRM + field-seller CRM;
    /// Azure Marketplace = all customers / Demand generation / Offer / Azure Marketplace + field-seller CRM;
    /// Other = nothing. A row overrides only the values it sets; with several rows for one storefront the first wins.
    /// </summary>
    public sealed class StorefrontTable
    {
        public static readonly StorefrontTable BuiltIn = new StorefrontTable(null);

        private readonly StorefrontProfile _appSource;
        private readonly StorefrontProfile _azureMarketplace;
        private readonly StorefrontProfile _other;

        public StorefrontTable(IEnumerable<StorefrontSetting>? settings)
        {
            StorefrontSetting? appSource = null, azure = null, other = null;
            if (settings != null)
            {
                foreach (var setting in settings)
                {
                    if (setting == null) continue;
                    switch (setting.Storefront)
                    {
                        case Storefront.AppSource: appSource = appSource ?? setting; break;
                        case Storefront.AzureMarketplace: azure = azure ?? setting; break;
                        case Storefront.Other: other = other ?? setting; break;
                    }
                }
            }
            _appSource = Merge(Storefront.AppSource, Audience.BusinessCustomers, CampaignType.Nurture, ListingType.App,
                TrackedIn.PublisherCrmAndFieldSellerCrm, appSource);
            _azureMarketplace = Merge(Storefront.AzureMarketplace, Audience.AllCustomers, CampaignType.DemandGeneration, ListingType.Offer,
                TrackedIn.AzureMarketplaceAndFieldSellerCrm, azure);
            _other = Merge(Storefront.Other, null, null, null, null, other);
        }

        public StorefrontProfile For(Storefront storefront)
        {
            switch (storefront)
            {
                case Storefront.AppSource: return _appSource;
                case Storefront.AzureMarketplace: return _azureMarketplace;
                default: return _other;
            }
        }

        private static StorefrontProfile Merge(Storefront storefront, Audience? audience, CampaignType? campaignType, ListingType? listing,
            TrackedIn? trackedIn, StorefrontSetting? row)
        {
            if (row == null) return new StorefrontProfile(storefront, audience, campaignType, listing, trackedIn, null, null, null);
            return new StorefrontProfile(storefront, row.Audience ?? audience, row.CampaignType ?? campaignType, row.ListingType ?? listing,
                row.TrackedIn ?? trackedIn, row.CampaignId, row.DefaultOwner, row.Name ?? "storefront setting");
        }
    }
}
