using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>null, true/false, a number (kept as written) or a string.</summary>
    public sealed class JsonScalar : JsonNode
    {
        internal static readonly JsonScalar Null = new JsonScalar(JsonNodeKind.Null, null);
        internal static readonly JsonScalar True = new JsonScalar(JsonNodeKind.Boolean, "true");
        internal static readonly JsonScalar False = new JsonScalar(JsonNodeKind.Boolean, "false");

        private readonly string? _text;

        internal JsonScalar(JsonNodeKind kind, string? text)
            : base(kind)
        {
            _text = text;
        }

        public override string? Text => _text;
    }
}
