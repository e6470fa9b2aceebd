using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Result of the cheap first pass (<see cref="MarketplaceLeadParser.Parse"/>): recognised codes, offer keys,
    /// test/co-sell marks and normalised contact data; no configuration looked up yet. Immutable.
    /// </summary>
    public sealed class ParsedLead
    {
        internal ParsedLead(LeadKind kind, Guid? leadId, LeadInputShape shape, string? sourceColumn, MarketplaceSource source, string? sourceText,
            LeadAction? action, string? actionText, string? publisherId, string? offerId, string? offerTitle, TestLeadToken? testToken,
            CoSellSignal? coSell, string? campaignCode, string? campaignSource, NormalizedEmail email, string? countryCode, string? countryText,
            bool hasPhone, bool hasCompany, string? jobTitle, ContactUpdates contactUpdates, MarketplacePayload? payload,
            IReadOnlyList<string> problems, bool createdByMarketplaceWriter)
        {
            Kind = kind;
            LeadId = leadId;
            Shape = shape;
            SourceColumn = sourceColumn;
            Source = source;
            SourceText = sourceText;
            Action = action;
            ActionText = actionText;
            PublisherId = publisherId;
            OfferId = offerId;
            OfferTitle = offerTitle;
            TestToken = testToken;
            CoSell = coSell;
            CampaignCode = campaignCode;
            CampaignSource = campaignSource;
            Email = email;
            CountryCode = countryCode;
            CountryText = countryText;
            HasPhone = hasPhone;
            HasCompany = hasCompany;
            JobTitle = jobTitle;
            ContactUpdates = contactUpdates;
            Payload = payload;
            Problems = problems;
            CreatedByMarketplaceWriter = createdByMarketplaceWriter;
        }

        public LeadKind Kind { get; }
        /// <summary>Marketplace or test lead (mpl_ismarketplace).</summary>
        public bool IsMarketplace => Kind == LeadKind.Marketplace || Kind == LeadKind.Test;
        public Guid? LeadId { get; }
        public LeadInputShape Shape { get; }
        /// <summary>Logical name of the column the source was read from ("subject", "mpl_leadsource", "description" for JSON, an extra column).</summary>
        public string? SourceColumn { get; }
        public MarketplaceSource Source { get; }
        /// <summary>Canonical code of a known source; the raw text of an unknown one.</summary>
        public string? SourceText { get; }
        /// <summary>Storefront named by the source code itself (null for TestDrive / unknown / test token / none).</summary>
        public Storefront? SourceStorefront => LeadCodes.StorefrontOf(Source);
        /// <summary>Null when no action was found; <see cref="LeadAction.Other"/> for an unknown code.</summary>
        public LeadAction? Action { get; }
        /// <summary>The action code (canonical for codes, as sent for labels and unknown codes).</summary>
        public string? ActionText { get; }
        public string? PublisherId { get; }
        public string? OfferId { get; }
        /// <summary>OfferTitle of the payload, or the combined value's offer part when it reads as a title.</summary>
        public string? OfferTitle { get; }
        public TestLeadToken? TestToken { get; }
        public CoSellSignal? CoSell { get; }
        /// <summary>mktcmpid / utm_campaign from the listing URL.</summary>
        public string? CampaignCode { get; }
        public string? CampaignSource { get; }
        /// <summary>The lead's own e-mail, else the payload's, normalised.</summary>
        public NormalizedEmail Email { get; }
        /// <summary>ISO alpha-2 of the lead's country (or the payload's when the lead's is empty or unrecognised).</summary>
        public string? CountryCode { get; }
        /// <summary>The country text the code came from (or the unrecognised text).</summary>
        public string? CountryText { get; }
        public bool HasPhone { get; }
        public bool HasCompany { get; }
        /// <summary>The lead's job title, else the payload's.</summary>
        public string? JobTitle { get; }
        public ContactUpdates ContactUpdates { get; }
        /// <summary>The JSON payload read from description, if any.</summary>
        public MarketplacePayload? Payload { get; }
        /// <summary>What could not be determined so far (unknown source/action, missing action, repaired payload).</summary>
        public IReadOnlyList<string> Problems { get; }
        /// <summary>Recognised only because a marketplace writer user created it.</summary>
        public bool CreatedByMarketplaceWriter { get; }
    }
}
