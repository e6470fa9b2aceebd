namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The values either JSON reader found, by <see cref="PayloadSlots"/> slot (a struct: the scanner allocates nothing
    /// for it). <see cref="MarketplacePayload"/> maps it to the payload in one place.
    /// </summary>
    internal struct PayloadFields
    {
        internal string? RootFirstName, RootLastName, RootEmail, RootPhone, RootCountry, RootCompany, RootTitle;
        internal string? UserFirstName, UserLastName, UserEmail, UserPhone, UserCountry, UserCompany, UserTitle;
        internal string? LeadSource, ActionCode, OfferTitle, CampaignCode, CampaignSource;

        /// <summary>Description: a range of <see cref="DescriptionSource"/> (materialised only when read).</summary>
        internal string? DescriptionSource;
        internal int DescriptionStart, DescriptionLength;

        /// <summary>Scanner bookkeeping, 3 bits per slot: 0 = nothing kept, else alias rank + 1.</summary>
        internal ulong Ranks;

        /// <summary>Scanner bookkeeping: -1 = no UserDetails/CustomerInfo member; else the alias seen.</summary>
        internal int UserAlias;
        /// <summary>The user-details member held an object (possibly inside a JSON string): contacts come from it.</summary>
        internal bool HasUserObject;

        /// <summary>A contact field (<see cref="PayloadSlots.FirstName"/> ...): from user details when present, else from the root.</summary>
        internal string? Contact(int field) =>
            Slot(ref this, (HasUserObject ? PayloadSlots.UserContact : PayloadSlots.RootContact) + field);

        /// <summary>The text field of a slot other than <see cref="PayloadSlots.Description"/>, by reference.</summary>
        internal static ref string? Slot(ref PayloadFields fields, int slot)
        {
            switch (slot)
            {
                case PayloadSlots.RootContact + PayloadSlots.FirstName: return ref fields.RootFirstName;
                case PayloadSlots.RootContact + PayloadSlots.LastName: return ref fields.RootLastName;
                case PayloadSlots.RootContact + PayloadSlots.Email: return ref fields.RootEmail;
                case PayloadSlots.RootContact + PayloadSlots.Phone: return ref fields.RootPhone;
                case PayloadSlots.RootContact + PayloadSlots.Country: return ref fields.RootCountry;
                case PayloadSlots.RootContact + PayloadSlots.Company: return ref fields.RootCompany;
                case PayloadSlots.RootContact + PayloadSlots.Title: return ref fields.RootTitle;
                case PayloadSlots.UserContact + PayloadSlots.FirstName: return ref fields.UserFirstName;
                case PayloadSlots.UserContact + PayloadSlots.LastName: return ref fields.UserLastName;
                case PayloadSlots.UserContact + PayloadSlots.Email: return ref fields.UserEmail;
                case PayloadSlots.UserContact + PayloadSlots.Phone: return ref fields.UserPhone;
                case PayloadSlots.UserContact + PayloadSlots.Country: return ref fields.UserCountry;
                case PayloadSlots.UserContact + PayloadSlots.Company: return ref fields.UserCompany;
                case PayloadSlots.UserContact + PayloadSlots.Title: return ref fields.UserTitle;
                case PayloadSlots.LeadSource: return ref fields.LeadSource;
                case PayloadSlots.ActionCode: return ref fields.ActionCode;
                case PayloadSlots.OfferTitle: return ref fields.OfferTitle;
                case PayloadSlots.CampaignCode: return ref fields.CampaignCode;
                default: return ref fields.CampaignSource;
            }
        }
    }
}
