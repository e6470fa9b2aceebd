using System;
using System.Collections.Generic;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The marketplace's HTTPS JSON payload (or an Azure Table <c>CustomerInfo</c>, or only the listing URL's
    /// campaign parameters) read from a lead's <c>description</c>. Member names match in any casing; null, empty,
    /// missing and the <c>NotProvidedFromAzureMarketPlace</c> placeholder all read as null. Immutable.
    /// </summary>
    public sealed class MarketplacePayload
    {
        // The payload's own description is kept as a range of the text it came from and cut only when read
        // (enrichment never reads it), so a typical payload allocates one string less.
        private readonly string? _descriptionSource;
        private readonly int _descriptionStart;
        private readonly int _descriptionLength;

        private MarketplacePayload(ref PayloadFields fields, bool isLeadPayload, IReadOnlyList<string> diagnostics, bool isComplete, bool readByScanner)
        {
            FirstName = fields.Contact(PayloadSlots.FirstName);
            LastName = fields.Contact(PayloadSlots.LastName);
            Email = fields.Contact(PayloadSlots.Email);
            Phone = fields.Contact(PayloadSlots.Phone);
            Country = fields.Contact(PayloadSlots.Country);
            Company = fields.Contact(PayloadSlots.Company);
            Title = fields.Contact(PayloadSlots.Title);
            LeadSource = fields.LeadSource;
            ActionCode = fields.ActionCode;
            OfferTitle = fields.OfferTitle;
            _descriptionSource = fields.DescriptionSource;
            _descriptionStart = fields.DescriptionStart;
            _descriptionLength = fields.DescriptionLength;
            CampaignCode = fields.CampaignCode;
            CampaignSource = fields.CampaignSource;
            IsLeadPayload = isLeadPayload;
            HasUserDetails = fields.HasUserObject;
            Diagnostics = diagnostics;
            IsComplete = isComplete;
            ReadByScanner = readByScanner;
        }

        public string? FirstName { get; }
        public string? LastName { get; }
        public string? Email { get; }
        public string? Phone { get; }
        public string? Country { get; }
        public string? Company { get; }
        public string? Title { get; }
        /// <summary><c>LeadSource</c>: a source code, or the combined <c>Source-Action|Offer</c> value.</summary>
        public string? LeadSource { get; }
        public string? ActionCode { get; }
        /// <summary><c>OfferTitle</c> / <c>OfferDisplayName</c>: the offer's display title.</summary>
        public string? OfferTitle { get; }
        /// <summary>The payload's own <c>Description</c> (customer notes) unless it was campaign parameters.</summary>
        public string? Description => _descriptionSource == null
            ? null
            : StringRanges.Slice(_descriptionSource, _descriptionStart, _descriptionStart + _descriptionLength);
        /// <summary><c>mktcmpid</c> / <c>utm_campaign</c> from the listing URL, when present.</summary>
        public string? CampaignCode { get; }
        /// <summary><c>src</c> / <c>utm_source</c> from the listing URL, when present.</summary>
        public string? CampaignSource { get; }
        /// <summary>True when the object carried lead members (user details, source, action or offer title).</summary>
        public bool IsLeadPayload { get; }
        /// <summary>A <c>UserDetails</c> / <c>CustomerInfo</c> object was present: the marketplace's payload shape.</summary>
        public bool HasUserDetails { get; }
        /// <summary>Repairs and losses reported by the JSON reader and by this mapping.</summary>
        public IReadOnlyList<string> Diagnostics { get; }
        /// <summary>False when the JSON was cut (truncated, too long, too deep).</summary>
        public bool IsComplete { get; }
        /// <summary>The JSON needed repair or was cut.</summary>
        public bool IsMalformed => !IsComplete || Diagnostics.Count > 0;
        /// <summary>Read by the allocation-light scanner (clean JSON) rather than the tolerant tree reader (tests check both agree).</summary>
        internal bool ReadByScanner { get; }

        /// <summary>
        /// Reads <paramref name="description"/> when it starts with '{' (after white space); null otherwise, or when
        /// the text holds neither lead members nor campaign parameters.
        /// </summary>
        public static MarketplacePayload? TryRead(string? description) => TryRead(description, JsonReadLimits.Default);

        public static MarketplacePayload? TryRead(string? description, JsonReadLimits limits)
        {
            if (!LooksLikeJsonObject(description)) return null;
            if (limits == null) limits = JsonReadLimits.Default;
            var found = default(PayloadFields);
            if (PayloadScanner.TryScanPayload(description!, limits, ref found)) return FromFields(ref found, limits, Array.Empty<string>(), true, true);
            return ReadTree(description, limits);
        }

        /// <summary>
        /// The same as <see cref="TryRead(string?, JsonReadLimits)"/> but always through the tolerant tree reader (the
        /// reference the fast scanner is tested against; also the path taken for any JSON that needs repair).
        /// </summary>
        internal static MarketplacePayload? TryReadWithTolerantReader(string? description, JsonReadLimits limits)
        {
            if (!LooksLikeJsonObject(description)) return null;
            return ReadTree(description, limits ?? JsonReadLimits.Default);
        }

        /// <summary>
        /// The one mapping of what either reader found to the payload: a description that is itself the listing URL's
        /// parameters (a JSON string) becomes the campaign code and source; null when the object holds neither lead
        /// members nor campaign parameters.
        /// </summary>
        private static MarketplacePayload? FromFields(ref PayloadFields fields, JsonReadLimits limits, IReadOnlyList<string> diagnostics,
            bool isComplete, bool readByScanner)
        {
            string? source = fields.DescriptionSource;
            int start = fields.DescriptionStart, end = fields.DescriptionStart + fields.DescriptionLength;
            if (source != null && PayloadScanner.LooksLikeJsonObject(source, start, end))
            {
                string? innerCode, innerSource;
                var inner = default(PayloadFields);
                if (PayloadScanner.TryScanCampaign(source, start, end, limits, ref inner))
                {
                    innerCode = inner.CampaignCode;
                    innerSource = inner.CampaignSource;
                }
                else
                {
                    var tree = TolerantJson.Parse(StringRanges.Slice(source, start, end), limits).Root as JsonObject;
                    innerCode = tree == null ? null : Text(tree, PayloadSlots.CampaignCodeNames);
                    innerSource = tree == null ? null : Text(tree, PayloadSlots.CampaignSourceNames);
                }
                if (innerCode != null || innerSource != null)
                {
                    fields.CampaignCode = fields.CampaignCode ?? innerCode;
                    fields.CampaignSource = fields.CampaignSource ?? innerSource;
                    fields.DescriptionSource = null;
                    fields.DescriptionStart = 0;
                    fields.DescriptionLength = 0;
                }
            }

            bool isLead = fields.HasUserObject || fields.LeadSource != null || fields.ActionCode != null || fields.OfferTitle != null || fields.RootEmail != null;
            if (!isLead && fields.CampaignCode == null && fields.CampaignSource == null) return null;
            return new MarketplacePayload(ref fields, isLead, diagnostics, isComplete, readByScanner);
        }

        /// <summary>The tolerant path: any JSON, repaired where it can be, read into the same fields by the same slots.</summary>
        private static MarketplacePayload? ReadTree(string? description, JsonReadLimits limits)
        {
            var parsed = TolerantJson.Parse(description, limits);
            var root = parsed.Root as JsonObject;
            if (root == null) return null;

            List<string>? diagnostics = parsed.Diagnostics.Count == 0 ? null : new List<string>(parsed.Diagnostics);
            bool isComplete = parsed.IsComplete;
            var user = ReadUserDetails(root, ref diagnostics, ref isComplete);

            var fields = default(PayloadFields);
            fields.HasUserObject = user != null;
            for (int slot = 0; slot < PayloadSlots.TextSlots; slot++)
            {
                var level = PayloadSlots.IsUserContact(slot) ? user : root;
                if (level == null) continue;
                var text = Text(level, PayloadSlots.NamesOf(slot));
                if (slot != PayloadSlots.Description) PayloadFields.Slot(ref fields, slot) = text;
                else if (text != null)
                {
                    fields.DescriptionSource = text;
                    fields.DescriptionLength = text.Length;
                }
            }
            IReadOnlyList<string> notes = diagnostics == null ? (IReadOnlyList<string>)Array.Empty<string>() : diagnostics.ToArray();
            return FromFields(ref fields, limits, notes, isComplete, false);
        }

        private static JsonObject? ReadUserDetails(JsonObject root, ref List<string>? diagnostics, ref bool isComplete)
        {
            var node = root.GetAny(PayloadSlots.UserDetailsNames);
            if (node == null || node.Kind == JsonNodeKind.Null) return null;
            var user = node as JsonObject;
            if (user != null) return user;

            // Azure Table entities carry CustomerInfo as a JSON string.
            var text = node.Text;
            if (LooksLikeJsonObject(text))
            {
                var inner = TolerantJson.Parse(text);
                if (inner.Diagnostics.Count > 0)
                {
                    if (diagnostics == null) diagnostics = new List<string>();
                    for (int i = 0; i < inner.Diagnostics.Count; i++) diagnostics.Add("User details: " + inner.Diagnostics[i]);
                }
                if (!inner.IsComplete) isComplete = false;
                user = inner.Root as JsonObject;
                if (user != null) return user;
            }
            if (diagnostics == null) diagnostics = new List<string>();
            diagnostics.Add("User details are not an object and were ignored.");
            return null;
        }

        private static string? Text(JsonObject obj, string[] names)
        {
            for (int i = 0; i < names.Length; i++)
            {
                var value = StringRanges.TrimToNull(obj.GetText(names[i]));
                if (value != null && !string.Equals(value, PayloadSlots.NotProvidedPlaceholder, StringComparison.OrdinalIgnoreCase)) return value;
            }
            return null;
        }

        internal static bool LooksLikeJsonObject(string? text)
        {
            if (text == null) return false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '{') return true;
                if (!char.IsWhiteSpace(c) && c != '\uFEFF') return false;
            }
            return false;
        }
    }
}
