using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>What the scorer looks at; a plain value (a struct, so scoring a lead allocates no input object).</summary>
    public readonly struct ScoreInput
    {
        public ScoreInput(LeadAction? action, Storefront? storefront, EmailStatus emailStatus, bool hasPhone, bool hasCompany,
            string? jobTitle, bool countryKnown, bool isRepeatEngagement, LeadAction? earlierAction)
        {
            Action = action;
            Storefront = storefront;
            EmailStatus = emailStatus;
            HasPhone = hasPhone;
            HasCompany = hasCompany;
            JobTitle = jobTitle;
            CountryKnown = countryKnown;
            IsRepeatEngagement = isRepeatEngagement;
            EarlierAction = earlierAction;
        }

        public LeadAction? Action { get; }
        public Storefront? Storefront { get; }
        public EmailStatus EmailStatus { get; }
        public bool HasPhone { get; }
        public bool HasCompany { get; }
        public string? JobTitle { get; }
        public bool CountryKnown { get; }
        public bool IsRepeatEngagement { get; }
        /// <summary>The duplicate's action, for the "(was Contact me)" wording.</summary>
        public LeadAction? EarlierAction { get; }
    }
}
