using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The documented source and action codes and the Partner Center download labels, matched case-insensitively
    /// and ignoring white space. Lookups are allocation-free; the tables are private and never change.
    /// </summary>
    public static class LeadCodes
    {
        public const string TestTokenPrefix = "MSFT_TEST_";

        private sealed class SourceEntry
        {
            internal SourceEntry(string text, MarketplaceSource source, bool isLabel)
            {
                Text = text;
                Source = source;
                IsLabel = isLabel;
            }

            internal string Text { get; }
            internal MarketplaceSource Source { get; }
            internal bool IsLabel { get; }
        }

        private sealed class ActionEntry
        {
            internal ActionEntry(string text, LeadAction action, bool isLabel)
            {
                Text = text;
                Action = action;
                IsLabel = isLabel;
            }

            internal string Text { get; }
            internal LeadAction Action { get; }
            internal bool IsLabel { get; }
        }

        // Label entries that equal a code when white space is ignored ("Azure Marketplace") come after the
        // code, so the exact spelling decides whether the input looked like a download label.
        private static readonly SourceEntry[] Sources =
        {
            new SourceEntry("AzureMarketplace", MarketplaceSource.AzureMarketplace, false),
            new SourceEntry("AppSource (SPZA)", MarketplaceSource.AppSource, false),
            new SourceEntry("AzurePortal", MarketplaceSource.AzurePortal, false),
            new SourceEntry("SPZA", MarketplaceSource.AppSource, false),
            new SourceEntry("AppSource", MarketplaceSource.AppSource, false),
            new SourceEntry("TestDrive", MarketplaceSource.TestDrive, false),
            new SourceEntry("Azure Marketplace", MarketplaceSource.AzureMarketplace, true),
            new SourceEntry("Azure portal", MarketplaceSource.AzurePortal, true),
            new SourceEntry("Microsoft AppSource", MarketplaceSource.AppSource, true),
            new SourceEntry("Microsoft Azure Marketplace", MarketplaceSource.AzureMarketplace, true),
        };

        private static readonly ActionEntry[] Actions =
        {
            new ActionEntry("INS", LeadAction.GetItNow, false),
            new ActionEntry("PLT", LeadAction.ContactMe, false),
            new ActionEntry("DNC", LeadAction.DoNotContact, false),
            new ActionEntry("Create", LeadAction.Create, false),
            new ActionEntry("StartTestDrive", LeadAction.TestDrive, false),
            new ActionEntry("Contact me", LeadAction.ContactMe, true),
            new ActionEntry("Get it now", LeadAction.GetItNow, true),
            new ActionEntry("Get it now (Free)", LeadAction.GetItNow, true),
            new ActionEntry("Test drive", LeadAction.TestDrive, true),
            new ActionEntry("Free trial", LeadAction.FreeTrial, true),
            new ActionEntry("Free trial (listing)", LeadAction.FreeTrial, true),
            // The Azure portal creates the lead on Subscribe as well as on Create (no separate code documented).
            new ActionEntry("Subscribe", LeadAction.Create, true),
        };

        /// <summary>
        /// The table's own string when text[start, end) is spelled exactly like a known source or action code or label
        /// (ordinal), else null: payload readers reuse it instead of allocating a copy of the value.
        /// </summary>
        internal static string? KnownSpelling(string text, int start, int end)
        {
            int length = end - start;
            for (int i = 0; i < Sources.Length; i++)
            {
                var known = Sources[i].Text;
                if (known.Length == length && string.CompareOrdinal(text, start, known, 0, length) == 0) return known;
            }
            for (int i = 0; i < Actions.Length; i++)
            {
                var known = Actions[i].Text;
                if (known.Length == length && string.CompareOrdinal(text, start, known, 0, length) == 0) return known;
            }
            return null;
        }

        /// <summary>Canonical code text of a source, for traces ("AppSource (SPZA)", "AzurePortal", ...).</summary>
        public static string SourceCodeText(MarketplaceSource source)
        {
            switch (source)
            {
                case MarketplaceSource.AzureMarketplace: return "AzureMarketplace";
                case MarketplaceSource.AzurePortal: return "AzurePortal";
                case MarketplaceSource.AppSource: return "AppSource (SPZA)";
                case MarketplaceSource.TestDrive: return "TestDrive";
                case MarketplaceSource.TestToken: return "MSFT_TEST";
                case MarketplaceSource.Unknown: return "unknown";
                default: return "none";
            }
        }

        /// <summary>Storefront a source code names, or null when it does not say (TestDrive, test token, unknown).</summary>
        public static Storefront? StorefrontOf(MarketplaceSource source)
        {
            switch (source)
            {
                case MarketplaceSource.AzureMarketplace:
                case MarketplaceSource.AzurePortal:
                    return Storefront.AzureMarketplace;
                case MarketplaceSource.AppSource:
                    return Storefront.AppSource;
                default:
                    return null;
            }
        }

        /// <summary>Code and label of an action for messages: "Get it now (INS)", "Contact me (PLT)".</summary>
        public static string Describe(LeadAction action)
        {
            switch (action)
            {
                case LeadAction.ContactMe: return "Contact me (PLT)";
                case LeadAction.GetItNow: return "Get it now (INS)";
                case LeadAction.DoNotContact: return "Do not contact (DNC)";
                case LeadAction.Create: return "Create (Azure portal)";
                case LeadAction.TestDrive: return "Test drive (StartTestDrive)";
                case LeadAction.FreeTrial: return "Free trial";
                default: return "Other action";
            }
        }

        /// <summary>Display name of a storefront.</summary>
        public static string Describe(Storefront storefront)
        {
            switch (storefront)
            {
                case Storefront.AppSource: return "AppSource";
                case Storefront.AzureMarketplace: return "Azure Marketplace";
                default: return "Other storefront";
            }
        }

        /// <summary>Funnel stage of an action: Interest (Contact me), Acquisition (Get it now, Create), Trial (test drive,
        /// free trial), Informational (DNC); none for Other or no action.</summary>
        public static FunnelStage? FunnelStageOf(LeadAction? action)
        {
            switch (action)
            {
                case LeadAction.ContactMe: return FunnelStage.Interest;
                case LeadAction.GetItNow:
                case LeadAction.Create: return FunnelStage.Acquisition;
                case LeadAction.TestDrive:
                case LeadAction.FreeTrial: return FunnelStage.Trial;
                case LeadAction.DoNotContact: return FunnelStage.Informational;
                default: return null;
            }
        }

        /// <summary>
        /// Position of an action on the customer journey, for "moved forward" comparisons: Contact me 1, Test drive
        /// / Free trial 2, Get it now / Create 3; 0 for DNC, Other and none.
        /// </summary>
        public static int JourneyRank(LeadAction? action)
        {
            switch (action)
            {
                case LeadAction.ContactMe: return 1;
                case LeadAction.TestDrive:
                case LeadAction.FreeTrial: return 2;
                case LeadAction.GetItNow:
                case LeadAction.Create: return 3;
                default: return 0;
            }
        }

        /// <summary>Matches a whole value ("AzureMarketplace", " appsource (spza) ", "Azure portal") to a source.</summary>
        public static MarketplaceSource MatchSource(string? text)
        {
            if (text == null) return MarketplaceSource.None;
            bool isLabel;
            return MatchSource(text, 0, text.Length, out isLabel);
        }

        /// <summary>Matches a whole value ("INS", "Contact me", "startTestDrive") to an action; null when unknown or blank.</summary>
        public static LeadAction? MatchAction(string? text)
        {
            if (text == null) return null;
            bool isLabel;
            return MatchAction(text, 0, text.Length, out isLabel);
        }

        /// <summary>True when text[start, end) (trimmed) starts with MSFT_TEST_ followed by a digit.</summary>
        internal static bool IsTestToken(string text, int start, int end)
        {
            StringRanges.TrimRange(text, ref start, ref end);
            int digit = start + TestTokenPrefix.Length;
            return digit < end && StringRanges.MatchesAt(text, start, end, TestTokenPrefix) && text[digit] >= '0' && text[digit] <= '9';
        }

        internal static MarketplaceSource MatchSource(string text, int start, int end, out bool isLabel)
        {
            isLabel = false;
            StringRanges.TrimRange(text, ref start, ref end);
            if (start == end) return MarketplaceSource.None;
            if (IsTestToken(text, start, end)) return MarketplaceSource.TestToken;

            // Exact spelling (case-insensitive) first, so "Azure portal" is recognised as a label.
            for (int i = 0; i < Sources.Length; i++)
            {
                var entry = Sources[i];
                if (end - start == entry.Text.Length && StringRanges.MatchesAt(text, start, end, entry.Text))
                {
                    isLabel = entry.IsLabel;
                    return entry.Source;
                }
            }
            for (int i = 0; i < Sources.Length; i++)
            {
                if (StringRanges.EqualsLoose(text, start, end, Sources[i].Text)) return Sources[i].Source;
            }
            return MarketplaceSource.Unknown;
        }

        /// <summary>
        /// Like <see cref="MatchSource(string, int, int, out bool)"/> but also accepts a known code at the END of
        /// the range after a non-word character ("New lead: AzureMarketplace"), for combined values with a prefix.
        /// </summary>
        internal static MarketplaceSource MatchSourceWithPrefix(string text, int start, int end, out bool isLabel)
        {
            var source = MatchSource(text, start, end, out isLabel);
            if (source != MarketplaceSource.Unknown) return source;
            StringRanges.TrimRange(text, ref start, ref end);
            for (int i = 0; i < Sources.Length; i++)
            {
                var entry = Sources[i];
                int at = end - entry.Text.Length;
                if (at > start && !StringRanges.IsWordChar(text[at - 1]) && StringRanges.MatchesAt(text, at, end, entry.Text))
                {
                    isLabel = entry.IsLabel;
                    return entry.Source;
                }
            }
            return MarketplaceSource.Unknown;
        }

        internal static LeadAction? MatchAction(string text, int start, int end, out bool isLabel)
        {
            isLabel = false;
            StringRanges.TrimRange(text, ref start, ref end);
            if (start == end) return null;
            for (int i = 0; i < Actions.Length; i++)
            {
                var entry = Actions[i];
                if (StringRanges.EqualsLoose(text, start, end, entry.Text))
                {
                    isLabel = entry.IsLabel;
                    return entry.Action;
                }
            }
            return LeadAction.Other;
        }
    }
}
