using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// A small, lenient JSON reader for payloads pasted into text columns (net462 has no System.Text.Json and
    /// the sandbox carries no third-party package). Never throws. It repairs what the marketplace samples need:
    /// missing commas between members, trailing commas, single-quoted or bare keys, wrong value types, and it
    /// returns a partial result with a diagnostic for truncated, over-long or over-deep input.
    /// </summary>
    public static partial class TolerantJson
    {
        public static JsonParseResult Parse(string? text) => Parse(text, JsonReadLimits.Default);

        public static JsonParseResult Parse(string? text, JsonReadLimits limits)
        {
            if (limits == null) limits = JsonReadLimits.Default;
            if (text == null) return new JsonParseResult(null, new[] { "No JSON text." }, false);
            var reader = new Reader(text, limits);
            return reader.ReadDocument();
        }
    }
}
