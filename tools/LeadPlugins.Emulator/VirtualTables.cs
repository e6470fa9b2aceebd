using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Emulator;

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
