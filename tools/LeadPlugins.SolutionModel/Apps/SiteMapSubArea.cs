namespace LeadPlugins.SolutionModel;

/// <summary>
/// A site map subarea: a table (its default view, or <paramref name="View"/>) or a dashboard. <paramref name="Requires"/>
/// names a privilege (Read, Write, ...) on the table a user needs to see the subarea.
/// </summary>
public sealed record SiteMapSubArea(string Id, string Title, string? Table, string? View, string? Dashboard, string? Requires, int Line);
