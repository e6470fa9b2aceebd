using LeadPlugins.InMemory;
using LeadPlugins.SolutionModel;
using LeadPlugins.WebApi;
using Microsoft.Xrm.Sdk;

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

/// <summary>Entity set names as Dataverse forms most of them: the plural of the logical name.</summary>
public static class EntitySetNames
{
    public static string Of(string logicalName)
    {
        if (logicalName.EndsWith('y') && logicalName.Length > 1 && !"aeiou".Contains(logicalName[^2])) return logicalName[..^1] + "ies";
        if (logicalName.EndsWith('s') || logicalName.EndsWith('x') || logicalName.EndsWith("ch", StringComparison.Ordinal) || logicalName.EndsWith("sh", StringComparison.Ordinal))
            return logicalName + "es";
        return logicalName + "s";
    }
}

/// <summary>
/// The system tables doctor reads that the in-memory Dataverse does not model: solution, sdkmessageprocessingstep,
/// asyncoperation, plugintracelog. Rows come from what was installed and what the pipeline did.
/// </summary>
internal static class VirtualTables
{
    public const string Solution = "solution";
    public const string Step = "sdkmessageprocessingstep";
    public const string SystemJob = "asyncoperation";
    public const string TraceLog = "plugintracelog";

    public static IEnumerable<EmulatedTable> All()
    {
        yield return Table(Solution, "solutionid", "friendlyname", ("uniquename", "String"), ("friendlyname", "String"), ("version", "String"), ("ismanaged", "Boolean"));
        yield return Table(Step, "sdkmessageprocessingstepid", "name", ("name", "String"), ("statecode", "State"), ("statuscode", "Status"),
            ("stage", "Picklist"), ("mode", "Picklist"), ("rank", "Integer"), ("filteringattributes", "String"), ("eventhandlername", "String"));
        yield return Table(SystemJob, "asyncoperationid", "name", ("name", "String"), ("operationtype", "Picklist"), ("statecode", "State"), ("statuscode", "Status"),
            ("message", "Memo"), ("createdon", "DateTime"), ("completedon", "DateTime"));
        yield return Table(TraceLog, "plugintracelogid", "typename", ("typename", "String"), ("messagename", "String"), ("primaryentity", "String"),
            ("messageblock", "Memo"), ("exceptiondetails", "Memo"), ("createdon", "DateTime"));
    }

    private static EmulatedTable Table(string name, string primaryId, string primaryName, params (string Column, string Type)[] columns)
    {
        var types = columns.ToDictionary(c => c.Column, c => c.Type, StringComparer.Ordinal);
        types[primaryId] = "Uniqueidentifier";
        return new EmulatedTable(name, primaryId, primaryName, types, new Dictionary<string, IReadOnlyList<string>>(), isVirtual: true);
    }

    public static Entity Row(string table, Guid id, params (string Column, object? Value)[] values)
    {
        var row = new Entity(table, id);
        foreach (var (column, value) in values) if (value != null) row[column] = value;
        row[table + "id"] = id;
        return row;
    }
}
