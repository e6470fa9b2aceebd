using System;
using System.Globalization;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>A Partner Center validation token <c>MSFT_TEST_&lt;digits&gt;</c> found in a lead.</summary>
    public sealed class TestLeadToken
    {
        internal TestLeadToken(string token, DateTime? validationTimeUtc)
        {
            Token = token;
            ValidationTimeUtc = validationTimeUtc;
        }

        /// <summary>The whole token, e.g. <c>MSFT_TEST_636573304831318844</c>.</summary>
        public string Token { get; }
        /// <summary>The digits read as .NET ticks (UTC): when Partner Center sent the validation lead; null when implausible.</summary>
        public DateTime? ValidationTimeUtc { get; }

        /// <summary>The first MSFT_TEST_ token (any case) followed by at least one digit in <paramref name="text"/>, or null.</summary>
        public static TestLeadToken? Find(string? text)
        {
            if (text == null || text.Length < LeadCodes.TestTokenPrefix.Length + 1) return null;
            int from = 0;
            while (from < text.Length)
            {
                int at = text.IndexOf(LeadCodes.TestTokenPrefix, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0) return null;
                int digitsStart = at + LeadCodes.TestTokenPrefix.Length;
                int digitsEnd = digitsStart;
                while (digitsEnd < text.Length && text[digitsEnd] >= '0' && text[digitsEnd] <= '9') digitsEnd++;
                if (digitsEnd > digitsStart)
                {
                    return new TestLeadToken(text.Substring(at, digitsEnd - at), DecodeTicks(text, digitsStart, digitsEnd));
                }
                from = digitsStart;
            }
            return null;
        }

        /// <summary>
        /// Reads digits as DateTime ticks (UTC). 636573304831318844 is 2018-03-22T15:48Z. Null for values outside
        /// 2000-01-01 .. 2100-01-01, which cannot be a Partner Center send time.
        /// </summary>
        public static DateTime? DecodeTicks(string? digits)
        {
            if (digits == null) return null;
            return DecodeTicks(digits, 0, digits.Length);
        }

        private static readonly long MinTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        private static readonly long MaxTicks = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        private static DateTime? DecodeTicks(string text, int start, int end)
        {
            if (end - start == 0 || end - start > 18) return null;
            long ticks = 0;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') return null;
                ticks = ticks * 10 + (c - '0');
            }
            if (ticks < MinTicks || ticks >= MaxTicks) return null;
            return new DateTime(ticks, DateTimeKind.Utc);
        }
    }

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
