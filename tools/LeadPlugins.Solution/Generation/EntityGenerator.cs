using System.Xml.Linq;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Generation;

/// <summary>
/// Tables, columns, keys and global choices in the 9.0.0.2090 vocabulary, shaped after a real v9.1 export ([TAC] in
/// shared/spec/solution-format.md). New tables carry their system columns (<see cref="SystemColumns"/>) as exports do;
/// existing tables carry only the columns the solution adds. Relationships: <see cref="RelationshipGenerator"/>.
/// </summary>
internal sealed class EntityGenerator
{
    /// <summary>The version every generated component says it was introduced in.</summary>
    public const string IntroducedVersion = "1.0.0.0";
    public const string DefaultMask = "ValidForAdvancedFind|ValidForForm|ValidForGrid";

    private readonly SolutionSource _source;
    private readonly FindingList _findings;

    public EntityGenerator(SolutionSource source, FindingList findings)
    {
        _source = source;
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
        var schema = KnownSystemTables.SchemaName(table.LogicalName);
        var display = table.Existing ? KnownSystemTables.DisplayName(table.LogicalName) : table.DisplayName;
        if (table.Existing && !KnownSystemTables.IsKnown(table.LogicalName))
            _findings.Error(FindingCodes.SourceReference, table.SourceFile, 0, "existing table '" + table.LogicalName + "' has no known schema name (add it to KnownSystemTables)");

        var entity = new XElement("entity", new XAttribute("Name", schema));
        if (!table.Existing)
        {
            entity.Add(
                ExportXml.Labels("LocalizedNames", "LocalizedName", table.DisplayName),
                ExportXml.Labels("LocalizedCollectionNames", "LocalizedCollectionName", table.DisplayCollectionName),
                ExportXml.Descriptions(table.Description));
        }
        var attributes = new XElement("attributes");
        foreach (var column in table.Columns.OrderBy(c => c.LogicalName, StringComparer.Ordinal))
        {
            var attribute = CustomAttribute(table, column);
            if (attribute != null) attributes.Add(attribute);
        }
        if (!table.Existing)
            foreach (var system in SystemColumns.Of(table))
                attributes.Add(system);
        entity.Add(attributes);
        if (!table.Existing) entity.Add(NewTableSettings(table));
        if (table.Keys.Count > 0)
        {
            entity.Add(new XElement("EntityKeys", table.Keys.Select(key => new XElement("EntityKey",
                new XElement("Name", key.Name),
                new XElement("LogicalName", key.Name),
                new XElement("IntroducedVersion", IntroducedVersion),
                ExportXml.Flag("IsCustomizable", true),
                ExportXml.DisplayNames(key.DisplayName),
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
        var attribute = AttributeElement.Create(column.LogicalName, TypeName(column.Type), column.DisplayName, column.Description, required, mask, custom: true);
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
                    new XElement("MinValue", ExportXml.Number(column.MinValue ?? int.MinValue)),
                    new XElement("MaxValue", ExportXml.Number(column.MaxValue ?? int.MaxValue)));
                break;
            case ColumnType.Decimal:
            case ColumnType.Money:
                attribute.Add(new XElement("ImeMode", "auto"), new XElement("Accuracy", 2),
                    new XElement("MinValue", ExportXml.Number(column.MinValue ?? -100000000000)),
                    new XElement("MaxValue", ExportXml.Number(column.MaxValue ?? 100000000000)));
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
                    ExportXml.Flag("CanChangeDateTimeBehavior", true));
                break;
            case ColumnType.Boolean:
                var defaultValue = string.Equals(column.Default, "true", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                attribute.Add(new XElement("AppDefaultValue", defaultValue), new XElement("optionset",
                    new XAttribute("Name", table.LogicalName + "_" + column.LogicalName),
                    new XElement("OptionSetType", "bit"),
                    new XElement("IntroducedVersion", IntroducedVersion),
                    ExportXml.Flag("IsCustomizable", true),
                    ExportXml.DisplayNames(column.DisplayName),
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
                        ExportXml.Flag("IsGlobal", false),
                        new XElement("IntroducedVersion", IntroducedVersion),
                        ExportXml.Flag("IsCustomizable", true),
                        ExportXml.DisplayNames(column.DisplayName),
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
        => new("option", new XAttribute("value", value), ExportXml.Labels("labels", "label", label));

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
            yield return ExportXml.Flag(name, value);
        }
        yield return new XElement("DaysSinceRecordLastModified", 0);
    }

    /// <summary>Global choices (&lt;optionsets&gt;) from Solution/src/choices.xml.</summary>
    public XElement OptionSets() => new("optionsets",
        _source.Choices.OrderBy(c => c.Name, StringComparer.Ordinal).Select(choice => new XElement("optionset",
            new XAttribute("Name", choice.Name),
            new XAttribute("localizedName", choice.DisplayName),
            new XElement("OptionSetType", "picklist"),
            ExportXml.Flag("IsGlobal", true),
            new XElement("IntroducedVersion", IntroducedVersion),
            ExportXml.Flag("IsCustomizable", true),
            ExportXml.DisplayNames(choice.DisplayName),
            ExportXml.Descriptions(choice.Description),
            new XElement("options", choice.Options.Select(o => Option(o.Value, o.Label))))));


}
