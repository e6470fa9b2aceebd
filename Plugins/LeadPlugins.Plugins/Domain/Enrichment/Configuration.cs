using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>An owner: a systemuser or a team.</summary>
    public sealed class OwnerReference
    {
        public const string UserLogicalName = "systemuser";
        public const string TeamLogicalName = "team";

        private OwnerReference(string logicalName, Guid id)
        {
            LogicalName = logicalName;
            Id = id;
        }

        /// <summary>"systemuser" or "team".</summary>
        public string LogicalName { get; }
        public Guid Id { get; }

        public static OwnerReference User(Guid id) => new OwnerReference(UserLogicalName, id);
        public static OwnerReference Team(Guid id) => new OwnerReference(TeamLogicalName, id);

        /// <summary>The user when set, else the team, else null (the lookups of a rule or setting row).</summary>
        public static OwnerReference? From(Guid? userId, Guid? teamId)
        {
            if (userId.HasValue && userId.Value != Guid.Empty) return User(userId.Value);
            if (teamId.HasValue && teamId.Value != Guid.Empty) return Team(teamId.Value);
            return null;
        }

        public override string ToString() => LogicalName + " " + Id.ToString("D");
    }

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
