using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>Limits that keep hostile or broken input cheap. Immutable.</summary>
    public sealed class JsonReadLimits
    {
        public static readonly JsonReadLimits Default = new JsonReadLimits(32, 65536, 20);

        public JsonReadLimits(int maxDepth, int maxLength, int maxDiagnostics)
        {
            MaxDepth = maxDepth < 1 ? 1 : maxDepth;
            MaxLength = maxLength < 2 ? 2 : maxLength;
            MaxDiagnostics = maxDiagnostics < 1 ? 1 : maxDiagnostics;
        }

        /// <summary>Deepest nesting of objects/arrays read; deeper values are skipped.</summary>
        public int MaxDepth { get; }
        /// <summary>Characters read; the rest is ignored and the result is marked incomplete.</summary>
        public int MaxLength { get; }
        public int MaxDiagnostics { get; }
    }
}
