namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>Column-length helpers.</summary>
    public static class ColumnText
    {
        /// <summary>
        /// Cuts <paramref name="value"/> to at most <paramref name="maxLength"/> characters without splitting a
        /// surrogate pair (an emoji is dropped whole rather than halved). Null stays null; a non-positive
        /// maximum gives an empty string; a value that fits is returned as the same instance.
        /// </summary>
        /// <summary>Longest piece of input a message repeats (an offer id's column holds 200).</summary>
        public const int QuotedInputMaxLength = 200;

        /// <summary>
        /// Input repeated in a message (an unknown code, an offer id, a JSON note), made safe to show: control characters,
        /// bidirectional overrides/embeddings/isolates (they reorder the rest of the line on a form) and unpaired surrogates
        /// become U+FFFD, and the text is cut at <paramref name="maxLength"/> with "…". Clean short text is returned as is.
        /// </summary>
        public static string? Quote(string? value, int maxLength = QuotedInputMaxLength)
        {
            if (value == null) return null;
            if (maxLength < 1) maxLength = 1;
            int length = value.Length;
            bool cut = length > maxLength;
            if (cut) length = maxLength;
            int firstBad = -1;
            for (int i = 0; i < length; i++)
            {
                if (IsUnsafe(value, i))
                {
                    firstBad = i;
                    break;
                }
            }
            if (firstBad < 0 && !cut) return value;
            var builder = new System.Text.StringBuilder(length + 1);
            for (int i = 0; i < length; i++)
            {
                char c = value[i];
                if (i >= firstBad && firstBad >= 0 && IsUnsafe(value, i)) builder.Append('\uFFFD');
                else if (i == length - 1 && cut && char.IsHighSurrogate(c)) break; // do not leave half an emoji
                else builder.Append(c);
            }
            if (cut) builder.Append('\u2026');
            return builder.ToString();
        }

        private static bool IsUnsafe(string text, int i)
        {
            char c = text[i];
            if (c < ' ') return c != '\t';
            if (c >= '\u007F' && c <= '\u009F') return true;
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) return true;
            if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
            if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
            return false;
        }

        /// <summary>
        /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters ending in "…" when it is cut
        /// (text shown to people: subjects, names, reasons), never halving a surrogate pair. Null gives an empty string.
        /// </summary>
        public static string TruncateWithEllipsis(string? text, int maxLength)
        {
            if (text == null || maxLength <= 0) return string.Empty;
            if (text.Length <= maxLength) return text;
            var cut = maxLength - 1;
            if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
            return text.Substring(0, cut).TrimEnd() + '\u2026';
        }

        public static string? Truncate(string? value, int maxLength)
        {
            if (value == null) return null;
            if (maxLength <= 0) return string.Empty;
            if (value.Length <= maxLength) return value;
            int cut = maxLength;
            if (char.IsHighSurrogate(value[cut - 1]) && char.IsLowSurrogate(value[cut])) cut--;
            return value.Substring(0, cut);
        }
    }
}
