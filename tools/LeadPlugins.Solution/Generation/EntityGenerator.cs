using System.Xml.Linq;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Generation;

/// <summary>
/// Tables, columns, keys, global choices and lookup relationships in the 9.0.0.2090 vocabulary, shaped after a real
/// v9.1 export ([TAC] in shared/spec/solution-format.md). New tables carry their system columns and system
/// relationships as exports do; existing tables carry only the columns the solution adds.
/// </summary>
internal sealed class EntityGenerator
{
    private const string IntroducedVersion = "1.0.0.0";
    private const string DefaultMask = "ValidForAdvancedFind|ValidForForm|ValidForGrid";

    private readonly SolutionSource _source;
    private readonly string _prefix;
    private readonly FindingList _findings;

    public EntityGenerator(SolutionSource source, string prefix, FindingList findings)
    {
        _source = source;
        _prefix = prefix;
        _findings = findings;
    }

    public static string EntitySetName(string logicalName)
    {
        if (logicalName.EndsWith('y') && logicalName.Length > 1 && !"aeiou".Contains(logicalName[^2], StringComparison.Ordinal))
            return logicalName[..^1] + "ies";
        if (logicalName.EndsWith('s') || logicalName.EndsWith('x') || logicalName.EndsWith("ch", StringComparison.Ordinal) || logicalName.EndsWith("sh", StringComparison.Ordinal))
            return logicalName + "es";
        return logicalName + "s";
    }

    /// <summary>One &lt;Entity&gt;: its columns plus the forms and views generated for it.</summary>
    public XElement Entity(TableDefinition table, XElement? formXml, XElement? savedQueries, XElement? visualizations = null)
    {
        var schema = SystemTables.SchemaName(table.LogicalName);
        var display = table.Existing ? SystemTables.DisplayName(table.LogicalName) : table.DisplayName;
        if (table.Existing && !SystemTables.IsKnown(table.LogicalName))
            _findings.Error(FindingCodes.SourceReference, table.SourceFile, 0, "existing table '" + table.LogicalName + "' has no known schema name (add it to SystemTables)");

        var entity = new XElement("entity", new XAttribute("Name", schema));
        if (!table.Existing)
        {
            entity.Add(
                Xml.Labels("LocalizedNames", "LocalizedName", table.DisplayName),
                Xml.Labels("LocalizedCollectionNames", "LocalizedCollectionName", table.DisplayCollectionName),
                Xml.Descriptions(table.Description));
        }
        var attributes = new XElement("attributes");
        foreach (var column in table.Columns.OrderBy(c => c.LogicalName, StringComparer.Ordinal))
        {
            var attribute = CustomAttribute(table, column);
            if (attribute != null) attributes.Add(attribute);
        }
        if (!table.Existing)
            foreach (var system in SystemAttributes(table))
                attributes.Add(system);
        entity.Add(attributes);
        if (!table.Existing) entity.Add(NewTableSettings(table));
        if (table.Keys.Count > 0)
        {
            entity.Add(new XElement("EntityKeys", table.Keys.Select(key => new XElement("EntityKey",
                new XElement("Name", key.Name),
                new XElement("LogicalName", key.Name),
                new XElement("IntroducedVersion", IntroducedVersion),
                Xml.Flag("IsCustomizable", true),
                Xml.DisplayNames(key.DisplayName),
                new XElement("EntityKeyAttributes", key.Columns.Select(c => new XElement("AttributeName", c)))))));
        }

        var element = new XElement("Entity",
            new XElement("Name", new XAttribute("LocalizedName", display), new XAttribute("OriginalName", display), schema),
            new XElement("EntityInfo", entity));
        if (formXml != null) element.Add(formXml);
        if (savedQueries != null) element.Add(savedQueries);
        if (visualizations != null) element.Add(visualizations);
        return element;
    }

