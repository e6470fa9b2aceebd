namespace LeadPlugins.SolutionModel;

/// <summary>A model-driven app and its site map (Solution/src/apps/*.xml); roles are named, components derived by the build.</summary>
public sealed record AppDefinition(
    string UniqueName,
    string Name,
    string Description,
    IReadOnlyList<(string Role, int Line)> Roles,
    IReadOnlyList<SiteMapArea> Areas,
    string SourceFile)
{
    public IEnumerable<SiteMapSubArea> SubAreas => Areas.SelectMany(a => a.Groups).SelectMany(g => g.SubAreas);
}
