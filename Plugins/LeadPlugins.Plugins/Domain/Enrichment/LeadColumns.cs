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

        /// <summary>
        /// The text columns a writer fills, with their maximum lengths (standard lead table; mpl_ ones from
        /// Solution/src/tables/lead.xml). A longer value would make the platform reject the whole Create.
        /// </summary>
        public static readonly System.Collections.Generic.KeyValuePair<string, int>[] WriterTextColumns =
        {
            new System.Collections.Generic.KeyValuePair<string, int>(Subject, 300),
            new System.Collections.Generic.KeyValuePair<string, int>(Description, 2000),
            new System.Collections.Generic.KeyValuePair<string, int>(LeadSource, 400),
            new System.Collections.Generic.KeyValuePair<string, int>(ActionCode, 100),
            new System.Collections.Generic.KeyValuePair<string, int>(FirstName, FirstNameMaxLength),
            new System.Collections.Generic.KeyValuePair<string, int>(LastName, LastNameMaxLength),
            new System.Collections.Generic.KeyValuePair<string, int>(Email, EmailMaxLength),
            new System.Collections.Generic.KeyValuePair<string, int>(Phone, PhoneMaxLength),
            new System.Collections.Generic.KeyValuePair<string, int>(CompanyName, CompanyNameMaxLength),
            new System.Collections.Generic.KeyValuePair<string, int>(JobTitle, JobTitleMaxLength),
            new System.Collections.Generic.KeyValuePair<string, int>(Country, CountryMaxLength),
        };

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
        /// <summary>Longest piece of input a message repeats (an offer id's column holds 200).</summary>
        public const int QuotedInputMaxLength = 200;

        /// <summary>
        /// Input repeated in a message (an unknown code, an offer id, a JSON note), made safe to show: control characters,
        /// bidirectional overrides/embeddings/isolates (they reorder the rest of the line on a form) and unpaired surrogates
        /// become U+FFFD, and the text is cut at <paramref name="maxLength"/> with "…". Clean short text is returned as is.
        /// </summary>
        public static string? Quote(string? value, int maxLength = QuotedInputMaxLength)
        {
            if (value == null) return null;
            if (maxLength < 1) maxLength = 1;
            int length = value.Length;
            bool cut = length > maxLength;
            if (cut) length = maxLength;
            int firstBad = -1;
            for (int i = 0; i < length; i++)
            {
                if (IsUnsafe(value, i))
                {
                    firstBad = i;
                    break;
                }
            }
            if (firstBad < 0 && !cut) return value;
            var builder = new System.Text.StringBuilder(length + 1);
            for (int i = 0; i < length; i++)
            {
                char c = value[i];
                if (i >= firstBad && firstBad >= 0 && IsUnsafe(value, i)) builder.Append('\uFFFD');
                else if (i == length - 1 && cut && char.IsHighSurrogate(c)) break; // do not leave half an emoji
                else builder.Append(c);
            }
            if (cut) builder.Append('\u2026');
            return builder.ToString();
        }

        private static bool IsUnsafe(string text, int i)
        {
            char c = text[i];
            if (c < ' ') return c != '\t';
            if (c >= '\u007F' && c <= '\u009F') return true;
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) return true;
            if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
            if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
            return false;
        }

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
