using System.Xml.Linq;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Generation;

/// <summary>The system columns of a new table (ids, created/modified, owner or organization, state and status with their choices).</summary>
internal static class SystemColumns
{
    /// <summary>System columns of a new table, as a v9.1 export lists them ([TAC] cr97b_Project).</summary>
    public static IEnumerable<XElement> Of(TableDefinition table)
    {
        var display = table.DisplayName;
        var pk = AttributeElement.Create(table.PrimaryId, "primarykey", display, "Unique identifier for entity instances", "systemrequired", "ValidForAdvancedFind|RequiredForGrid", custom: false);
        pk.Add(new XElement("ImeMode", "auto"), new XElement("ValidForReadApi", 1), new XElement("ValidForCreateApi", 1));
        yield return pk;

        yield return SystemLookup("CreatedBy", "Created By", "Unique identifier of the user who created the record.", EntityGenerator.DefaultMask);
        yield return SystemDate("CreatedOn", "Created On", "Date and time when the record was created.", "datetime", EntityGenerator.DefaultMask, createApi: false);
        yield return SystemLookup("CreatedOnBehalfBy", "Created By (Delegate)", "Unique identifier of the delegate user who created the record.", EntityGenerator.DefaultMask);
        yield return SystemInt("ImportSequenceNumber", "Import Sequence Number", "Sequence number of the import that created this record.", int.MinValue, "ValidForAdvancedFind", updateApi: false);
        yield return SystemLookup("ModifiedBy", "Modified By", "Unique identifier of the user who modified the record.", EntityGenerator.DefaultMask);
        yield return SystemDate("ModifiedOn", "Modified On", "Date and time when the record was modified.", "datetime", EntityGenerator.DefaultMask, createApi: false);
        yield return SystemLookup("ModifiedOnBehalfBy", "Modified By (Delegate)", "Unique identifier of the delegate user who modified the record.", EntityGenerator.DefaultMask);
        yield return SystemDate("OverriddenCreatedOn", "Record Created On", "Date and time that the record was migrated.", "date", "ValidForAdvancedFind|ValidForGrid", createApi: true);

        if (table.Ownership == TableOwnership.User)
        {
            // Ownership and status changes are what an auditor asks about: exports audit these four system columns.
            var owner = AttributeElement.Create("OwnerId", "owner", "Owner", "Owner Id", "systemrequired", EntityGenerator.DefaultMask + "|RequiredForForm", custom: false, audited: true);
            owner.Add(new XElement("ImeMode", "auto"), new XElement("ValidForUpdateApi", 1), new XElement("ValidForReadApi", 1), new XElement("ValidForCreateApi", 1),
                new XElement("LookupStyle", "single"),
                new XElement("LookupTypes",
                    new XElement("LookupType", new XAttribute("id", Guid.Empty.ToString("D")), KnownSystemTables.TypeCode("systemuser")),
                    new XElement("LookupType", new XAttribute("id", Guid.Empty.ToString("D")), KnownSystemTables.TypeCode("team"))));
            yield return owner;
            yield return SystemLookup("OwningBusinessUnit", "Owning Business Unit", "Unique identifier for the business unit that owns the record", null, audited: true);
            yield return SystemLookup("OwningTeam", "Owning Team", "Unique identifier for the team that owns the record.", null, logical: true);
            yield return SystemLookup("OwningUser", "Owning User", "Unique identifier for the user that owns the record.", null, logical: true);
        }
        else
        {
            yield return SystemLookup("OrganizationId", "Organization Id", "Unique identifier for the organization", null);
        }

        var lowerName = table.LogicalName;
        var state = AttributeElement.Create("statecode", "state", "Status", "Status of the " + display, "systemrequired", EntityGenerator.DefaultMask, custom: false, audited: true);
        state.Add(new XElement("ImeMode", "auto"), new XElement("ValidForUpdateApi", 1), new XElement("ValidForReadApi", 1),
            new XElement("optionset", new XAttribute("Name", lowerName + "_statecode"),
                new XElement("OptionSetType", "state"),
                new XElement("IntroducedVersion", EntityGenerator.IntroducedVersion),
                ExportXml.Flag("IsCustomizable", true),
                ExportXml.DisplayNames("Status"),
                ExportXml.Descriptions("Status of the " + display),
                new XElement("states", table.Statuses.GroupBy(s => s.State).OrderBy(g => g.Key).Select(g =>
                {
                    var defaultStatus = g.FirstOrDefault(s => s.IsDefaultForState) ?? g.First();
                    return new XElement("state",
                        new XAttribute("value", g.Key),
                        new XAttribute("defaultstatus", defaultStatus.Status),
                        new XAttribute("invariantname", defaultStatus.StateLabel.Replace(" ", string.Empty, StringComparison.Ordinal)),
                        ExportXml.Labels("labels", "label", defaultStatus.StateLabel));
                }))));
        yield return state;

        var status = AttributeElement.Create("statuscode", "status", "Status Reason", "Reason for the status of the " + display, "none", EntityGenerator.DefaultMask, custom: false, audited: true);
        status.Add(new XElement("ImeMode", "auto"), new XElement("ValidForUpdateApi", 1), new XElement("ValidForReadApi", 1), new XElement("ValidForCreateApi", 1),
            new XElement("optionset", new XAttribute("Name", lowerName + "_statuscode"),
                new XElement("OptionSetType", "status"),
                new XElement("IntroducedVersion", EntityGenerator.IntroducedVersion),
                ExportXml.Flag("IsCustomizable", true),
                ExportXml.DisplayNames("Status Reason"),
                ExportXml.Descriptions("Reason for the status of the " + display),
                new XElement("statuses", table.Statuses.OrderBy(s => s.Status).Select(s => new XElement("status",
                    new XAttribute("value", s.Status),
                    new XAttribute("state", s.State),
                    ExportXml.Labels("labels", "label", s.StatusLabel))))));
        yield return status;

        yield return SystemInt("TimeZoneRuleVersionNumber", "Time Zone Rule Version Number", "For internal use only.", -1, null, updateApi: true);
        yield return SystemInt("UTCConversionTimeZoneCode", "UTC Conversion Time Zone Code", "Time zone code that was in use when the record was created.", -1, null, updateApi: true);
    }

