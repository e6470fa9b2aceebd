using LeadPlugins.SolutionModel;

namespace LeadPlugins.InMemory;

/// <summary>
/// The table files a <see cref="DataverseSchema"/> is built from, parsed once: the built-in system tables and the
/// solution's tables, each with its local choices. A store made from it reads no file, so a process that makes many
/// stores one after another (simulate starts one per 250 leads) parses the XML once instead of once per store.
/// </summary>
public sealed class SchemaSource
{
    private SchemaSource(IReadOnlyList<SchemaFile> systemTables, SolutionSource? solution, IReadOnlyList<SchemaFile> solutionTables)
    {
        SystemTables = systemTables;
        Solution = solution;
        SolutionTables = solutionTables;
    }

    internal IReadOnlyList<SchemaFile> SystemTables { get; }
    internal SolutionSource? Solution { get; }
    internal IReadOnlyList<SchemaFile> SolutionTables { get; }
    /// <summary>How large the tables of the stores built from this source grew: the next store starts at that size.</summary>
    internal StoreSizes Sizes { get; } = new();

    /// <summary>Reads the system tables (default: SystemTables next to this assembly) and the solution's table files.</summary>
    public static SchemaSource Read(string? systemTablesDirectory = null, SolutionSource? solution = null)
    {
        var directory = systemTablesDirectory ?? DataverseSchema.DefaultSystemTablesDirectory;
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException("The in-memory Dataverse's system tables were not found at " + directory + ".");
        var systemTables = Directory.GetFiles(directory, "*.xml").OrderBy(f => f, StringComparer.Ordinal)
            .Select(file => new SchemaFile(SolutionSource.LoadTable(file), SolutionSource.LoadLocalChoices(file))).ToList();
        var solutionTables = solution?.Tables.Select(table => new SchemaFile(table, SolutionSource.LoadLocalChoices(table.SourceFile))).ToList()
            ?? new List<SchemaFile>();
        return new SchemaSource(systemTables, solution, solutionTables);
    }
}
