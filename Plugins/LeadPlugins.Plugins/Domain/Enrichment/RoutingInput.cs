using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>What routing looks at (a struct: no allocation per lead).</summary>
    public readonly struct RoutingInput
    {
        public RoutingInput(Storefront? storefront, CampaignType? campaignType, LeadAction? action, string? countryCode,
            string? publisherId, string? offerId, string? offerTitle, string? productName, int? score)
        {
            Storefront = storefront;
            CampaignType = campaignType;
            Action = action;
            CountryCode = countryCode;
            PublisherId = publisherId;
            OfferId = offerId;
            OfferTitle = offerTitle;
            ProductName = productName;
            Score = score;
        }

        public Storefront? Storefront { get; }
        public CampaignType? CampaignType { get; }
        public LeadAction? Action { get; }
        public string? CountryCode { get; }
        public string? PublisherId { get; }
        public string? OfferId { get; }
        public string? OfferTitle { get; }
        public string? ProductName { get; }
        public int? Score { get; }
    }
}
