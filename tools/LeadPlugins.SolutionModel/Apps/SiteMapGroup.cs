namespace LeadPlugins.SolutionModel;

public sealed record SiteMapGroup(string Id, string Title, IReadOnlyList<SiteMapSubArea> SubAreas, int Line);
