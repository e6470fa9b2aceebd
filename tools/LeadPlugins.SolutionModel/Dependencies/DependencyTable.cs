namespace LeadPlugins.SolutionModel;

/// <summary>A table the solution needs and does not carry, with the system columns it uses.</summary>
public sealed record DependencyTable(string Name, string DisplayName, string Solution, IReadOnlyList<DependencyColumn> Columns)
{
    public DependencyColumn? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
