namespace LeadPlugins.SolutionModel;

/// <summary>
/// A site map subarea: a table (its default view, or <paramref name="View"/>) or a dashboard. <paramref name="Requires"/>
/// names a privilege (Read, Write, ...) on the table a user needs to see the subarea.
/// </summary>
public sealed record SiteMapSubArea(string Id, string Title, string? Table, string? View, string? Dashboard, string? Requires, int Line);

public sealed record SiteMapGroup(string Id, string Title, IReadOnlyList<SiteMapSubArea> SubAreas, int Line);

public sealed record SiteMapArea(string Id, string Title, IReadOnlyList<SiteMapGroup> Groups, int Line);

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