    private XElement? CustomAttribute(TableDefinition table, ColumnDefinition column)
    {
        var isPrimaryName = !table.Existing && column.LogicalName == table.PrimaryName;
        var mask = isPrimaryName ? "PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm" : DefaultMask;
        var required = column.Required ? "required" : "none";
        var attribute = Attribute(column.LogicalName, TypeName(column.Type), column.DisplayName, column.Description, required, mask, custom: true);
        attribute.Add(new XElement("ValidForCreateApi", 1), new XElement("ValidForUpdateApi", 1), new XElement("ValidForReadApi", 1));
        switch (column.Type)
        {
            case ColumnType.String:
                attribute.Add(new XElement("ImeMode", "auto"), new XElement("Format", "text"),
                    new XElement("MaxLength", column.MaxLength), new XElement("Length", column.MaxLength * 2));
                break;
            case ColumnType.Memo:
                attribute.Add(new XElement("ImeMode", "auto"), new XElement("Format", "text"),
                    new XElement("MaxLength", column.MaxLength), new XElement("Length", column.MaxLength * 2));
                break;
            case ColumnType.Integer:
                attribute.Add(new XElement("ImeMode", "auto"), new XElement("Format", "none"),
                    new XElement("MinValue", Xml.Number(column.MinValue ?? int.MinValue)),
                    new XElement("MaxValue", Xml.Number(column.MaxValue ?? int.MaxValue)));
                break;
            case ColumnType.Decimal:
            case ColumnType.Money:
                attribute.Add(new XElement("ImeMode", "auto"), new XElement("Accuracy", 2),
                    new XElement("MinValue", Xml.Number(column.MinValue ?? -100000000000)),
                    new XElement("MaxValue", Xml.Number(column.MaxValue ?? 100000000000)));
                break;
            case ColumnType.DateTime:
                var dateOnly = string.Equals(column.Behavior, "DateOnly", StringComparison.OrdinalIgnoreCase);
                attribute.Add(new XElement("ImeMode", "inactive"), new XElement("Format", dateOnly ? "date" : "datetime"),
                    new XElement("Behavior", column.Behavior switch
                    {
                        null or "UserLocal" => 1,
                        "DateOnly" => 2,
                        "TimeZoneIndependent" => 3,
                        _ => Unsupported(table, column, "date behavior '" + column.Behavior + "'", 1),
                    }),
                    Xml.Flag("CanChangeDateTimeBehavior", true));
                break;
            case ColumnType.Boolean:
                var defaultValue = string.Equals(column.Default, "true", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                attribute.Add(new XElement("AppDefaultValue", defaultValue), new XElement("optionset",
                    new XAttribute("Name", table.LogicalName + "_" + column.LogicalName),
                    new XElement("OptionSetType", "bit"),
                    new XElement("IntroducedVersion", IntroducedVersion),
                    Xml.Flag("IsCustomizable", true),
                    Xml.DisplayNames(column.DisplayName),
                    new XElement("options",
                        Option(1, "Yes"),
                        Option(0, "No"))));
                break;
            case ColumnType.Choice:
            case ColumnType.MultiChoice:
                attribute.Add(new XElement("AppDefaultValue", -1));
                if (column.Choice != null && column.Choice.StartsWith("local:", StringComparison.Ordinal))
                {
                    var local = SolutionSource.LoadLocalChoices(table.SourceFile).FirstOrDefault(c => c.Name == column.Choice);
                    attribute.Add(new XElement("optionset",
                        new XAttribute("Name", table.LogicalName + "_" + column.LogicalName),
                        new XElement("OptionSetType", column.Type == ColumnType.MultiChoice ? "picklist" : "picklist"),
                        Xml.Flag("IsGlobal", false),
                        new XElement("IntroducedVersion", IntroducedVersion),
                        Xml.Flag("IsCustomizable", true),
                        Xml.DisplayNames(column.DisplayName),
                        new XElement("options", (local?.Options ?? Array.Empty<ChoiceOption>()).Select(o => Option(o.Value, o.Label)))));
                }
                else
                {
                    attribute.Add(new XElement("OptionSetName", column.Choice));
                }
                break;
            case ColumnType.Lookup:
                if (column.LookupTargets.Count != 1)
                    return Unsupported<XElement?>(table, column, "a lookup with " + column.LookupTargets.Count + " targets", null);
                attribute.Add(new XElement("LookupStyle", "single"), new XElement("LookupTypes"));
                break;
            default:
                return Unsupported<XElement?>(table, column, "column type " + column.Type, null);
        }
        return attribute;
    }

    private T Unsupported<T>(TableDefinition table, ColumnDefinition column, string what, T fallback)
    {
        _findings.Error(FindingCodes.SourceInvalid, table.SourceFile, 0, table.LogicalName + "." + column.LogicalName + ": " + what + " is not supported by the solution generator");
        return fallback;
    }

    private static XElement Option(int value, string label)
        => new("option", new XAttribute("value", value), Xml.Labels("labels", "label", label));

    private static string TypeName(ColumnType type) => type switch
    {
        ColumnType.String => "nvarchar",
        ColumnType.Memo => "ntext",
        ColumnType.Integer => "int",
        ColumnType.Decimal => "decimal",
        ColumnType.Money => "money",
        ColumnType.Boolean => "bit",
        ColumnType.Choice => "picklist",
        ColumnType.MultiChoice => "multiselectpicklist",
        ColumnType.Lookup => "lookup",
        ColumnType.Customer => "customer",
        ColumnType.Owner => "owner",
        ColumnType.DateTime => "datetime",
        ColumnType.UniqueIdentifier => "uniqueidentifier",
        ColumnType.State => "state",
        ColumnType.Status => "status",
        ColumnType.PartyList => "partylist",
        _ => "nvarchar",
    };

    /// <summary>The flags every attribute of an export carries ([TAC]).</summary>
    private static XElement Attribute(string physicalName, string type, string display, string description, string requiredLevel, string? displayMask, bool custom, bool? audited = null)
    {
        var attribute = new XElement("attribute", new XAttribute("PhysicalName", physicalName),
            new XElement("Type", type),
            new XElement("Name", physicalName.ToLowerInvariant()),
            new XElement("LogicalName", physicalName.ToLowerInvariant()),
            new XElement("RequiredLevel", requiredLevel));
        if (displayMask != null) attribute.Add(new XElement("DisplayMask", displayMask));
        attribute.Add(
            Xml.Flag("IsCustomField", custom),
            Xml.Flag("IsAuditEnabled", audited ?? custom),
            Xml.Flag("IsSecured", false),
            new XElement("IntroducedVersion", IntroducedVersion),
            Xml.Flag("IsCustomizable", true),
            Xml.Flag("IsRenameable", true),
            Xml.Flag("CanModifySearchSettings", true),
            Xml.Flag("CanModifyRequirementLevelSettings", true),
            Xml.Flag("CanModifyAdditionalSettings", true),
            new XElement("SourceType", 0),
            Xml.Flag("IsGlobalFilterEnabled", false),
            Xml.Flag("IsSortableEnabled", false),
            Xml.Flag("CanModifyGlobalFilterSettings", true),
            Xml.Flag("CanModifyIsSortableSettings", true),
            Xml.DisplayNames(display),
            Xml.Descriptions(description));
        return attribute;
    }

    private static XElement SystemLookup(string physical, string display, string description, string? mask, bool logical = false, bool audited = false)
    {
        var a = Attribute(physical, "lookup", display, description, "none", mask, custom: false, audited);
        a.Add(new XElement("ImeMode", "auto"), new XElement("ValidForReadApi", 1));
        if (logical) a.Add(Xml.Flag("IsLogical", true));
        a.Add(new XElement("LookupStyle", "single"), new XElement("LookupTypes"));
        return a;
    }

    private static XElement SystemDate(string physical, string display, string description, string format, string mask, bool createApi)
    {
        var a = Attribute(physical, "datetime", display, description, "none", mask, custom: false);
        a.Add(new XElement("ImeMode", "inactive"), new XElement("ValidForReadApi", 1));
        if (createApi) a.Add(new XElement("ValidForCreateApi", 1));
        a.Add(new XElement("Format", format), Xml.Flag("CanChangeDateTimeBehavior", false), new XElement("Behavior", 1));
        return a;
    }

    private static XElement SystemInt(string physical, string display, string description, long min, string? mask, bool updateApi)
    {
        var a = Attribute(physical, "int", display, description, "none", mask, custom: false);
        a.Add(new XElement("ImeMode", physical == "ImportSequenceNumber" ? "disabled" : "auto"), new XElement("ValidForReadApi", 1), new XElement("ValidForCreateApi", 1));
        if (updateApi) a.Add(new XElement("ValidForUpdateApi", 1));
        a.Add(new XElement("Format", string.Empty), new XElement("MinValue", Xml.Number(min)), new XElement("MaxValue", Xml.Number(int.MaxValue)));
        return a;
    }

    /// <summary>System columns of a new table, as a v9.1 export lists them ([TAC] cr97b_Project).</summary>
    private IEnumerable<XElement> SystemAttributes(TableDefinition table)
    {
        var display = table.DisplayName;
        var pk = Attribute(table.PrimaryId, "primarykey", display, "Unique identifier for entity instances", "systemrequired", "ValidForAdvancedFind|RequiredForGrid", custom: false);
        pk.Add(new XElement("ImeMode", "auto"), new XElement("ValidForReadApi", 1), new XElement("ValidForCreateApi", 1));
        yield return pk;

        yield return SystemLookup("CreatedBy", "Created By", "Unique identifier of the user who created the record.", DefaultMask);
        yield return SystemDate("CreatedOn", "Created On", "Date and time when the record was created.", "datetime", DefaultMask, createApi: false);
        yield return SystemLookup("CreatedOnBehalfBy", "Created By (Delegate)", "Unique identifier of the delegate user who created the record.", DefaultMask);
        yield return SystemInt("ImportSequenceNumber", "Import Sequence Number", "Sequence number of the import that created this record.", int.MinValue, "ValidForAdvancedFind", updateApi: false);
        yield return SystemLookup("ModifiedBy", "Modified By", "Unique identifier of the user who modified the record.", DefaultMask);
        yield return SystemDate("ModifiedOn", "Modified On", "Date and time when the record was modified.", "datetime", DefaultMask, createApi: false);
        yield return SystemLookup("ModifiedOnBehalfBy", "Modified By (Delegate)", "Unique identifier of the delegate user who modified the record.", DefaultMask);
        yield return SystemDate("OverriddenCreatedOn", "Record Created On", "Date and time that the record was migrated.", "date", "ValidForAdvancedFind|ValidForGrid", createApi: true);

        if (table.Ownership == TableOwnership.User)
        {
            // Ownership and status changes are what an auditor asks about: exports audit these four system columns.
            var owner = Attribute("OwnerId", "owner", "Owner", "Owner Id", "systemrequired", DefaultMask + "|RequiredForForm", custom: false, audited: true);
            owner.Add(new XElement("ImeMode", "auto"), new XElement("ValidForUpdateApi", 1), new XElement("ValidForReadApi", 1), new XElement("ValidForCreateApi", 1),
                new XElement("LookupStyle", "single"),
                new XElement("LookupTypes",
                    new XElement("LookupType", new XAttribute("id", Guid.Empty.ToString("D")), SystemTables.TypeCode("systemuser")),
                    new XElement("LookupType", new XAttribute("id", Guid.Empty.ToString("D")), SystemTables.TypeCode("team"))));
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
        var state = Attribute("statecode", "state", "Status", "Status of the " + display, "systemrequired", DefaultMask, custom: false, audited: true);
        state.Add(new XElement("ImeMode", "auto"), new XElement("ValidForUpdateApi", 1), new XElement("ValidForReadApi", 1),
            new XElement("optionset", new XAttribute("Name", lowerName + "_statecode"),
                new XElement("OptionSetType", "state"),
                new XElement("IntroducedVersion", IntroducedVersion),
                Xml.Flag("IsCustomizable", true),
                Xml.DisplayNames("Status"),
                Xml.Descriptions("Status of the " + display),
                new XElement("states", table.Statuses.GroupBy(s => s.State).OrderBy(g => g.Key).Select(g =>
                {
                    var defaultStatus = g.FirstOrDefault(s => s.IsDefaultForState) ?? g.First();
                    return new XElement("state",
                        new XAttribute("value", g.Key),
                        new XAttribute("defaultstatus", defaultStatus.Status),
                        new XAttribute("invariantname", defaultStatus.StateLabel.Replace(" ", string.Empty, StringComparison.Ordinal)),
                        Xml.Labels("labels", "label", defaultStatus.StateLabel));
                }))));
        yield return state;

        var status = Attribute("statuscode", "status", "Status Reason", "Reason for the status of the " + display, "none", DefaultMask, custom: false, audited: true);
        status.Add(new XElement("ImeMode", "auto"), new XElement("ValidForUpdateApi", 1), new XElement("ValidForReadApi", 1), new XElement("ValidForCreateApi", 1),
            new XElement("optionset", new XAttribute("Name", lowerName + "_statuscode"),
                new XElement("OptionSetType", "status"),
                new XElement("IntroducedVersion", IntroducedVersion),
                Xml.Flag("IsCustomizable", true),
                Xml.DisplayNames("Status Reason"),
                Xml.Descriptions("Reason for the status of the " + display),
                new XElement("statuses", table.Statuses.OrderBy(s => s.Status).Select(s => new XElement("status",
                    new XAttribute("value", s.Status),
                    new XAttribute("state", s.State),
                    Xml.Labels("labels", "label", s.StatusLabel))))));
        yield return status;

        yield return SystemInt("TimeZoneRuleVersionNumber", "Time Zone Rule Version Number", "For internal use only.", -1, null, updateApi: true);
        yield return SystemInt("UTCConversionTimeZoneCode", "UTC Conversion Time Zone Code", "Time zone code that was in use when the record was created.", -1, null, updateApi: true);
    }

    private static IEnumerable<XElement> NewTableSettings(TableDefinition table)
    {
        yield return new XElement("EntitySetName", EntitySetName(table.LogicalName));
        yield return new XElement("OwnershipTypeMask", table.Ownership == TableOwnership.User ? "UserOwned" : "OrganizationOwned");
        yield return new XElement("IntroducedVersion", IntroducedVersion);
        foreach (var (name, value) in new[]
        {
            ("IsDuplicateCheckSupported", true), ("IsBusinessProcessEnabled", false), ("IsRequiredOffline", false),
            ("IsInteractionCentricEnabled", false), ("IsCollaboration", false), ("AutoRouteToOwnerQueue", false),
            ("IsConnectionsEnabled", false), ("IsDocumentManagementEnabled", false), ("IsOneNoteIntegrationEnabled", false),
            ("IsKnowledgeManagementEnabled", false), ("IsSLAEnabled", false), ("IsDocumentRecommendationsEnabled", false),
            ("IsBPFEntity", false), ("IsAuditEnabled", true), ("IsActivity", false), ("IsActivityParty", false),
            ("IsReplicated", false), ("IsReplicationUserFiltered", false), ("IsMailMergeEnabled", false),
            ("IsVisibleInMobile", false), ("IsVisibleInMobileClient", true), ("IsReadOnlyInMobileClient", false),
            ("IsOfflineInMobileClient", false), ("IsMapiGridEnabled", true), ("IsReadingPaneEnabled", true),
            ("IsQuickCreateEnabled", false), ("SyncToExternalSearchIndex", false), ("IsCustomizable", true),
            ("IsRenameable", true), ("IsMappable", true), ("CanModifyAuditSettings", true),
            ("CanModifyMobileVisibility", true), ("CanModifyMobileClientVisibility", true), ("CanModifyMobileClientReadOnly", true),
            ("CanModifyMobileClientOffline", true), ("CanModifyConnectionSettings", true), ("CanModifyDuplicateDetectionSettings", true),
            ("CanModifyMailMergeSettings", true), ("CanModifyQueueSettings", true), ("CanCreateAttributes", true),
            ("CanCreateForms", true), ("CanCreateCharts", true), ("CanCreateViews", true), ("CanModifyAdditionalSettings", true),
            ("CanEnableSyncToExternalSearchIndex", true), ("EnforceStateTransitions", false), ("CanChangeHierarchicalRelationship", true),
            ("EntityHelpUrlEnabled", false), ("ChangeTrackingEnabled", false), ("CanChangeTrackingBeEnabled", true),
        })
        {
            yield return Xml.Flag(name, value);
        }
        yield return new XElement("DaysSinceRecordLastModified", 0);
    }

    /// <summary>Global choices (&lt;optionsets&gt;) from Solution/src/choices.xml.</summary>
    public XElement OptionSets() => new("optionsets",
        _source.Choices.OrderBy(c => c.Name, StringComparer.Ordinal).Select(choice => new XElement("optionset",
            new XAttribute("Name", choice.Name),
            new XAttribute("localizedName", choice.DisplayName),
            new XElement("OptionSetType", "picklist"),
            Xml.Flag("IsGlobal", true),
            new XElement("IntroducedVersion", IntroducedVersion),
            Xml.Flag("IsCustomizable", true),
            Xml.DisplayNames(choice.DisplayName),
            Xml.Descriptions(choice.Description),
            new XElement("options", choice.Options.Select(o => Option(o.Value, o.Label))))));

    /// <summary>Name of the relationship behind a lookup: prefix, referencing table and column without the prefix.</summary>
    public string RelationshipName(string table, string column)
    {
        var prefix = _prefix + "_";
        static string Strip(string name, string p) => name.StartsWith(p, StringComparison.Ordinal) ? name[p.Length..] : name;
        return prefix + Strip(table, prefix) + "_" + Strip(column, prefix);
    }

    /// <summary>One-to-many relationships: one per lookup column, plus the system relationships of new tables.</summary>
    public XElement Relationships()
    {
        var relationships = new List<XElement>();
        foreach (var table in _source.Tables)
        {
            foreach (var column in table.Columns.Where(c => c.Type == ColumnType.Lookup && c.LookupTargets.Count == 1))
            {
                var target = column.LookupTargets[0];
                if (_source.FindTable(target) is { Existing: false } || SystemTables.IsKnown(target))
                {
                    var name = RelationshipName(table.LogicalName, column.LogicalName);
                    relationships.Add(Relationship(name, table.LogicalName, target, column.LogicalName, "RemoveLink", column.Description, custom: true));
                }
                else
                {
                    _findings.Error(FindingCodes.SourceReference, table.SourceFile, 0, table.LogicalName + "." + column.LogicalName + " targets unknown table '" + target + "'");
                }
            }
            if (table.Existing) continue;
            var t = table.LogicalName;
            relationships.Add(Relationship("lk_" + t + "_createdby", t, "systemuser", "CreatedBy", "NoCascade", "Unique identifier of the user who created the record.", custom: false));
            relationships.Add(Relationship("lk_" + t + "_modifiedby", t, "systemuser", "ModifiedBy", "NoCascade", "Unique identifier of the user who modified the record.", custom: false));
            if (table.Ownership == TableOwnership.User)
            {
                relationships.Add(Relationship("business_unit_" + t, t, "businessunit", "OwningBusinessUnit", "NoCascade", "Unique identifier for the business unit that owns the record", custom: false));
                relationships.Add(OwnerRelationship(t));
                relationships.Add(Relationship("team_" + t, t, "team", "OwningTeam", "NoCascade", "Unique identifier for the team that owns the record.", custom: false));
                relationships.Add(Relationship("user_" + t, t, "systemuser", "OwningUser", "NoCascade", "Unique identifier for the user that owns the record.", custom: false));
            }
            else
            {
                relationships.Add(Relationship("organization_" + t, t, "organization", "OrganizationId", "NoCascade", "Unique identifier for the organization", custom: false));
            }
        }
        return new XElement("EntityRelationships", relationships.OrderBy(r => (string)r.Attribute("Name")!, StringComparer.Ordinal));
    }

    private static XElement OwnerRelationship(string table)
    {
        var relationship = Relationship("owner_" + table, table, "systemuser", "OwnerId", "NoCascade", "Owner Id", custom: false);
        relationship.Element("ReferencedEntityName")!.Value = "Owner";
        return relationship;
    }

    private static XElement Relationship(string name, string referencing, string referenced, string attribute, string cascadeDelete, string description, bool custom)
    {
        var relationship = new XElement("EntityRelationship", new XAttribute("Name", name),
            new XElement("EntityRelationshipType", "OneToMany"),
            Xml.Flag("IsCustomizable", true),
            new XElement("IntroducedVersion", IntroducedVersion),
            Xml.Flag("IsHierarchical", false),
            new XElement("ReferencingEntityName", SystemTables.SchemaName(referencing)),
            new XElement("ReferencedEntityName", SystemTables.SchemaName(referenced)),
            new XElement("CascadeAssign", "NoCascade"),
            new XElement("CascadeDelete", cascadeDelete),
            new XElement("CascadeReparent", "NoCascade"),
            new XElement("CascadeShare", "NoCascade"),
            new XElement("CascadeUnshare", "NoCascade"),
            new XElement("ReferencingAttributeName", attribute),
            new XElement("RelationshipDescription", Xml.Descriptions(description)));
        if (custom)
        {
            relationship.Add(new XElement("EntityRelationshipRoles",
                new XElement("EntityRelationshipRole",
                    new XElement("NavPaneDisplayOption", "UseCollectionName"),
                    new XElement("NavPaneArea", "Details"),
                    new XElement("NavPaneOrder", 10000),
                    new XElement("NavigationPropertyName", attribute),
                    new XElement("RelationshipRoleType", 1)),
                new XElement("EntityRelationshipRole",
                    new XElement("NavigationPropertyName", name),
                    new XElement("RelationshipRoleType", 0))));
        }
        return relationship;
    }
}
