using System.Collections.Generic;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>The reads of a batch that failed (their one-line reason), and the e-mails left unchecked for duplicates.</summary>
    internal sealed class ReadFailures
    {
        internal string? StorefrontSettings;
        internal string? Offers;
        internal string? RoutingRules;
        internal string? OpenLeads;
        internal HashSet<string>? UncheckedEmails;
    }
}
