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
        private static readonly string[] UserDetailsNames = { "UserDetails", "CustomerInfo" };
        private static readonly string[] FirstNameNames = { "FirstName", "First_Name", "GivenName" };
        private static readonly string[] LastNameNames = { "LastName", "Last_Name", "Surname", "FamilyName" };
        private static readonly string[] EmailNames = { "Email", "EmailAddress", "E-mail", "Mail" };
        private static readonly string[] PhoneNames = { "Phone", "PhoneNumber", "Telephone" };
        private static readonly string[] CountryNames = { "Country", "CountryCode", "CountryRegion" };
        private static readonly string[] CompanyNames = { "Company", "CompanyName", "Organization", "Organisation" };
        private static readonly string[] TitleNames = { "Title", "JobTitle" };
        private static readonly string[] LeadSourceNames = { "LeadSource", "Lead_Source", "Source" };
        private static readonly string[] ActionCodeNames = { "ActionCode", "Action_Code", "Action", "CallToAction" };
        private static readonly string[] OfferTitleNames = { "OfferTitle", "OfferDisplayName", "OfferName" };
        private static readonly string[] DescriptionNames = { "Description", "Notes", "Comments" };
        private static readonly string[] CampaignCodeNames = { "mktcmpid", "utm_campaign", "campaign" };
        private static readonly string[] CampaignSourceNames = { "src", "utm_source" };

        private const string NotProvidedPlaceholder = "NotProvidedFromAzureMarketPlace";

        private MarketplacePayload(JsonObject? user, JsonObject root, string? description, string? campaignCode, string? campaignSource,
            bool isLeadPayload, IReadOnlyList<string> diagnostics, bool isComplete)
        {
            var flat = user ?? root;
            FirstName = Text(flat, FirstNameNames);
            LastName = Text(flat, LastNameNames);
            Email = Text(flat, EmailNames);
            Phone = Text(flat, PhoneNames);
            Country = Text(flat, CountryNames);
            Company = Text(flat, CompanyNames);
            Title = Text(flat, TitleNames);
            LeadSource = Text(root, LeadSourceNames);
            ActionCode = Text(root, ActionCodeNames);
            OfferTitle = Text(root, OfferTitleNames);
            Description = description;
            CampaignCode = campaignCode;
            CampaignSource = campaignSource;
            IsLeadPayload = isLeadPayload;
            HasUserDetails = user != null;
            Diagnostics = diagnostics;
            IsComplete = isComplete;
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
        public string? Description { get; }
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

        /// <summary>
        /// Reads <paramref name="description"/> when it starts with '{' (after white space); null otherwise, or when
        /// the text holds neither lead members nor campaign parameters.
        /// </summary>
        public static MarketplacePayload? TryRead(string? description) => TryRead(description, JsonReadLimits.Default);

        public static MarketplacePayload? TryRead(string? description, JsonReadLimits limits)
        {
            if (!LooksLikeJsonObject(description)) return null;
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
            return new MarketplacePayload(user, root, notes, campaignCode, campaignSource, isLead, notesList, isComplete);
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
                var value = TextScan.TrimToNull(obj.GetText(names[i]));
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
