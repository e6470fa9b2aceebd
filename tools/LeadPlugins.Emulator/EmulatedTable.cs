using LeadPlugins.InMemory;
using LeadPlugins.SolutionModel;
using LeadPlugins.WebApi;

namespace LeadPlugins.Emulator;

/// <summary>One table as the emulator serves it: entity set, column types in Web API terms, lookups' navigation properties.</summary>
internal sealed class EmulatedTable
{
    public EmulatedTable(string logicalName, string primaryId, string? primaryName, IReadOnlyDictionary<string, string> types,
        IReadOnlyDictionary<string, IReadOnlyList<string>> lookupTargets, bool isVirtual)
    {
        LogicalName = logicalName;
        EntitySetName = EntitySetNames.Of(logicalName);
        PrimaryId = primaryId;
        PrimaryName = primaryName;
        Types = types;
        IsVirtual = isVirtual;
        var navigations = new List<(string Column, string Target, string Navigation)>();
        foreach (var (column, targets) in lookupTargets)
        {
            // Single-target lookups and owner use the column's name; a customer column has one property per table.
            var shared = targets.Count == 1 || types[column] == "Owner";
            foreach (var target in targets) navigations.Add((column, target, shared ? column : column + "_" + target));
        }
        Navigations = navigations;
    }

    public string LogicalName { get; }
    public string EntitySetName { get; }
    public string PrimaryId { get; }
    public string? PrimaryName { get; }
    public IReadOnlyDictionary<string, string> Types { get; }
    public IReadOnlyList<(string Column, string Target, string Navigation)> Navigations { get; }
    /// <summary>A system table the emulator keeps itself (solutions, steps, system jobs, trace logs): OData queries only.</summary>
    public bool IsVirtual { get; }

    public WebApiTable ToClientTable()
        => new(LogicalName, EntitySetName, PrimaryId, Types,
            Navigations.GroupBy(n => n.Column).ToDictionary(g => g.Key, g => (IReadOnlyList<(string, string)>)g.Select(n => (n.Target, n.Navigation)).ToList()));

    public static EmulatedTable From(TableSchema schema)
    {
        var types = schema.Columns.Values.ToDictionary(c => c.LogicalName, c => WebApiType(c.Type), StringComparer.Ordinal);
        var lookups = schema.Columns.Values.Where(c => c.IsReference && c.Targets.Count > 0)
            .ToDictionary(c => c.LogicalName, c => c.Targets, StringComparer.Ordinal);
        return new EmulatedTable(schema.LogicalName, schema.PrimaryId, schema.PrimaryName, types, lookups, isVirtual: false);
    }

    public static string WebApiType(ColumnType type) => type switch
    {
        ColumnType.String => "String",
        ColumnType.Memo => "Memo",
        ColumnType.Integer => "Integer",
        ColumnType.Decimal => "Decimal",
        ColumnType.Money => "Money",
        ColumnType.Boolean => "Boolean",
        ColumnType.Choice => "Picklist",
        ColumnType.MultiChoice => "Virtual",
        ColumnType.Lookup => "Lookup",
        ColumnType.Customer => "Customer",
        ColumnType.Owner => "Owner",
        ColumnType.DateTime => "DateTime",
        ColumnType.UniqueIdentifier => "Uniqueidentifier",
        ColumnType.State => "State",
        ColumnType.Status => "Status",
        ColumnType.PartyList => "PartyList",
        _ => "String",
    };
}
