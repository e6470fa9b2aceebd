using System.Globalization;
using System.Net;
using System.Text;

namespace LeadPlugins.Cli.Output;

/// <summary>
/// The one sanitiser for text that came from input (lead fields, file names, JSON keys, CSV headers, zip entry
/// names) on its way to a terminal, a table, stderr or the HTML report. Characters that can act on a terminal or
/// reorder what a reader sees become visible escapes (<c>\u001B</c>, <c>\n</c>), so nothing is hidden and nothing
/// runs: C0 and C1 controls (ESC starts every ANSI/OSC sequence), DEL, bidirectional overrides, embeddings, isolates
/// and marks, line and paragraph separators, and unpaired surrogates. Long values are cut with a marker that says
/// how much was left out. JSON output does not use this: JSON escaping is already lossless and safe.
/// </summary>
public static class SafeText
{
    /// <summary>Longest value shown by default, in characters of the shown text before the marker.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>
    /// <paramref name="value"/> made safe to print, at most <paramref name="maxLength"/> characters plus a
    /// "…[+N chars]" marker when cut (N counts the input characters left out). Null gives an empty string; clean
    /// short text is returned as the same instance.
    /// </summary>
    public static string ForDisplay(string? value, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (maxLength < 1) maxLength = 1;
        if (value.Length <= maxLength && !HasUnsafeCharacters(value)) return value;

        var shown = new StringBuilder(Math.Min(value.Length, maxLength) + 16);
        int i = 0;
        for (; i < value.Length; i++)
        {
            char c = value[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            string? escape = pair ? null : EscapeOf(value, i);
            int width = escape?.Length ?? (pair ? 2 : 1);
            if (shown.Length + width > maxLength) break;
            if (escape != null) shown.Append(escape);
            else if (pair) { shown.Append(c).Append(value[i + 1]); i++; }
            else shown.Append(c);
        }
        if (i < value.Length)
            shown.Append("…[+").Append((value.Length - i).ToString("N0", CultureInfo.InvariantCulture)).Append(" chars]");
        return shown.ToString();
    }

    /// <summary><see cref="ForDisplay"/>, then HTML-encoded for element content and quoted attribute values.</summary>
    public static string ForHtml(string? value, int maxLength = DefaultMaxLength) =>
        WebUtility.HtmlEncode(ForDisplay(value, maxLength));

    /// <summary>True when <paramref name="text"/> holds a character <see cref="ForDisplay"/> would escape.</summary>
    public static bool HasUnsafeCharacters(string? text)
    {
        if (text == null) return false;
        for (int i = 0; i < text.Length; i++)
            if (EscapeOf(text, i) != null) return true;
        return false;
    }

    /// <summary>The visible escape for the character at <paramref name="i"/>, or null when it is safe to print.</summary>
    private static string? EscapeOf(string text, int i)
    {
        char c = text[i];
        switch (c)
        {
            case '\t': return "\\t";
            case '\n': return "\\n";
            case '\r': return "\\r";
        }
        bool unsafeChar =
            c < ' ' || (c >= '\u007F' && c <= '\u009F')            // C0, DEL, C1 (ESC, CSI, OSC, ST ...)
            || (c >= '\u202A' && c <= '\u202E')                     // bidi embeddings and overrides
            || (c >= '\u2066' && c <= '\u2069')                     // bidi isolates
            || c == '\u200E' || c == '\u200F' || c == '\u061C'      // bidi marks
            || c == '\u2028' || c == '\u2029'                       // line and paragraph separators
            || (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
            || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
        return unsafeChar ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : null;
    }
}
