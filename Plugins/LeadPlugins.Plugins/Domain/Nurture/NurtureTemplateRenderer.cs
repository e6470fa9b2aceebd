using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// Replaces {firstname}, {companyname}, {offertitle}, {storefront} and {campaigntype} (names case-insensitive,
    /// spaces inside the braces allowed) with values from a <see cref="NurtureLeadContext"/>. Single pass: values
    /// are never scanned again, so a customer-typed "{companyname}" stays literal. No escape syntax: braces that
    /// do not form a token ("{{", "{", "{}", JSON) are copied as written. Never throws.
    /// A missing value is replaced by words that still read as a sentence: a missing first name is "there" only in a
    /// greeting ("Hi there,") and "the contact" anywhere else; a missing offer title is the product named by the offer
    /// id ("Contoso Analytics SaaS"), or "our solution" without one; a missing company is "your company" to a customer
    /// and "the company" to a seller. At the start of a sentence the replacement starts with a capital.
    /// </summary>
    public static class NurtureTemplateRenderer
    {
        public const string FirstNameToken = "firstname";
        public const string CompanyNameToken = "companyname";
        public const string OfferTitleToken = "offertitle";
        public const string StorefrontToken = "storefront";
        public const string CampaignTypeToken = "campaigntype";

        /// <summary>A missing first name in a greeting ("Hi there,").</summary>
        public const string FirstNameFallback = "there";
        /// <summary>A missing first name anywhere but a greeting ("Check-in with the contact: ...").</summary>
        public const string ContactFallback = "the contact";
        public const string CompanyNameFallback = "your company";
        public const string SellerCompanyNameFallback = "the company";
        public const string OfferTitleFallback = "our solution";
        public const string StorefrontFallback = "the marketplace";
        public const string CampaignTypeFallback = "marketplace";

        /// <summary>Lengths of the activity columns the texts go to (subject 200, description 2000 as in mpl_nurturestep).</summary>
        public const int SubjectMaxLength = 200;
        public const int DescriptionMaxLength = 2000;

        /// <summary>Longest text between braces that is still read as a token (longer = literal text).</summary>
        public const int MaxTokenLength = 50;

        /// <summary>The tokens the renderer replaces (listed by the CLI's sequences command).</summary>
        public static IReadOnlyList<string> TokenNames =>
            new[] { FirstNameToken, CompanyNameToken, OfferTitleToken, StorefrontToken, CampaignTypeToken };

        /// <summary>Single line (line breaks and tabs become spaces), at most <see cref="SubjectMaxLength"/> characters.</summary>
        public static RenderedTemplate RenderSubject(string? template, NurtureLeadContext? context, NurtureTemplateAudience audience = NurtureTemplateAudience.Customer) =>
            Render(template, context, SubjectMaxLength, singleLine: true, audience);

        /// <summary>The step's subject as <see cref="RenderSubject(string, NurtureLeadContext, NurtureTemplateAudience)"/> gives it, written in <paramref name="buffer"/> (emptied first), which a plan reuses for all its texts.</summary>
        internal static RenderedTemplate RenderSubject(NurtureStepDefinition step, NurtureLeadContext? context, NurtureTemplateAudience audience, StringBuilder buffer) =>
            Render(step.SubjectTemplate, step.SubjectNeedsCleaning, context, SubjectMaxLength, singleLine: true, audience, buffer);

        /// <summary>Keeps line breaks, at most <see cref="DescriptionMaxLength"/> characters.</summary>
        public static RenderedTemplate RenderDescription(string? template, NurtureLeadContext? context, NurtureTemplateAudience audience = NurtureTemplateAudience.Customer) =>
            Render(template, context, DescriptionMaxLength, singleLine: false, audience);

        /// <summary>The step's description as <see cref="RenderDescription(string, NurtureLeadContext, NurtureTemplateAudience)"/> gives it, written in <paramref name="buffer"/> (emptied first).</summary>
        internal static RenderedTemplate RenderDescription(NurtureStepDefinition step, NurtureLeadContext? context, NurtureTemplateAudience audience, StringBuilder buffer) =>
            Render(step.DescriptionTemplate, step.DescriptionNeedsCleaning, context, DescriptionMaxLength, singleLine: false, audience, buffer);

        /// <summary>
        /// Renders <paramref name="template"/>; the result is trimmed, has no control characters other than line
        /// breaks and tabs (none at all when <paramref name="singleLine"/>), and is at most
        /// <paramref name="maxLength"/> characters (cut with "…"; never inside a surrogate pair).
        /// </summary>
        public static RenderedTemplate Render(string? template, NurtureLeadContext? context, int maxLength, bool singleLine,
            NurtureTemplateAudience audience = NurtureTemplateAudience.Customer) =>
            Render(template ?? string.Empty, NeedsCleaning(template ?? string.Empty, singleLine), context, maxLength, singleLine, audience,
                new StringBuilder((template?.Length ?? 0) + 64));

        // 'templateNeedsCleaning' is NeedsCleaning(text, singleLine), which a step works out once for its templates.
        private static RenderedTemplate Render(string text, bool templateNeedsCleaning, NurtureLeadContext? context, int maxLength, bool singleLine,
            NurtureTemplateAudience audience, StringBuilder output)
        {
            output.Clear();
            List<string>? unknown = null; // most texts have neither: made when first needed
            var fallbacks = new FallbackTokens();

            var i = 0;
            while (i < text.Length)
            {
                // The text up to the next brace is copied as one run.
                var brace = text.IndexOf('{', i);
                if (brace < 0) brace = text.Length;
                if (brace > i)
                {
                    output.Append(text, i, brace - i);
                    i = brace;
                    continue;
                }
                var close = FindTokenEnd(text, i);
                if (close < 0)
                {
                    output.Append('{');
                    i++;
                    continue;
                }
                if (!Resolve(TokenName(text, i + 1, close), context, ref fallbacks, output, audience))
                {
                    var written = text.Substring(i, close - i + 1);
                    output.Append(written);
                    unknown ??= new List<string>();
                    if (!unknown.Any(u => string.Equals(u, written, StringComparison.OrdinalIgnoreCase))) unknown.Add(written);
                }
                i = close + 1;
            }

            var clean = CleanOutput(output, templateNeedsCleaning, singleLine);
            var truncated = false;
            if (clean.Length > maxLength)
            {
                clean = ColumnText.TruncateWithEllipsis(clean, maxLength);
                truncated = true;
            }
            return new RenderedTemplate(clean, ReadOnly(unknown), fallbacks.ToList(), truncated);
        }

        private static IReadOnlyList<string> ReadOnly(List<string>? items) =>
            items == null ? (IReadOnlyList<string>)Array.Empty<string>() : items.AsReadOnly();

        private static readonly string[] Tokens = { FirstNameToken, CompanyNameToken, OfferTitleToken, StorefrontToken, CampaignTypeToken };

        // Each token alone, as the fallback list of a text that fell back on that token only (the usual case).
        private static readonly IReadOnlyList<string>[] OnlyToken = Array.ConvertAll(Tokens, token => (IReadOnlyList<string>)Array.AsReadOnly(new[] { token }));

        /// <summary>The tokens whose fallback a text used, distinct, in order of first use; a list only from the second one.</summary>
        private struct FallbackTokens
        {
            private string? _first;
            private List<string>? _all;

            public void Add(string token)
            {
                if (_first == null) _first = token;
                else if (_all != null) { if (!_all.Contains(token)) _all.Add(token); }
                else if (token != _first) _all = new List<string> { _first, token };
            }

            public IReadOnlyList<string> ToList() =>
                _all != null ? _all.AsReadOnly() : _first != null ? OnlyToken[Array.IndexOf(Tokens, _first)] : Array.Empty<string>();
        }

        // The known token written between 'start' and 'end' (spaces around it allowed, case ignored), or null. Token
        // names are ASCII, like every character FindTokenEnd lets through, so ignoring case ordinally is lower-casing.
        private static string? TokenName(string text, int start, int end)
        {
            while (start < end && text[start] == ' ') start++;
            while (end > start && text[end - 1] == ' ') end--;
            foreach (var token in Tokens)
                if (token.Length == end - start && string.Compare(text, start, token, 0, token.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    return token;
            return null;
        }

        // Index of the '}' closing a token-shaped placeholder that starts at 'open', or -1.
        private static int FindTokenEnd(string text, int open)
        {
            var limit = Math.Min(text.Length, open + MaxTokenLength + 2);
            var sawNameChar = false;
            for (var j = open + 1; j < limit; j++)
            {
                var c = text[j];
                if (c == '}') return sawNameChar ? j : -1;
                if (IsNameChar(c)) sawNameChar = true;
                else if (c != ' ') return -1;
            }
            return -1;
        }

        private static bool IsNameChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';

        // Appends the value of a known token (its fallback when empty); false for an unknown token (or a name with inner
        // spaces), with nothing appended. 'output' is the text rendered so far: it tells a greeting and a sentence start
        // from the middle of a sentence.
        private static bool Resolve(string? key, NurtureLeadContext? context, ref FallbackTokens fallbacks, StringBuilder output, NurtureTemplateAudience audience)
        {
            string? value;
            switch (key)
            {
                case FirstNameToken:
                    value = context?.FirstName;
                    break;
                case CompanyNameToken:
                    value = context?.CompanyName;
                    break;
                case OfferTitleToken:
                    value = context?.OfferTitle;
                    break;
                case StorefrontToken:
                    value = context?.Storefront is Storefront s && s != Storefront.Other && DefinedValues<Storefront>.Contains(s)
                        ? NurtureLabels.Of(s) : null;
                    break;
                case CampaignTypeToken:
                    value = context?.CampaignType is CampaignType t && DefinedValues<CampaignType>.Contains(t)
                        ? NurtureLabels.Of(t) : null;
                    break;
                default: return false;
            }

            var cleaned = Clean(value ?? string.Empty, singleLine: true);
            if (cleaned.Length > 0)
            {
                output.Append(cleaned);
                return true;
            }
            var fallback = Fallback(key!, context, output, audience);
            fallbacks.Add(key!);
            // At a sentence start the fallback starts with a capital, written as such.
            if (IsSentenceStart(output)) output.Append(char.ToUpperInvariant(fallback[0])).Append(fallback, 1, fallback.Length - 1);
            else output.Append(fallback);
            return true;
        }

        // The words for a known token whose value is empty, worked out only then (a greeting is looked for in the text,
        // the offer's product name costs a parse).
        private static string Fallback(string key, NurtureLeadContext? context, StringBuilder written, NurtureTemplateAudience audience)
        {
            switch (key)
            {
                case FirstNameToken: return IsGreeting(written) ? FirstNameFallback : ContactFallback;
                case CompanyNameToken: return audience == NurtureTemplateAudience.Seller ? SellerCompanyNameFallback : CompanyNameFallback;
                case StorefrontToken: return StorefrontFallback;
                case CampaignTypeToken: return CampaignTypeFallback;
                default: return context?.ProductName ?? OfferTitleFallback; // offertitle
            }
        }

        private static readonly string[] Greetings = { "hi", "hello", "dear", "hey" };

        // "Hi ", "Hello " ... at the start of the text or of a line.
        private static bool IsGreeting(StringBuilder written)
        {
            var end = written.Length;
            while (end > 0 && written[end - 1] == ' ') end--;
            var start = end;
            while (start > 0 && char.IsLetter(written[start - 1])) start--;
            if (start == end || (start > 0 && written[start - 1] != '\n' && written[start - 1] != '\r')) return false;
            var word = written.ToString(start, end - start);
            foreach (var greeting in Greetings) // a loop: no closure over the word for each {firstname}
                if (string.Equals(greeting, word, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        // Start of the text, or after a sentence's end or a line break.
        private static bool IsSentenceStart(StringBuilder written)
        {
            var end = written.Length;
            while (end > 0 && (written[end - 1] == ' ' || written[end - 1] == '"')) end--;
            if (end == 0) return true;
            var last = written[end - 1];
            return last == '.' || last == '!' || last == '?' || last == '\n' || last == '\r';
        }

        // Whether the loop in Clean would change the text: a control character it drops, or (single line) a line break
        // or tab it turns into a space. Multi-line descriptions usually hold only line breaks, which it keeps.
        internal static bool NeedsCleaning(string text, bool singleLine)
        {
            foreach (var c in text)
            {
                if (!char.IsControl(c)) continue;
                if (singleLine || (c != '\r' && c != '\n' && c != '\t')) return true;
            }
            return false;
        }

        // Clean of the rendered text, without the copy of it when there is nothing to drop (the usual case). Values
        // and fallbacks hold no control character (values are cleaned as single lines), so the output needs
        // cleaning exactly when its template does: the template string is scanned instead of the builder.
        private static string CleanOutput(StringBuilder output, bool templateNeedsCleaning, bool singleLine)
        {
            if (templateNeedsCleaning) return Clean(output.ToString(), singleLine);
            // What string.Trim removes, removed before the one copy.
            var start = 0;
            var end = output.Length;
            while (start < end && char.IsWhiteSpace(output[start])) start++;
            while (end > start && char.IsWhiteSpace(output[end - 1])) end--;
            return output.ToString(start, end - start);
        }

        // Drops control characters (keeps CR/LF/TAB unless single line, where they become spaces) and trims.
        private static string Clean(string text, bool singleLine)
        {
            if (!NeedsCleaning(text, singleLine)) return text.Trim(); // what the loop below gives, without copying
            var sb = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c == '\r' || c == '\n' || c == '\t')
                {
                    if (!singleLine) sb.Append(c);
                    else if (sb.Length > 0 && sb[sb.Length - 1] != ' ') sb.Append(' ');
                }
                else if (!char.IsControl(c))
                {
                    sb.Append(c);
                }
            }
            return sb.ToString().Trim();
        }
    }
}
