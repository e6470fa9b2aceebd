using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>A value read by <see cref="TolerantJson"/>. Immutable.</summary>
    public abstract class JsonNode
    {
        internal JsonNode(JsonNodeKind kind)
        {
            Kind = kind;
        }

        public JsonNodeKind Kind { get; }

        /// <summary>
        /// The value as text, tolerant of wrong types: a string as is, a number as written, a boolean as
        /// "true"/"false"; null for null, objects and arrays.
        /// </summary>
        public virtual string? Text => null;
    }
}
