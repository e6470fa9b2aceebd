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
        private static readonly string[] UserDetailsNames = PayloadScanner.UserDetailsNames;
        private static readonly string[] FirstNameNames = PayloadScanner.FirstNameNames;
        private static readonly string[] LastNameNames = PayloadScanner.LastNameNames;
        private static readonly string[] EmailNames = PayloadScanner.EmailNames;
        private static readonly string[] PhoneNames = PayloadScanner.PhoneNames;
        private static readonly string[] CountryNames = PayloadScanner.CountryNames;
        private static readonly string[] CompanyNames = PayloadScanner.CompanyNames;
        private static readonly string[] TitleNames = PayloadScanner.TitleNames;
        private static readonly string[] LeadSourceNames = PayloadScanner.LeadSourceNames;
        private static readonly string[] ActionCodeNames = PayloadScanner.ActionCodeNames;
        private static readonly string[] OfferTitleNames = PayloadScanner.OfferTitleNames;
        private static readonly string[] DescriptionNames = PayloadScanner.DescriptionNames;
        private static readonly string[] CampaignCodeNames = PayloadScanner.CampaignCodeNames;
        private static readonly string[] CampaignSourceNames = PayloadScanner.CampaignSourceNames;

        private const string NotProvidedPlaceholder = "NotProvidedFromAzureMarketPlace";

        // The payload's own description is kept as a range of the text it came from and cut only when read
        // (enrichment never reads it), so a typical payload allocates one string less.
        private readonly string? _descriptionSource;
        private readonly int _descriptionStart;
        private readonly int _descriptionLength;

        private MarketplacePayload(string? firstName, string? lastName, string? email, string? phone, string? country, string? company,
            string? title, string? leadSource, string? actionCode, string? offerTitle, string? descriptionSource, int descriptionStart,
            int descriptionLength, string? campaignCode, string? campaignSource, bool isLeadPayload, bool hasUserDetails,
            IReadOnlyList<string> diagnostics, bool isComplete, bool readByScanner)
        {
            FirstName = firstName;
            LastName = lastName;
            Email = email;
            Phone = phone;
            Country = country;
            Company = company;
            Title = title;
            LeadSource = leadSource;
            ActionCode = actionCode;
            OfferTitle = offerTitle;
            _descriptionSource = descriptionSource;
            _descriptionStart = descriptionStart;
            _descriptionLength = descriptionLength;
            CampaignCode = campaignCode;
            CampaignSource = campaignSource;
            IsLeadPayload = isLeadPayload;
            HasUserDetails = hasUserDetails;
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
            var found = default(PayloadScanner.Found);
            if (PayloadScanner.TryScanPayload(description!, limits, ref found)) return FromScan(ref found, limits);
            return ReadTree(description, limits);
        }

        /// <summary>
        /// The same as <see cref="TryRead(string?, JsonReadLimits)"/> but always through the tolerant tree reader (the
        /// reference the fast scanner is tested against; also the path taken for any JSON that needs repair).
        /// </summary>
        public static MarketplacePayload? TryReadWithTolerantReader(string? description, JsonReadLimits limits)
        {
            if (!LooksLikeJsonObject(description)) return null;
            return ReadTree(description, limits ?? JsonReadLimits.Default);
        }

        private static MarketplacePayload? FromScan(ref PayloadScanner.Found found, JsonReadLimits limits)
        {
            bool user = found.HasUserObject;
            string? campaignCode = found.CampaignCode;
            string? campaignSource = found.CampaignSource;
            string? descriptionSource = found.DescriptionSource;
            int descriptionStart = found.DescriptionStart, descriptionEnd = found.DescriptionStart + found.DescriptionLength;

            // The description member may itself be the listing URL's parameters as a JSON string.
            if (descriptionSource != null && PayloadScanner.LooksLikeJsonObject(descriptionSource, descriptionStart, descriptionEnd))
            {
                string? innerCode, innerSource;
                var inner = default(PayloadScanner.Found);
                if (PayloadScanner.TryScanCampaign(descriptionSource, descriptionStart, descriptionEnd, limits, ref inner))
                {
                    innerCode = inner.CampaignCode;
                    innerSource = inner.CampaignSource;
                }
                else
                {
                    var tree = TolerantJson.Parse(StringRanges.Slice(descriptionSource, descriptionStart, descriptionEnd), limits).Root as JsonObject;
                    innerCode = tree == null ? null : Text(tree, CampaignCodeNames);
                    innerSource = tree == null ? null : Text(tree, CampaignSourceNames);
                }
                if (innerCode != null || innerSource != null)
                {
                    campaignCode = campaignCode ?? innerCode;
                    campaignSource = campaignSource ?? innerSource;
                    descriptionSource = null;
                }
            }

            bool isLead = user || found.LeadSource != null || found.ActionCode != null || found.OfferTitle != null || found.RootEmail != null;
            if (!isLead && campaignCode == null && campaignSource == null) return null;
            return new MarketplacePayload(
                user ? found.UserFirstName : found.RootFirstName, user ? found.UserLastName : found.RootLastName,
                user ? found.UserEmail : found.RootEmail, user ? found.UserPhone : found.RootPhone,
                user ? found.UserCountry : found.RootCountry, user ? found.UserCompany : found.RootCompany,
                user ? found.UserTitle : found.RootTitle, found.LeadSource, found.ActionCode, found.OfferTitle,
                descriptionSource, descriptionStart, descriptionEnd - descriptionStart, campaignCode, campaignSource, isLead, user,
                Array.Empty<string>(), true, true);
        }

        private static MarketplacePayload? ReadTree(string? description, JsonReadLimits limits)
        {
            var parsed = TolerantJson.Parse(description, limits);
            var root = parsed.Root as JsonObject;
            if (root == null) return null;

            List<string>? diagnostics = parsed.Diagnostics.Count == 0 ? null : new List<string>(parsed.Diagnostics);
            bool isComplete = parsed.IsComplete;

            var user = ReadUserDetails(root, ref diagnostics, ref isComplete);

            // The description member may itself be the listing URL's parameters as a JSON string.
            string? notes = Text(root, DescriptionNames);
            string? campaignCode = Text(root, CampaignCodeNames);
            string? campaignSource = Text(root, CampaignSourceNames);
            if (LooksLikeJsonObject(notes))
            {
                var inner = TolerantJson.Parse(notes, limits).Root as JsonObject;
                if (inner != null)
                {
                    string? innerCode = Text(inner, CampaignCodeNames);
                    string? innerSource = Text(inner, CampaignSourceNames);
                    if (innerCode != null || innerSource != null)
                    {
                        campaignCode = campaignCode ?? innerCode;
                        campaignSource = campaignSource ?? innerSource;
                        notes = null;
                    }
                }
            }

            bool isLead = user != null || Text(root, LeadSourceNames) != null || Text(root, ActionCodeNames) != null
                || Text(root, OfferTitleNames) != null || Text(root, EmailNames) != null;
            if (!isLead && campaignCode == null && campaignSource == null) return null;

            IReadOnlyList<string> notesList = diagnostics == null ? (IReadOnlyList<string>)Array.Empty<string>() : diagnostics.ToArray();
            var flat = user ?? root;
            return new MarketplacePayload(Text(flat, FirstNameNames), Text(flat, LastNameNames), Text(flat, EmailNames), Text(flat, PhoneNames),
                Text(flat, CountryNames), Text(flat, CompanyNames), Text(flat, TitleNames), Text(root, LeadSourceNames),
                Text(root, ActionCodeNames), Text(root, OfferTitleNames), notes, 0, notes == null ? 0 : notes.Length, campaignCode,
                campaignSource, isLead, user != null, notesList, isComplete, false);
        }

        private static JsonObject? ReadUserDetails(JsonObject root, ref List<string>? diagnostics, ref bool isComplete)
        {
            var node = root.GetAny(UserDetailsNames);
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
                if (value != null && !string.Equals(value, NotProvidedPlaceholder, StringComparison.OrdinalIgnoreCase)) return value;
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
