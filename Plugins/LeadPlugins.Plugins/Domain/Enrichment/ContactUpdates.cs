using System;
using System.Collections.Generic;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
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
}
