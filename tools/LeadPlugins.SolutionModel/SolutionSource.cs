using System.Globalization;
using System.Xml.Linq;
using static LeadPlugins.SolutionModel.SourceXml;

namespace LeadPlugins.SolutionModel;

/// <summary>
/// The declarative solution source: Solution/src/choices.xml and Solution/src/tables/*.xml. Custom tables
/// ("existing" absent) get the standard Active/Inactive state and status pairs.
/// </summary>
public sealed class SolutionSource
{
    private SolutionSource(string directory, IReadOnlyList<TableDefinition> tables, IReadOnlyList<ChoiceDefinition> choices)
    {
        Directory = directory;
        Tables = tables;
        Choices = choices;
    }

    public string Directory { get; }
    public IReadOnlyList<TableDefinition> Tables { get; }
    public IReadOnlyList<ChoiceDefinition> Choices { get; }

    public TableDefinition? FindTable(string logicalName) => Tables.FirstOrDefault(t => t.LogicalName == logicalName);
    public ChoiceDefinition? FindChoice(string name) => Choices.FirstOrDefault(c => c.Name == name);

    /// <summary>The standard state/status pairs of a custom table.</summary>
    public static readonly IReadOnlyList<StatusDefinition> CustomTableStatuses = new[]
    {
        new StatusDefinition(0, "Active", 1, "Active", true),
        new StatusDefinition(1, "Inactive", 2, "Inactive", true),
    };

