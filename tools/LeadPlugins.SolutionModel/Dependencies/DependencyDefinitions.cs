namespace LeadPlugins.SolutionModel;

/// <summary>Solution/src/dependencies.xml: what solution.xml lists under &lt;MissingDependencies&gt;.</summary>
public sealed record DependencyDefinitions(IReadOnlyList<DependencyTable> Tables, IReadOnlyList<DependencyWebResource> WebResources, string SourceFile)
{
    public static readonly DependencyDefinitions None = new(Array.Empty<DependencyTable>(), Array.Empty<DependencyWebResource>(), string.Empty);

    public DependencyTable? FindTable(string name) => Tables.FirstOrDefault(t => t.Name == name);
}
