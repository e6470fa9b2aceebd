using LeadPlugins.SolutionModel;

namespace LeadPlugins.InMemory;

/// <summary>One column of the in-memory schema, with its option values resolved.</summary>
public sealed class ColumnSchema
{
    internal ColumnSchema(string logicalName, ColumnType type, int? maxLength = null, long? minValue = null, long? maxValue = null,
        IReadOnlyList<string>? targets = null, IReadOnlyCollection<int>? optionValues = null, string? behavior = null)
    {
        LogicalName = logicalName;
        Type = type;
        MaxLength = maxLength;
        MinValue = minValue;
        MaxValue = maxValue;
        Targets = targets ?? Array.Empty<string>();
        OptionValues = optionValues;
        Behavior = behavior;
    }

    public string LogicalName { get; }
    public ColumnType Type { get; }
    public int? MaxLength { get; }
    public long? MinValue { get; }
    public long? MaxValue { get; }
    /// <summary>Tables a lookup, customer or owner column may point to.</summary>
    public IReadOnlyList<string> Targets { get; }
    /// <summary>Valid values of a choice or multi-choice column.</summary>
    public IReadOnlyCollection<int>? OptionValues { get; }
    /// <summary>DateTime behaviour: UserLocal (default), DateOnly or TimeZoneIndependent.</summary>
    public string? Behavior { get; }

    public bool IsReference => Type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;
}

