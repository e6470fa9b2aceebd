using System;
using System.Collections.Generic;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>What the cheap first pass decided the lead is.</summary>
    public enum LeadKind
    {
        NotMarketplace = 0,
        Marketplace,
        /// <summary>A Partner Center validation lead (MSFT_TEST_).</summary>
        Test,
        /// <summary>A Partner Center co-sell / Microsoft-qualified referral: never gets marketplace treatment.</summary>
        CoSell,
    }
}