    private static XElement SystemLookup(string physical, string display, string description, string? mask, bool logical = false, bool audited = false)
    {
        var a = AttributeElement.Create(physical, "lookup", display, description, "none", mask, custom: false, audited);
        a.Add(new XElement("ImeMode", "auto"), new XElement("ValidForReadApi", 1));
        if (logical) a.Add(ExportXml.Flag("IsLogical", true));
        a.Add(new XElement("LookupStyle", "single"), new XElement("LookupTypes"));
        return a;
    }

    private static XElement SystemDate(string physical, string display, string description, string format, string mask, bool createApi)
    {
        var a = AttributeElement.Create(physical, "datetime", display, description, "none", mask, custom: false);
        a.Add(new XElement("ImeMode", "inactive"), new XElement("ValidForReadApi", 1));
        if (createApi) a.Add(new XElement("ValidForCreateApi", 1));
        a.Add(new XElement("Format", format), ExportXml.Flag("CanChangeDateTimeBehavior", false), new XElement("Behavior", 1));
        return a;
    }

    private static XElement SystemInt(string physical, string display, string description, long min, string? mask, bool updateApi)
    {
        var a = AttributeElement.Create(physical, "int", display, description, "none", mask, custom: false);
        a.Add(new XElement("ImeMode", physical == "ImportSequenceNumber" ? "disabled" : "auto"), new XElement("ValidForReadApi", 1), new XElement("ValidForCreateApi", 1));
        if (updateApi) a.Add(new XElement("ValidForUpdateApi", 1));
        a.Add(new XElement("Format", string.Empty), new XElement("MinValue", ExportXml.Number(min)), new XElement("MaxValue", ExportXml.Number(int.MaxValue)));
        return a;
    }
}
