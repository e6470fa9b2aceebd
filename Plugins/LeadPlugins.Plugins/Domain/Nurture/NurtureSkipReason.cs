using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>Why a lead is not enrolled. <see cref="None"/> = eligible.</summary>
    public enum NurtureSkipReason
    {
        None = 0,
        TestLead,
        CoSell,
        NotMarketplace,
        DoNotContact,
        LeadNotOpen,
        RepeatEngagement,
    }
}
