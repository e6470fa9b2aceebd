using LeadPlugins.InMemory;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Cli.Simulation;

/// <summary>What every simulation shares and loads once: the solution source, the schema, choice labels.</summary>
public sealed class SimulationEnvironment
{
    private SimulationEnvironment(SolutionSource solution, string? systemTablesDirectory)
    {
        Solution = solution;
        SystemTablesDirectory = systemTablesDirectory;
        SchemaSource = SchemaSource.Read(systemTablesDirectory, solution);
        Schema = DataverseSchema.Build(SchemaSource);
        Labels = new ChoiceLabels(solution, Schema, systemTablesDirectory);
        Values = new ColumnValues(Schema, Labels);
    }

    public SolutionSource Solution { get; }
    public string? SystemTablesDirectory { get; }
    /// <summary>The table files, parsed once: every in-memory Dataverse of a run builds its schema from them.</summary>
    public SchemaSource SchemaSource { get; }
    public DataverseSchema Schema { get; }
    public ChoiceLabels Labels { get; }
    public ColumnValues Values { get; }

    /// <summary>Loads Solution/src (given, LEADPLUGINS_SOLUTION_SRC, or found above the app or the current directory).</summary>
    public static SimulationEnvironment Load(string? solutionSourceDirectory = null, string? systemTablesDirectory = null)
    {
        var directory = solutionSourceDirectory;
        if (directory == null)
        {
            try
            {
                directory = SolutionSource.LocateSourceDirectory();
            }
            catch (DirectoryNotFoundException)
            {
                directory = SolutionSource.LocateSourceDirectory(Directory.GetCurrentDirectory());
            }
        }
        return new SimulationEnvironment(SolutionSource.Load(directory), systemTablesDirectory);
    }
}
