using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>Text produced from a template, with what the trace should know about it.</summary>
    public sealed class RenderedTemplate
    {
        public RenderedTemplate(string text, IReadOnlyList<string> unknownTokens, IReadOnlyList<string> fallbackTokens, bool wasTruncated)
        {
            Text = text;
            UnknownTokens = unknownTokens;
            FallbackTokens = fallbackTokens;
            WasTruncated = wasTruncated;
        }

        public string Text { get; }
        /// <summary>Token-shaped placeholders that are not known, as written (e.g. "{LastName}"), distinct ignoring case, in order of appearance. They stay in the text.</summary>
        public IReadOnlyList<string> UnknownTokens { get; }
        /// <summary>Known token names (lower case) whose value was empty, so the fallback was used.</summary>
        public IReadOnlyList<string> FallbackTokens { get; }
        /// <summary>The text was cut to the maximum length (it then ends with "…").</summary>
        public bool WasTruncated { get; }
    }
}
