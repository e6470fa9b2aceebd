using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>Reads a lead entity (a Target or a retrieved row) into the domain's <see cref="LeadFields"/>.</summary>
    internal static class LeadEntityReader
    {
        private static readonly string[] StandardInputColumns =
        {
            LeadTable.Columns.Subject, LeadTable.Columns.Description, LeadTable.Columns.LeadSource, LeadTable.Columns.ActionCode, LeadTable.Columns.FirstName,
            LeadTable.Columns.LastName, LeadTable.Columns.EmailAddress1, LeadTable.Columns.Telephone1, LeadTable.Columns.CompanyName, LeadTable.Columns.JobTitle, LeadTable.Columns.Address1Country,
            LeadTable.Columns.OwnerId, LeadTable.Columns.CreatedBy, LeadTable.Columns.CreatedOn, LeadTable.Columns.LeadQualityCode, LeadTable.Columns.LeadSourceCode,
            LeadTable.Columns.CampaignId, LeadTable.Columns.DuplicateOf, LeadTable.Columns.NurtureSequenceId,
        };

        /// <summary>The lead columns enrichment reads: <see cref="Read"/>'s, those the change builder compares, and the step's extra source columns.</summary>
        internal static string[] InputColumns(EnrichmentSettings settings)
        {
            var columns = new List<string>(StandardInputColumns);
            foreach (var extra in settings.ExtraSourceColumns)
            {
                if (!columns.Contains(extra)) columns.Add(extra);
            }
            return columns.ToArray();
        }

        /// <summary>
        /// Text columns must hold strings: anything else means an upstream mapping is broken, so this lead fails with
        /// a readable message (the caller catches it per lead). Extra source columns are the admin's choice and may be
        /// of any type: non-text values are skipped and the column is added to <paramref name="nonTextExtraColumns"/>.
        /// </summary>
        internal static LeadFields Read(Entity lead, EnrichmentSettings settings, Guid? creatingUserId, ICollection<string> nonTextExtraColumns)
        {
            var fields = new LeadFields
            {
                LeadId = IdOf(lead),
                CreatedByUserId = creatingUserId,
                Subject = Text(lead, LeadTable.Columns.Subject),
                Description = Text(lead, LeadTable.Columns.Description),
                LeadSource = Text(lead, LeadTable.Columns.LeadSource),
                ActionCode = Text(lead, LeadTable.Columns.ActionCode),
                FirstName = Text(lead, LeadTable.Columns.FirstName),
                LastName = Text(lead, LeadTable.Columns.LastName),
                Email = Text(lead, LeadTable.Columns.EmailAddress1),
                Phone = Text(lead, LeadTable.Columns.Telephone1),
                CompanyName = Text(lead, LeadTable.Columns.CompanyName),
                JobTitle = Text(lead, LeadTable.Columns.JobTitle),
                Country = Text(lead, LeadTable.Columns.Address1Country),
            };
            var extras = settings.ExtraSourceColumns;
            if (extras.Count > 0)
            {
                var values = new string?[extras.Count];
                for (int i = 0; i < values.Length; i++)
                {
                    object? value;
                    if (!lead.Attributes.TryGetValue(extras[i], out value) || value == null) continue;
                    values[i] = value as string;
                    if (values[i] == null && !nonTextExtraColumns.Contains(extras[i])) nonTextExtraColumns.Add(extras[i]);
                }
                fields.ExtraSourceValues = values;
            }
            return fields;
        }

        /// <summary>The entity's id, else its primary id attribute (leadid), else null.</summary>
        internal static Guid? IdOf(Entity lead)
        {
            if (lead.Id != Guid.Empty) return lead.Id;
            object? value;
            if (lead.Attributes.TryGetValue(LeadTable.Columns.LeadId, out value) && value is Guid id && id != Guid.Empty) return id;
            return null;
        }

        private static string? Text(Entity lead, string column)
        {
            object? value;
            if (!lead.Attributes.TryGetValue(column, out value) || value == null) return null;
            var text = value as string;
            if (text == null) throw new InvalidCastException("Column '" + column + "' holds a " + value.GetType().Name + ", not text.");
            return text;
        }
    }
}