    /// <summary>Finds Solution/src by walking up from <paramref name="start"/> (default: the app's base directory).</summary>
    public static string LocateSourceDirectory(string? start = null)
    {
        var overridePath = Environment.GetEnvironmentVariable("LEADPLUGINS_SOLUTION_SRC");
        if (!string.IsNullOrEmpty(overridePath)) return overridePath;
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Solution", "src");
            if (File.Exists(Path.Combine(candidate, "choices.xml"))) return candidate;
        }
        throw new DirectoryNotFoundException("Solution/src (with choices.xml) was not found above " + (start ?? AppContext.BaseDirectory) + "; set LEADPLUGINS_SOLUTION_SRC.");
    }

    public static SolutionSource Load(string? directory = null)
    {
        directory ??= LocateSourceDirectory();
        var choices = LoadChoices(Path.Combine(directory, "choices.xml"));
        var tableDir = Path.Combine(directory, "tables");
        var tables = System.IO.Directory.Exists(tableDir)
            ? System.IO.Directory.GetFiles(tableDir, "*.xml").OrderBy(f => f, StringComparer.Ordinal).Select(LoadTable).ToList()
            : new List<TableDefinition>();
        var source = new SolutionSource(directory, tables, choices);
        source.Validate();
        return source;
    }

    /// <summary>Reads one table file (also used for the in-memory Dataverse's built-in system tables).</summary>
    public static TableDefinition LoadTable(string path)
    {
        var root = XDocument.Load(path, LoadOptions.SetLineInfo).Root ?? throw Error(path, null, "empty file");
        if (root.Name.LocalName != "table") throw Error(path, root, "root element must be <table>");
        var logicalName = Required(path, root, "logicalName");
        var existing = (bool?)root.Attribute("existing") ?? false;
        var columns = root.Elements("column").Select(c => ReadColumn(path, c)).ToList();
        var keys = root.Elements("key").Select(k => new KeyDefinition(
            Required(path, k, "name"),
            (string?)k.Attribute("displayName") ?? Required(path, k, "name"),
            Required(path, k, "columns").Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList())).ToList();
        var statuses = root.Elements("status").Select(s => new StatusDefinition(
            ParseInt(path, s, "state"), (string?)s.Attribute("stateLabel") ?? string.Empty,
            ParseInt(path, s, "value"), (string?)s.Attribute("label") ?? string.Empty,
            (bool?)s.Attribute("default") ?? false)).ToList();
        var ownership = ((string?)root.Attribute("ownership") ?? "user") switch
        {
            "user" => TableOwnership.User,
            "organization" => TableOwnership.Organization,
            "none" => TableOwnership.None,
            var other => throw Error(path, root, "unknown ownership '" + other + "'"),
        };
        if (!existing && statuses.Count == 0) statuses.AddRange(CustomTableStatuses);
        var table = new TableDefinition(
            logicalName,
            existing,
            (string?)root.Attribute("displayName") ?? logicalName,
            (string?)root.Attribute("displayCollectionName") ?? logicalName,
            (string?)root.Attribute("description") ?? string.Empty,
            ownership,
            (string?)root.Attribute("primaryName"),
            columns,
            keys,
            statuses,
            path);
        var primaryId = (string?)root.Attribute("primaryId");
        return primaryId == null ? table : table with { PrimaryId = primaryId };
    }

    private static ColumnDefinition ReadColumn(string path, XElement c)
    {
        var typeText = Required(path, c, "type");
        var type = typeText switch
        {
            "string" => ColumnType.String,
            "memo" => ColumnType.Memo,
            "integer" => ColumnType.Integer,
            "decimal" => ColumnType.Decimal,
            "float" or "double" => ColumnType.Float,
            "money" => ColumnType.Money,
            "boolean" => ColumnType.Boolean,
            "choice" => ColumnType.Choice,
            "multichoice" => ColumnType.MultiChoice,
            "lookup" => ColumnType.Lookup,
            "customer" => ColumnType.Customer,
            "owner" => ColumnType.Owner,
            "datetime" => ColumnType.DateTime,
            "uniqueidentifier" => ColumnType.UniqueIdentifier,
            "state" => ColumnType.State,
            "status" => ColumnType.Status,
            "partylist" => ColumnType.PartyList,
            _ => throw Error(path, c, "unknown column type '" + typeText + "'"),
        };
        var targets = ((string?)c.Attribute("target"))?.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if ((type == ColumnType.Lookup || type == ColumnType.Customer) && (targets == null || targets.Count == 0))
            throw Error(path, c, "a lookup needs target=\"table\"");
        if ((type == ColumnType.Choice || type == ColumnType.MultiChoice) && c.Attribute("choice") == null && !c.Elements("option").Any())
            throw Error(path, c, "a choice column needs choice=\"name\" or <option> children");
        int? maxLength = c.Attribute("maxLength") is { } ml ? ParseInt(path, c, "maxLength") : null;
        if ((type == ColumnType.String || type == ColumnType.Memo) && maxLength == null)
            throw Error(path, c, "a text column needs maxLength");
        return new ColumnDefinition(
            Required(path, c, "logicalName"),
            type,
            (string?)c.Attribute("displayName") ?? Required(path, c, "logicalName"),
            (string?)c.Attribute("description") ?? string.Empty,
            maxLength,
            c.Attribute("minValue") is { } min ? long.Parse(min.Value, CultureInfo.InvariantCulture) : null,
            c.Attribute("maxValue") is { } max ? long.Parse(max.Value, CultureInfo.InvariantCulture) : null,
            (string?)c.Attribute("choice") ?? (c.Elements("option").Any() ? "local:" + Required(path, c, "logicalName") : null),
            targets,
            (bool?)c.Attribute("required") ?? false,
            (string?)c.Attribute("default"),
            (string?)c.Attribute("behavior"));
    }

    /// <summary>Local choices (inline &lt;option&gt;s on a column, as system tables declare them) are named "local:&lt;column&gt;".</summary>
    public static IReadOnlyList<ChoiceDefinition> LoadLocalChoices(string path)
    {
        var root = XDocument.Load(path, LoadOptions.SetLineInfo).Root!;
        return root.Elements("column").Where(c => c.Elements("option").Any()).Select(c => new ChoiceDefinition(
            "local:" + Required(path, c, "logicalName"),
            (string?)c.Attribute("displayName") ?? string.Empty,
            (string?)c.Attribute("description") ?? string.Empty,
            c.Elements("option").Select(o => new ChoiceOption(ParseInt(path, o, "value"), Required(path, o, "label"))).ToList())).ToList();
    }

    private static List<ChoiceDefinition> LoadChoices(string path)
    {
        var root = XDocument.Load(path, LoadOptions.SetLineInfo).Root ?? throw Error(path, null, "empty file");
        return root.Elements("choice").Select(c => new ChoiceDefinition(
            Required(path, c, "name"),
            (string?)c.Attribute("displayName") ?? Required(path, c, "name"),
            (string?)c.Attribute("description") ?? string.Empty,
            c.Elements("option").Select(o => new ChoiceOption(ParseInt(path, o, "value"), Required(path, o, "label"))).ToList())).ToList();
    }

    private void Validate()
    {
        var problems = new List<string>();
        foreach (var table in Tables)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var column in table.Columns)
            {
                if (!names.Add(column.LogicalName)) problems.Add(table.SourceFile + ": duplicate column " + column.LogicalName);
                if (column.LogicalName != column.LogicalName.ToLowerInvariant()) problems.Add(table.SourceFile + ": " + column.LogicalName + " must be lower case");
                if (column.Choice != null && !column.Choice.StartsWith("local:", StringComparison.Ordinal) && FindChoice(column.Choice) == null)
                    problems.Add(table.SourceFile + ": " + column.LogicalName + " uses unknown choice " + column.Choice);
            }
            foreach (var key in table.Keys)
                foreach (var keyColumn in key.Columns)
                    if (!names.Contains(keyColumn)) problems.Add(table.SourceFile + ": key " + key.Name + " names unknown column " + keyColumn);
            if (!table.Existing && (table.PrimaryName == null || !names.Contains(table.PrimaryName)))
                problems.Add(table.SourceFile + ": a new table needs primaryName naming one of its string columns");
        }
        if (problems.Count > 0) throw new InvalidDataException("Solution source is invalid:\n" + string.Join("\n", problems));
    }
}