/// <summary>One table of the in-memory schema: columns, state/status pairs, keys.</summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, ColumnSchema> _columns = new(StringComparer.Ordinal);
    private IReadOnlyList<StatusDefinition> _statuses = Array.Empty<StatusDefinition>();
    private Dictionary<int, StatusDefinition> _statusByValue = new();
    private Dictionary<int, int> _defaultStatusByState = new();

    internal TableSchema(string logicalName, string displayName, string primaryId, string? primaryName, TableOwnership ownership)
    {
        LogicalName = logicalName;
        DisplayName = displayName;
        PrimaryId = primaryId;
        PrimaryName = primaryName;
        Ownership = ownership;
    }

    public string LogicalName { get; }
    public string DisplayName { get; }
    public string PrimaryId { get; }
    public string? PrimaryName { get; internal set; }
    public TableOwnership Ownership { get; }
    public IReadOnlyDictionary<string, ColumnSchema> Columns => _columns;
    public IReadOnlyList<StatusDefinition> Statuses
    {
        get => _statuses;
        internal set
        {
            _statuses = value;
            // Every Create asks for the active state and its default status: worked out once per table.
            _statusByValue = value.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.First());
            _defaultStatusByState = value.GroupBy(s => s.State).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.IsDefaultForState).First().Status);
            ActiveState = value.Count == 0 ? 0 : value.Min(s => s.State);
        }
    }
    public IReadOnlyList<KeyDefinition> Keys { get; internal set; } = Array.Empty<KeyDefinition>();
    public bool HasState => Statuses.Count > 0;
    public bool IsUserOwned => Ownership == TableOwnership.User;

    /// <summary>The platform's enum-style name used in state errors, e.g. LeadState, PhoneCallState.</summary>
    internal string StateTypeName => new string(DisplayName.Where(char.IsLetterOrDigit).ToArray()) + "State";

    public ColumnSchema? FindColumn(string logicalName) => _columns.TryGetValue(logicalName, out var c) ? c : null;

    internal void AddOrReplace(ColumnSchema column) => _columns[column.LogicalName] = column;

    internal void AddIfMissing(ColumnSchema column)
    {
        if (!_columns.ContainsKey(column.LogicalName)) _columns[column.LogicalName] = column;
    }

    /// <summary>The state a row is created in: the lowest state of the table (Active for the tables here).</summary>
    public int ActiveState { get; private set; }

    public int DefaultStatus(int state)
        => _defaultStatusByState.TryGetValue(state, out var status) ? status : throw new InvalidOperationException("The table " + LogicalName + " has no state " + state + ".");

    public StatusDefinition? FindStatus(int status) => _statusByValue.TryGetValue(status, out var found) ? found : null;

    public bool IsValidState(int state) => _defaultStatusByState.ContainsKey(state);

    internal string StateLabel(int state) => Statuses.FirstOrDefault(s => s.State == state)?.StateLabel ?? state.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Built-in system tables (SystemTables/*.xml next to this assembly, same format as Solution/src/tables) merged with
/// the product's Solution/src: new tables are added, "existing" tables contribute columns to the system table.
/// Standard columns (primary id, created/modified, owner, state/status) are added to every table that lacks them.
/// </summary>
public sealed class DataverseSchema
{
    private readonly Dictionary<string, TableSchema> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManyToManyRelationship> _manyToMany = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TableSchema> Tables => _tables;
    public IReadOnlyDictionary<string, ManyToManyRelationship> ManyToManyRelationships => _manyToMany;

    /// <summary>Declares an N:N relationship and its intersect table (both tables must exist).</summary>
    public void AddManyToMany(ManyToManyRelationship relationship)
    {
        GetTable(relationship.Entity1);
        GetTable(relationship.Entity2);
        if (!_tables.TryGetValue(relationship.IntersectEntity, out var intersect))
        {
            intersect = new TableSchema(relationship.IntersectEntity, relationship.IntersectEntity, relationship.IntersectEntity + "id", null, TableOwnership.None);
            _tables.Add(intersect.LogicalName, intersect);
            AddStandardColumns(intersect);
        }
        intersect.AddIfMissing(new ColumnSchema(relationship.Entity1IntersectAttribute, ColumnType.UniqueIdentifier));
        intersect.AddIfMissing(new ColumnSchema(relationship.Entity2IntersectAttribute, ColumnType.UniqueIdentifier));
        _manyToMany[relationship.SchemaName] = relationship;
    }

    public TableSchema? FindTable(string logicalName)
        => logicalName != null && _tables.TryGetValue(logicalName, out var t) ? t : null;

    internal TableSchema GetTable(string? logicalName)
        => FindTable(logicalName ?? string.Empty) ?? throw Faults.EntityDoesNotExistInMetadata(logicalName);

    /// <summary>Directory of the built-in system tables shipped with this assembly.</summary>
    public static string DefaultSystemTablesDirectory
        => Path.Combine(Path.GetDirectoryName(typeof(DataverseSchema).Assembly.Location) ?? AppContext.BaseDirectory, "SystemTables");

    public static DataverseSchema Load(string? systemTablesDirectory = null, SolutionSource? solution = null)
    {
        var schema = new DataverseSchema();
        var directory = systemTablesDirectory ?? DefaultSystemTablesDirectory;
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException("The in-memory Dataverse's system tables were not found at " + directory + ".");
        foreach (var file in Directory.GetFiles(directory, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
        {
            schema.Merge(SolutionSource.LoadTable(file), SolutionSource.LoadLocalChoices(file), null);
        }
        if (solution != null)
        {
            foreach (var table in solution.Tables)
                schema.Merge(table, SolutionSource.LoadLocalChoices(table.SourceFile), solution);
        }
        foreach (var table in schema._tables.Values) AddStandardColumns(table);
        foreach (var relationship in ManyToManyRelationship.BuiltIn) schema.AddManyToMany(relationship);
        return schema;
    }

    private void Merge(TableDefinition definition, IReadOnlyList<ChoiceDefinition> localChoices, SolutionSource? solution)
    {
        if (!_tables.TryGetValue(definition.LogicalName, out var table))
        {
            if (definition.Existing && solution != null)
                throw new InvalidDataException(definition.SourceFile + ": extends system table '" + definition.LogicalName + "', which the in-memory Dataverse does not declare (add it to SystemTables).");
            table = new TableSchema(definition.LogicalName, definition.DisplayName, definition.PrimaryId, definition.PrimaryName, definition.Ownership);
            _tables.Add(definition.LogicalName, table);
            table.Statuses = definition.Statuses;
            table.Keys = definition.Keys;
        }
        else
        {
            if (definition.Statuses.Count > 0 && !definition.Existing) table.Statuses = definition.Statuses;
            if (definition.Keys.Count > 0) table.Keys = table.Keys.Concat(definition.Keys).ToList();
            if (table.PrimaryName == null && definition.PrimaryName != null) table.PrimaryName = definition.PrimaryName;
        }
        foreach (var column in definition.Columns)
        {
            IReadOnlyCollection<int>? options = null;
            if (column.Choice != null)
            {
                var choice = column.Choice.StartsWith("local:", StringComparison.Ordinal)
                    ? localChoices.FirstOrDefault(c => c.Name == column.Choice)
                    : solution?.FindChoice(column.Choice);
                options = choice?.Options.Select(o => o.Value).ToHashSet()
                    ?? throw new InvalidDataException(definition.SourceFile + ": choice " + column.Choice + " of " + column.LogicalName + " not found");
            }
            table.AddOrReplace(new ColumnSchema(column.LogicalName, column.Type, column.MaxLength, column.MinValue, column.MaxValue,
                column.LookupTargets, options, column.Behavior));
        }
    }

    private static void AddStandardColumns(TableSchema table)
    {
        var users = new[] { "systemuser" };
        table.AddIfMissing(new ColumnSchema(table.PrimaryId, ColumnType.UniqueIdentifier));
        table.AddIfMissing(new ColumnSchema("createdon", ColumnType.DateTime));
        table.AddIfMissing(new ColumnSchema("modifiedon", ColumnType.DateTime));
        table.AddIfMissing(new ColumnSchema("overriddencreatedon", ColumnType.DateTime));
        table.AddIfMissing(new ColumnSchema("createdby", ColumnType.Lookup, targets: users));
        table.AddIfMissing(new ColumnSchema("modifiedby", ColumnType.Lookup, targets: users));
        table.AddIfMissing(new ColumnSchema("createdonbehalfby", ColumnType.Lookup, targets: users));
        table.AddIfMissing(new ColumnSchema("modifiedonbehalfby", ColumnType.Lookup, targets: users));
        if (table.IsUserOwned)
        {
            table.AddIfMissing(new ColumnSchema("ownerid", ColumnType.Owner, targets: new[] { "systemuser", "team" }));
            table.AddIfMissing(new ColumnSchema("owningbusinessunit", ColumnType.Lookup, targets: new[] { "businessunit" }));
            table.AddIfMissing(new ColumnSchema("owninguser", ColumnType.Lookup, targets: users));
            table.AddIfMissing(new ColumnSchema("owningteam", ColumnType.Lookup, targets: new[] { "team" }));
        }
        if (table.HasState)
        {
            table.AddIfMissing(new ColumnSchema("statecode", ColumnType.State, optionValues: table.Statuses.Select(s => s.State).ToHashSet()));
            table.AddIfMissing(new ColumnSchema("statuscode", ColumnType.Status, optionValues: table.Statuses.Select(s => s.Status).ToHashSet()));
        }
    }
}
