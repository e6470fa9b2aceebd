using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// A parsed <c>Source-Action|publisherid.offerid</c> value. Known codes are stored as their canonical text;
    /// unknown ones keep the raw (trimmed) text the lead carried.
    /// </summary>
    public sealed class CombinedSource
    {
        internal CombinedSource(MarketplaceSource source, string sourceText, LeadAction? action, bool actionIsTestToken,
            string actionText, string? publisherId, string? offerId, string? offerTitle, bool usesLabels)
        {
            Source = source;
            SourceText = sourceText;
            Action = action;
            ActionIsTestToken = actionIsTestToken;
            ActionText = actionText;
            PublisherId = publisherId;
            OfferId = offerId;
            OfferTitle = offerTitle;
            UsesLabels = usesLabels;
        }

        public MarketplaceSource Source { get; }
        /// <summary>Canonical code for a known source, the raw text for <see cref="MarketplaceSource.Unknown"/> / test tokens.</summary>
        public string SourceText { get; }
        /// <summary>The action; <see cref="LeadAction.Other"/> for an unknown code; null only for a test token.</summary>
        public LeadAction? Action { get; }
        public bool ActionIsTestToken { get; }
        /// <summary>The action code as sent (trimmed).</summary>
        public string ActionText { get; }
        /// <summary>publisherid of <c>publisherid.offerid</c>; null when the offer part has no dot.</summary>
        public string? PublisherId { get; }
        /// <summary>offerid of <c>publisherid.offerid</c>, or the whole offer part when it has no dot and no space.</summary>
        public string? OfferId { get; }
        /// <summary>The offer part when it reads as a display title (contains white space, e.g. "Contoso Test").</summary>
        public string? OfferTitle { get; }
        /// <summary>The source or action was spelled as a Partner Center download label.</summary>
        public bool UsesLabels { get; }

        /// <summary>
        /// Finds the first combined value in <paramref name="text"/>: split on the first '|' of a line, then on the
        /// last '-' before it; trimmed, case-insensitive, tolerant of spaces and of text before the source. A
        /// candidate counts only when its source or its action is a known code or a MSFT_TEST token, so ordinary
        /// text such as "Call back - urgent | ACME" is not taken for a marketplace lead. Returns null when none.
        /// </summary>
        public static CombinedSource? Find(string? text)
        {
            if (text == null) return null;
            int length = text.Length;
            int searchFrom = 0;
            int guard = 0;
            while (searchFrom < length && guard++ < 64)
            {
                int bar = text.IndexOf('|', searchFrom);
                if (bar < 0) return null;
                searchFrom = bar + 1;

                int lineStart = bar;
                while (lineStart > 0 && !StringRanges.IsLineBreak(text[lineStart - 1])) lineStart--;
                int dash = StringRanges.LastIndexOf(text, '-', lineStart, bar);
                if (dash < 0) continue;

                int sourceStart = lineStart, sourceEnd = dash;
                int actionStart = dash + 1, actionEnd = bar;
                StringRanges.TrimRange(text, ref sourceStart, ref sourceEnd);
                StringRanges.TrimRange(text, ref actionStart, ref actionEnd);
                if (sourceStart == sourceEnd || actionStart == actionEnd) continue;

                bool sourceIsLabel, actionIsLabel = false;
                var source = LeadCodes.MatchSourceWithPrefix(text, sourceStart, sourceEnd, out sourceIsLabel);
                bool actionIsTest = LeadCodes.IsTestToken(text, actionStart, actionEnd);
                LeadAction? action = actionIsTest ? null : LeadCodes.MatchAction(text, actionStart, actionEnd, out actionIsLabel);
                bool sourceKnown = source != MarketplaceSource.Unknown;
                bool actionKnown = actionIsTest || action != LeadAction.Other;

                int offerStart = bar + 1, offerEnd = offerStart;
                while (offerEnd < length && !StringRanges.IsLineBreak(text[offerEnd])) offerEnd++;
                TrimOffer(text, ref offerStart, ref offerEnd);

                // An unknown source is accepted only in the strict shape (one code-like word, a known action and a
                // publisherid.offerid), so prose such as "Meeting - Create | notes" is not taken for a lead.
                if (!sourceKnown && !(actionKnown && IsCodeLike(text, sourceStart, sourceEnd) && IsPublisherOffer(text, offerStart, offerEnd))) continue;

                string sourceText = source == MarketplaceSource.Unknown || source == MarketplaceSource.TestToken
                    ? StringRanges.Slice(text, sourceStart, sourceEnd)
                    : LeadCodes.SourceCodeText(source);
                string actionText = action.HasValue && action.Value != LeadAction.Other
                    ? CanonicalActionText(text, actionStart, actionEnd, action.Value, actionIsLabel)
                    : StringRanges.Slice(text, actionStart, actionEnd);

                string? publisherId, offerId, offerTitle;
                SplitOffer(text, offerStart, offerEnd, out publisherId, out offerId, out offerTitle);
                return new CombinedSource(source, sourceText, action, actionIsTest, actionText, publisherId, offerId, offerTitle,
                    sourceIsLabel || actionIsLabel);
            }
            return null;
        }

        /// <summary>
        /// Splits an offer part: <c>publisherid.offerid</c> (first dot, no white space) into publisher and offer id;
        /// a dot-less token into an offer id; anything containing white space into a title.
        /// </summary>
        internal static void SplitOffer(string text, int start, int end, out string? publisherId, out string? offerId, out string? offerTitle)
        {
            publisherId = null;
            offerId = null;
            offerTitle = null;
            if (start >= end) return;
            if (StringRanges.ContainsWhiteSpace(text, start, end))
            {
                offerTitle = StringRanges.Slice(text, start, end);
                return;
            }
            int dot = StringRanges.IndexOf(text, '.', start, end);
            if (dot < 0)
            {
                offerId = StringRanges.Slice(text, start, end);
                return;
            }
            if (dot > start) publisherId = text.Substring(start, dot - start);
            if (dot + 1 < end) offerId = text.Substring(dot + 1, end - dot - 1);
        }

        // White space plus quotes and list punctuation around the offer (a value quoted in prose or JSON).
        private static void TrimOffer(string text, ref int start, ref int end)
        {
            while (start < end && (char.IsWhiteSpace(text[start]) || IsOfferQuote(text[start]))) start++;
            while (end > start && (char.IsWhiteSpace(text[end - 1]) || IsOfferQuote(text[end - 1]) || text[end - 1] == ',' || text[end - 1] == ';')) end--;
        }

        private static bool IsOfferQuote(char c) => c == '"' || c == '\'' || c == '`';

        private static bool IsCodeLike(string text, int start, int end)
        {
            if (end - start > 40) return false;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '(' || c == ')')) return false;
            }
            return true;
        }

        private static bool IsPublisherOffer(string text, int start, int end)
        {
            int dot = StringRanges.IndexOf(text, '.', start, end);
            return dot > start && dot < end - 1 && !StringRanges.ContainsWhiteSpace(text, start, end);
        }

        // Known actions keep the short code as their text; avoids an allocation per lead.
        private static string CanonicalActionText(string text, int start, int end, LeadAction action, bool isLabel)
        {
            if (isLabel) return StringRanges.Slice(text, start, end);
            switch (action)
            {
                case LeadAction.GetItNow: return "INS";
                case LeadAction.ContactMe: return "PLT";
                case LeadAction.DoNotContact: return "DNC";
                case LeadAction.Create: return "Create";
                case LeadAction.TestDrive: return "StartTestDrive";
                default: return StringRanges.Slice(text, start, end);
            }
        }
    }
}
