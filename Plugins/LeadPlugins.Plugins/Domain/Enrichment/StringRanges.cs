using System;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Allocation-free helpers over index ranges of a string (net462 has no Span). Ranges are [start, end).
    /// </summary>
    internal static class StringRanges
    {
        internal static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

        internal static void TrimRange(string text, ref int start, ref int end)
        {
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        }

        /// <summary>Substring of a trimmed range, reusing the original instance when it is the whole string.</summary>
        internal static string Slice(string text, int start, int end)
        {
            if (start == 0 && end == text.Length) return text;
            return text.Substring(start, end - start);
        }

        /// <summary>Trimmed text or null when blank; returns the same instance when nothing needs trimming.</summary>
        internal static string? TrimToNull(string? value)
        {
            if (value == null) return null;
            int start = 0, end = value.Length;
            TrimRange(value, ref start, ref end);
            return start == end ? null : Slice(value, start, end);
        }

        /// <summary>
        /// Compares text[start, end) with <paramref name="key"/> ignoring case and every white-space character on
        /// both sides ("Azure Marketplace" equals "AzureMarketplace", "AppSource(SPZA)" equals "AppSource (SPZA)").
        /// </summary>
        internal static bool EqualsLoose(string text, int start, int end, string key)
        {
            int i = start, k = 0;
            while (true)
            {
                while (i < end && char.IsWhiteSpace(text[i])) i++;
                while (k < key.Length && char.IsWhiteSpace(key[k])) k++;
                if (i == end || k == key.Length) return i == end && k == key.Length;
                if (char.ToUpperInvariant(text[i]) != char.ToUpperInvariant(key[k])) return false;
                i++;
                k++;
            }
        }

        /// <summary>Case-insensitive comparison of text at <paramref name="index"/> with the whole of <paramref name="key"/>.</summary>
        internal static bool MatchesAt(string text, int index, int end, string key)
        {
            if (index < 0 || end - index < key.Length) return false;
            return string.Compare(text, index, key, 0, key.Length, StringComparison.OrdinalIgnoreCase) == 0;
        }

        internal static bool StartsWithIgnoreCase(string text, int start, int end, string prefix) => MatchesAt(text, start, end, prefix);

        internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

        internal static int CountDigits(string? value)
        {
            if (value == null) return 0;
            int digits = 0;
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] >= '0' && value[i] <= '9') digits++;
            }
            return digits;
        }

        internal static bool HasUpperCase(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                if (char.IsUpper(value[i])) return true;
            }
            return false;
        }

        internal static bool ContainsWhiteSpace(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (char.IsWhiteSpace(text[i])) return true;
            }
            return false;
        }

        internal static int IndexOf(string text, char c, int start, int end)
        {
            if (start >= end) return -1;
            return text.IndexOf(c, start, end - start);
        }

        internal static int LastIndexOf(string text, char c, int start, int end)
        {
            for (int i = end - 1; i >= start; i--)
            {
                if (text[i] == c) return i;
            }
            return -1;
        }

        internal static bool IsLineBreak(char c) => c == '\n' || c == '\r';
    }
}
