using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    public sealed class JsonArray : JsonNode
    {
        internal JsonArray(IReadOnlyList<JsonNode> items)
            : base(JsonNodeKind.Array)
        {
            Items = items;
        }

        public IReadOnlyList<JsonNode> Items { get; }
    }
}
