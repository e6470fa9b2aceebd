using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>An object: members in document order; look-ups are case-insensitive and the last duplicate wins.</summary>
    public sealed class JsonObject : JsonNode
    {
        private readonly Dictionary<string, JsonNode> _byName;

        internal JsonObject(IReadOnlyList<KeyValuePair<string, JsonNode>> members, Dictionary<string, JsonNode> byName)
            : base(JsonNodeKind.Object)
        {
            Members = members;
            _byName = byName;
        }

        public IReadOnlyList<KeyValuePair<string, JsonNode>> Members { get; }

        /// <summary>The member's value (any key casing), or null when absent.</summary>
        public JsonNode? Get(string name)
        {
            JsonNode? value;
            return _byName.TryGetValue(name, out value) ? value : null;
        }

        /// <summary>The first present member among <paramref name="names"/> (aliases), or null.</summary>
        public JsonNode? GetAny(string[] names)
        {
            for (int i = 0; i < names.Length; i++)
            {
                var value = Get(names[i]);
                if (value != null) return value;
            }
            return null;
        }

        /// <summary>The member as text (see <see cref="JsonNode.Text"/>); null when absent, null or not a scalar.</summary>
        public string? GetText(string name) => Get(name)?.Text;
    }
}
