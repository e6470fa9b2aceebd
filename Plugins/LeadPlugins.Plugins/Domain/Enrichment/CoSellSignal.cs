using System;
using System.Globalization;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Marks of a Partner Center co-sell / Microsoft-qualified referral: a referral id or engagement id (GUID)
    /// after a label, or a referral qualification (<c>SalesQualified</c>, <c>Direct</c>).
    /// </summary>
    public sealed class CoSellSignal
    {
        internal CoSellSignal(string? referralId, string? engagementId, string? qualification)
        {
            ReferralId = referralId;
            EngagementId = engagementId;
            Qualification = qualification;
        }

        /// <summary>GUID after "Referral ID", "ReferralId", "referral_id", ... ("D" format, lower case).</summary>
        public string? ReferralId { get; }
        /// <summary>GUID after "Engagement ID", "EngagementId", ...</summary>
        public string? EngagementId { get; }
        /// <summary>"SalesQualified" or "Direct" when the text names that qualification.</summary>
        public string? Qualification { get; }

        /// <summary>The id to store: the referral id, else the engagement id.</summary>
        public string? BestId => ReferralId ?? EngagementId;

        /// <summary>Co-sell marks in <paramref name="text"/> (plain text or JSON), or null when there are none.</summary>
        public static CoSellSignal? Find(string? text)
        {
            if (text == null) return null;
            string? referralId = null, engagementId = null, qualification = null;
            Scan(text, ref referralId, ref engagementId, ref qualification);
            return referralId == null && engagementId == null && qualification == null
                ? null
                : new CoSellSignal(referralId, engagementId, qualification);
        }

        /// <summary>Merges the marks of several texts; the first value found for each mark wins.</summary>
        internal static void Scan(string text, ref string? referralId, ref string? engagementId, ref string? qualification)
        {
            int end = text.Length;
            for (int i = 0; i < end; i++)
            {
                switch (text[i])
                {
                    case 'r':
                    case 'R':
                        if (referralId == null && StringRanges.MatchesAt(text, i, end, "referral"))
                        {
                            referralId = GuidAfterLabel(text, i + 8);
                        }
                        break;
                    case 'e':
                    case 'E':
                        if (engagementId == null && StringRanges.MatchesAt(text, i, end, "engagement"))
                        {
                            engagementId = GuidAfterLabel(text, i + 10);
                        }
                        break;
                    case 'q':
                    case 'Q':
                        if (qualification == null && StringRanges.MatchesAt(text, i, end, "qualification"))
                        {
                            qualification = QualificationAfterLabel(text, i + 13);
                        }
                        break;
                    case 's':
                    case 'S':
                        if (qualification == null && StringRanges.MatchesAt(text, i, end, SalesQualified)
                            && (i == 0 || !StringRanges.IsWordChar(text[i - 1]))
                            && (i + SalesQualified.Length == end || !StringRanges.IsWordChar(text[i + SalesQualified.Length])))
                        {
                            qualification = SalesQualified;
                        }
                        break;
                }
            }
        }

        private const string SalesQualified = "SalesQualified";
        private const string Direct = "Direct";

        // label [ _-]* "id"? then separators (: = # quotes spaces) then a GUID, optionally in braces.
        private static string? GuidAfterLabel(string text, int index)
        {
            int end = text.Length;
            while (index < end && (text[index] == ' ' || text[index] == '_' || text[index] == '-')) index++;
            if (StringRanges.MatchesAt(text, index, end, "id") && (index + 2 == end || !char.IsLetter(text[index + 2]))) index += 2;
            int skipped = 0;
            while (index < end && skipped < 8 && IsSeparator(text[index]))
            {
                index++;
                skipped++;
            }
            if (index < end && text[index] == '{') index++;
            if (end - index < 36 || !LooksLikeGuid(text, index)) return null;
            if (index + 36 < end && StringRanges.IsWordChar(text[index + 36])) return null;
            Guid id;
            return Guid.TryParseExact(text.Substring(index, 36), "D", out id) ? id.ToString("D", CultureInfo.InvariantCulture) : null;
        }

        private static string? QualificationAfterLabel(string text, int index)
        {
            int end = text.Length;
            int skipped = 0;
            while (index < end && skipped < 8 && IsSeparator(text[index]))
            {
                index++;
                skipped++;
            }
            int wordEnd = index;
            while (wordEnd < end && char.IsLetter(text[wordEnd])) wordEnd++;
            int length = wordEnd - index;
            if (length == SalesQualified.Length && StringRanges.MatchesAt(text, index, end, SalesQualified)) return SalesQualified;
            if (length == Direct.Length && StringRanges.MatchesAt(text, index, end, Direct)) return Direct;
            return null;
        }

        private static bool IsSeparator(char c) => c == ':' || c == '=' || c == '#' || c == '"' || c == '\'' || char.IsWhiteSpace(c);

        private static bool LooksLikeGuid(string text, int index)
        {
            for (int k = 0; k < 36; k++)
            {
                char c = text[index + k];
                if (k == 8 || k == 13 || k == 18 || k == 23)
                {
                    if (c != '-') return false;
                }
                else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
