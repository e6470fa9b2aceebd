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
}
