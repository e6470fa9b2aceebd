using System.Collections.Generic;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>The lead's text columns a lead writer fills, with their maximum lengths from the schema vocabulary.</summary>
    public static class LeadTextColumns
    {
        /// <summary>A longer value would make the platform reject the whole Create, so enrichment cuts these to fit.</summary>
        public static readonly KeyValuePair<string, int>[] WriterTextColumns =
        {
            new KeyValuePair<string, int>(LeadTable.Columns.Subject, LeadTable.MaxLength.Subject),
            new KeyValuePair<string, int>(LeadTable.Columns.Description, LeadTable.MaxLength.Description),
            new KeyValuePair<string, int>(LeadTable.Columns.LeadSource, LeadTable.MaxLength.LeadSource),
            new KeyValuePair<string, int>(LeadTable.Columns.ActionCode, LeadTable.MaxLength.ActionCode),
            new KeyValuePair<string, int>(LeadTable.Columns.FirstName, LeadTable.MaxLength.FirstName),
            new KeyValuePair<string, int>(LeadTable.Columns.LastName, LeadTable.MaxLength.LastName),
            new KeyValuePair<string, int>(LeadTable.Columns.EmailAddress1, LeadTable.MaxLength.EmailAddress1),
            new KeyValuePair<string, int>(LeadTable.Columns.Telephone1, LeadTable.MaxLength.Telephone1),
            new KeyValuePair<string, int>(LeadTable.Columns.CompanyName, LeadTable.MaxLength.CompanyName),
            new KeyValuePair<string, int>(LeadTable.Columns.JobTitle, LeadTable.MaxLength.JobTitle),
            new KeyValuePair<string, int>(LeadTable.Columns.Address1Country, LeadTable.MaxLength.Address1Country),
        };
    }
}
