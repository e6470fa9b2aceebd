using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>Outcome of <see cref="TolerantJson.Parse(string?)"/>.</summary>
    public sealed class JsonParseResult
    {
        internal JsonParseResult(JsonNode? root, IReadOnlyList<string> diagnostics, bool isComplete)
        {
            Root = root;
            Diagnostics = diagnostics;
            IsComplete = isComplete;
        }

        /// <summary>The value read, possibly partial; null when nothing usable was found.</summary>
        public JsonNode? Root { get; }
        /// <summary>Readable notes on every repair or loss ("missing ',' before member at 118").</summary>
        public IReadOnlyList<string> Diagnostics { get; }
        /// <summary>False when input was cut (truncated, too long, too deep): <see cref="Root"/> is then partial.</summary>
        public bool IsComplete { get; }
        /// <summary>True when the text was valid JSON, read without any repair.</summary>
        public bool IsClean => IsComplete && Diagnostics.Count == 0;
    }
}
