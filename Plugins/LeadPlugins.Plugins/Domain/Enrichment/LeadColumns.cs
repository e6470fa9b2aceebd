namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Logical names and maximum lengths of the lead columns enrichment reads and writes. The mpl_ limits
    /// mirror Solution/src/tables/lead.xml; the system limits are those of the standard lead table.
    /// </summary>
    public static class LeadColumns
    {
        public const string Subject = "subject";
        public const string Description = "description";
        public const string FirstName = "firstname";
        public const string LastName = "lastname";
        public const string Email = "emailaddress1";
        public const string Phone = "telephone1";
        public const string CompanyName = "companyname";
        public const string JobTitle = "jobtitle";
        public const string Country = "address1_country";
        public const string LeadSource = "mpl_leadsource";
        public const string ActionCode = "mpl_actioncode";

        public const int FirstNameMaxLength = 50;
        public const int LastNameMaxLength = 50;
        public const int EmailMaxLength = 100;
        public const int PhoneMaxLength = 50;
        public const int CompanyNameMaxLength = 100;
        public const int JobTitleMaxLength = 100;
        public const int CountryMaxLength = 80;
        public const int PublisherIdMaxLength = 100;
        public const int OfferIdMaxLength = 200;
        public const int OfferTitleMaxLength = 200;
        public const int ReferralIdMaxLength = 100;
        public const int CountryCodeMaxLength = 2;
        public const int ScoreReasonMaxLength = 2000;
        public const int SourceCampaignCodeMaxLength = 100;
        public const int EnrichmentMessageMaxLength = 4000;
    }

    /// <summary>Column-length helpers.</summary>
    public static class ColumnText
    {
        /// <summary>
        /// Cuts <paramref name="value"/> to at most <paramref name="maxLength"/> characters without splitting a
        /// surrogate pair (an emoji is dropped whole rather than halved). Null stays null; a non-positive
        /// maximum gives an empty string; a value that fits is returned as the same instance.
        /// </summary>
        public static string? Truncate(string? value, int maxLength)
        {
            if (value == null) return null;
            if (maxLength <= 0) return string.Empty;
            if (value.Length <= maxLength) return value;
            int cut = maxLength;
            if (char.IsHighSurrogate(value[cut - 1]) && char.IsLowSurrogate(value[cut])) cut--;
            return value.Substring(0, cut);
        }
    }
}
