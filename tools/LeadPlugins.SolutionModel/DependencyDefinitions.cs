namespace LeadPlugins.SolutionModel;

public sealed record DependencyColumn(string Name, string DisplayName);

/// <summary>A table the solution needs and does not carry, with the system columns it uses.</summary>
public sealed record DependencyTable(string Name, string DisplayName, string Solution, IReadOnlyList<DependencyColumn> Columns)
{
    public DependencyColumn? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

public sealed record DependencyWebResource(string Name, Guid Id, string Solution);

/// <summary>Solution/src/dependencies.xml: what solution.xml lists under &lt;MissingDependencies&gt;.</summary>
public sealed record DependencyDefinitions(IReadOnlyList<DependencyTable> Tables, IReadOnlyList<DependencyWebResource> WebResources, string SourceFile)
{
    public static readonly DependencyDefinitions None = new(Array.Empty<DependencyTable>(), Array.Empty<DependencyWebResource>(), string.Empty);

    public DependencyTable? FindTable(string name) => Tables.FirstOrDefault(t => t.Name == name);
}
