using System;
using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Result of the cheap first pass (<see cref="MarketplaceLeadParser.Parse"/>): recognised codes, offer keys,
    /// test/co-sell marks and normalised contact data; no configuration looked up yet. Immutable: built by the parser
    /// with an object initializer (init-only members; unset ones keep the defaults below).
    /// </summary>
    public sealed class ParsedLead
    {
        internal ParsedLead()
        {
        }

        public LeadKind Kind { get; internal init; }
        /// <summary>Marketplace or test lead (mpl_ismarketplace).</summary>
        public bool IsMarketplace => Kind == LeadKind.Marketplace || Kind == LeadKind.Test;
        public Guid? LeadId { get; internal init; }
        public LeadInputShape Shape { get; internal init; }
        /// <summary>Logical name of the column the source was read from ("subject", "mpl_leadsource", "description" for JSON, an extra column).</summary>
        public string? SourceColumn { get; internal init; }
        public MarketplaceSource Source { get; internal init; }
        /// <summary>Canonical code of a known source; the raw text of an unknown one.</summary>
        public string? SourceText { get; internal init; }
        /// <summary>Storefront named by the source code itself (null for TestDrive / unknown / test token / none).</summary>
        public Storefront? SourceStorefront => LeadCodes.StorefrontOf(Source);
        /// <summary>Null when no action was found; <see cref="LeadAction.Other"/> for an unknown code.</summary>
        public LeadAction? Action { get; internal init; }
        /// <summary>The action code (canonical for codes, as sent for labels and unknown codes).</summary>
        public string? ActionText { get; internal init; }
        public string? PublisherId { get; internal init; }
        public string? OfferId { get; internal init; }
        /// <summary>OfferTitle of the payload, or the combined value's offer part when it reads as a title.</summary>
        public string? OfferTitle { get; internal init; }
        public TestLeadToken? TestToken { get; internal init; }
        public CoSellSignal? CoSell { get; internal init; }
        /// <summary>mktcmpid / utm_campaign from the listing URL.</summary>
        public string? CampaignCode { get; internal init; }
        public string? CampaignSource { get; internal init; }
        /// <summary>The lead's own e-mail, else the payload's, normalised.</summary>
        public NormalizedEmail Email { get; internal init; } = NormalizedEmail.Missing;
        /// <summary>ISO alpha-2 of the lead's country (or the payload's when the lead's is empty or unrecognised).</summary>
        public string? CountryCode { get; internal init; }
        /// <summary>The country text the code came from (or the unrecognised text).</summary>
        public string? CountryText { get; internal init; }
        public bool HasPhone { get; internal init; }
        public bool HasCompany { get; internal init; }
        /// <summary>The lead's job title, else the payload's.</summary>
        public string? JobTitle { get; internal init; }
        public ContactUpdates ContactUpdates { get; internal init; } = ContactUpdates.None;
        /// <summary>The JSON payload read from description, if any.</summary>
        public MarketplacePayload? Payload { get; internal init; }
        /// <summary>What could not be determined so far (unknown source/action, missing action, repaired payload).</summary>
        public IReadOnlyList<string> Problems { get; internal init; } = Array.Empty<string>();
        /// <summary>Recognised only because a marketplace writer user created it.</summary>
        public bool CreatedByMarketplaceWriter { get; internal init; }
    }
}
