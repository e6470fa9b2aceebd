using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Configuration rows and settings for one batch, indexed once (storefront table, offer catalogue, sorted
    /// routing rules). Immutable; build one per Create/CreateMultiple request and reuse it for every lead.
    /// </summary>
    public sealed class EnrichmentReferenceData
    {
        /// <summary>No rows, default settings: the built-in storefront table only.</summary>
        public static readonly EnrichmentReferenceData Default = new EnrichmentReferenceData(null, null, null, null);

        public EnrichmentReferenceData(EnrichmentSettings? settings, IEnumerable<StorefrontSetting>? storefrontSettings,
            IEnumerable<OfferEntry>? offers, IEnumerable<RoutingRule>? routingRules)
        {
            Settings = settings ?? EnrichmentSettings.Default;
            // No rows read (the usual batch where nothing is configured) index to the empty tables: the same answers
            // without building them again.
            Storefronts = IsEmpty(storefrontSettings) ? StorefrontTable.BuiltIn : new StorefrontTable(storefrontSettings);
            Offers = IsEmpty(offers) ? OfferCatalogue.Empty : new OfferCatalogue(offers);
            Routing = IsEmpty(routingRules) ? RoutingRuleSet.Empty : new RoutingRuleSet(routingRules);
        }

        private static bool IsEmpty<T>(IEnumerable<T>? rows) => rows == null || rows is ICollection<T> { Count: 0 } || rows is IReadOnlyCollection<T> { Count: 0 };

        public EnrichmentSettings Settings { get; }
        public StorefrontTable Storefronts { get; }
        public OfferCatalogue Offers { get; }
        public RoutingRuleSet Routing { get; }
    }
}
