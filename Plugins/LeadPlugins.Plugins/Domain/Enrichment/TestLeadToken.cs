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
}
