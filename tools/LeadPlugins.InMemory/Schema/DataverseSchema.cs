using LeadPlugins.SolutionModel;

namespace LeadPlugins.InMemory;

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
    /// <summary>The sizes its stores' tables grew to, shared by every schema built from one <see cref="SchemaSource"/>.</summary>
    internal StoreSizes Sizes { get; private init; } = new();
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
        => Build(SchemaSource.Read(systemTablesDirectory, solution));

    /// <summary>A new schema from table files parsed before (see <see cref="SchemaSource"/>): each store gets its own.</summary>
    public static DataverseSchema Build(SchemaSource source)
    {
        var schema = new DataverseSchema { Sizes = source.Sizes };
        foreach (var file in source.SystemTables) schema.Merge(file.Table, file.LocalChoices, null);
        foreach (var file in source.SolutionTables) schema.Merge(file.Table, file.LocalChoices, source.Solution);
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
            _tables.Add(table.LogicalName, table);
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
