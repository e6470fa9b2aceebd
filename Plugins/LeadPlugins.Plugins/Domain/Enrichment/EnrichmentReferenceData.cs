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
            Storefronts = storefrontSettings == null ? StorefrontTable.BuiltIn : new StorefrontTable(storefrontSettings);
            Offers = offers == null ? OfferCatalogue.Empty : new OfferCatalogue(offers);
            Routing = routingRules == null ? RoutingRuleSet.Empty : new RoutingRuleSet(routingRules);
        }

        public EnrichmentSettings Settings { get; }
        public StorefrontTable Storefronts { get; }
        public OfferCatalogue Offers { get; }
        public RoutingRuleSet Routing { get; }
    }
}
