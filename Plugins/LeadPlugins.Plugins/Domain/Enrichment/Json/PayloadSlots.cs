namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The payload's fields, once for both JSON readers: a slot number per field and the member names (aliases, in
    /// order of preference, any casing) that fill it. <see cref="PayloadScanner"/> and the tolerant tree reader in
    /// <see cref="MarketplacePayload"/> both write into a <see cref="PayloadFields"/> by these slots.
    /// </summary>
    internal static class PayloadSlots
    {
        // Contacts exist twice: at the root (flat payloads) and inside UserDetails/CustomerInfo.
        internal const int RootContact = 0;   // 0..6
        internal const int UserContact = 7;   // 7..13
        internal const int LeadSource = 14;
        internal const int ActionCode = 15;
        internal const int OfferTitle = 16;
        internal const int Description = 17;
        internal const int CampaignCode = 18;
        internal const int CampaignSource = 19;
        /// <summary>Slots holding text (0 .. TextSlots - 1).</summary>
        internal const int TextSlots = 20;
        /// <summary>The nested user-details object (not a text slot).</summary>
        internal const int UserDetails = 20;

        /// <summary>Offsets of the contact fields inside <see cref="RootContact"/> and <see cref="UserContact"/>.</summary>
        internal const int FirstName = 0, LastName = 1, Email = 2, Phone = 3, Country = 4, Company = 5, Title = 6;
        internal const int ContactFields = 7;

        /// <summary>Read as null wherever it appears, like an empty value.</summary>
        internal const string NotProvidedPlaceholder = "NotProvidedFromAzureMarketPlace";

        internal static readonly string[] UserDetailsNames = { "UserDetails", "CustomerInfo" };
        internal static readonly string[] FirstNameNames = { "FirstName", "First_Name", "GivenName" };
        internal static readonly string[] LastNameNames = { "LastName", "Last_Name", "Surname", "FamilyName" };
        internal static readonly string[] EmailNames = { "Email", "EmailAddress", "E-mail", "Mail" };
        internal static readonly string[] PhoneNames = { "Phone", "PhoneNumber", "Telephone" };
        internal static readonly string[] CountryNames = { "Country", "CountryCode", "CountryRegion" };
        internal static readonly string[] CompanyNames = { "Company", "CompanyName", "Organization", "Organisation" };
        internal static readonly string[] TitleNames = { "Title", "JobTitle" };
        internal static readonly string[] LeadSourceNames = { "LeadSource", "Lead_Source", "Source" };
        internal static readonly string[] ActionCodeNames = { "ActionCode", "Action_Code", "Action", "CallToAction" };
        internal static readonly string[] OfferTitleNames = { "OfferTitle", "OfferDisplayName", "OfferName" };
        internal static readonly string[] DescriptionNames = { "Description", "Notes", "Comments" };
        internal static readonly string[] CampaignCodeNames = { "mktcmpid", "utm_campaign", "campaign" };
        internal static readonly string[] CampaignSourceNames = { "src", "utm_source" };

        /// <summary>True for the contact slots read inside the user-details object.</summary>
        internal static bool IsUserContact(int slot) => slot >= UserContact && slot < UserContact + ContactFields;

        /// <summary>The member names of a text slot (contact slots: the same names at the root and in user details).</summary>
        internal static string[] NamesOf(int slot)
        {
            if (slot < UserContact + ContactFields)
            {
                switch (slot % ContactFields)
                {
                    case FirstName: return FirstNameNames;
                    case LastName: return LastNameNames;
                    case Email: return EmailNames;
                    case Phone: return PhoneNames;
                    case Country: return CountryNames;
                    case Company: return CompanyNames;
                    default: return TitleNames;
                }
            }
            switch (slot)
            {
                case LeadSource: return LeadSourceNames;
                case ActionCode: return ActionCodeNames;
                case OfferTitle: return OfferTitleNames;
                case Description: return DescriptionNames;
                case CampaignCode: return CampaignCodeNames;
                case CampaignSource: return CampaignSourceNames;
                default: return UserDetailsNames;
            }
        }
    }
}
