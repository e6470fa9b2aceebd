using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>What a score point can come from. The configuration keys are these names (any casing).</summary>
    public enum ScoreFactor
    {
        GetItNow,
        Create,
        TestDrive,
        FreeTrial,
        ContactMe,
        DoNotContact,
        OtherAction,
        AppSource,
        AzureMarketplace,
        OtherStorefront,
        BusinessEmail,
        FreeMailEmail,
        InvalidEmail,
        MissingEmail,
        PhonePresent,
        CompanyPresent,
        SeniorTitle,
        ManagerTitle,
        CountryKnown,
        RepeatEngagement,
    }
}
