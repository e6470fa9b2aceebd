using System;
using System.Collections.Generic;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// The lead's text columns as the SDK layer read them from the Target (plain input; the parser never changes it).
    /// </summary>
    public sealed class LeadFields
    {
        /// <summary>The lead's id when known (a CreateMultiple Target may carry one); used to skip itself in duplicates.</summary>
        public Guid? LeadId { get; set; }
        /// <summary>The user creating the lead (initiating user), matched against marketplaceWriterUserIds.</summary>
        public Guid? CreatedByUserId { get; set; }

        /// <summary>subject</summary>
        public string? Subject { get; set; }
        /// <summary>description</summary>
        public string? Description { get; set; }
        /// <summary>mpl_leadsource</summary>
        public string? LeadSource { get; set; }
        /// <summary>mpl_actioncode</summary>
        public string? ActionCode { get; set; }
        /// <summary>firstname</summary>
        public string? FirstName { get; set; }
        /// <summary>lastname</summary>
        public string? LastName { get; set; }
        /// <summary>emailaddress1</summary>
        public string? Email { get; set; }
        /// <summary>telephone1</summary>
        public string? Phone { get; set; }
        /// <summary>companyname</summary>
        public string? CompanyName { get; set; }
        /// <summary>jobtitle</summary>
        public string? JobTitle { get; set; }
        /// <summary>address1_country</summary>
        public string? Country { get; set; }

        /// <summary>Values of <see cref="EnrichmentSettings.ExtraSourceColumns"/>, in the same order (null entries allowed).</summary>
        public IList<string?>? ExtraSourceValues { get; set; }
    }

    /// <summary>
    /// Column values to write back to the lead's contact columns; null = leave the column as it is. A value is
    /// proposed only to fill an empty column from the payload, or to trim surrounding white space; what the writer
    /// set is never replaced. Values are already cut to the column's maximum length.
    /// </summary>
    public sealed class ContactUpdates
    {
        public static readonly ContactUpdates None = new ContactUpdates(null, null, null, null, null, null, null);

        internal ContactUpdates(string? firstName, string? lastName, string? email, string? phone, string? companyName, string? jobTitle, string? country)
        {
            FirstName = firstName;
            LastName = lastName;
            Email = email;
            Phone = phone;
            CompanyName = companyName;
            JobTitle = jobTitle;
            Country = country;
        }

        /// <summary>firstname</summary>
        public string? FirstName { get; }
        /// <summary>lastname</summary>
        public string? LastName { get; }
        /// <summary>emailaddress1 (as sent, trimmed; never lower-cased in place)</summary>
        public string? Email { get; }
        /// <summary>telephone1 (as sent)</summary>
        public string? Phone { get; }
        /// <summary>companyname</summary>
        public string? CompanyName { get; }
        /// <summary>jobtitle</summary>
        public string? JobTitle { get; }
        /// <summary>address1_country (the raw text; the ISO code goes to mpl_countrycode)</summary>
        public string? Country { get; }

        public bool HasAny => FirstName != null || LastName != null || Email != null || Phone != null || CompanyName != null
            || JobTitle != null || Country != null;
    }

    /// <summary>What the cheap first pass decided the lead is.</summary>
    public enum LeadKind
    {
        NotMarketplace = 0,
        Marketplace,
        /// <summary>A Partner Center validation lead (MSFT_TEST_).</summary>
        Test,
        /// <summary>A Partner Center co-sell / Microsoft-qualified referral: never gets marketplace treatment.</summary>
        CoSell,
    }
}
