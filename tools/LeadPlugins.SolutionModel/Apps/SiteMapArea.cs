namespace LeadPlugins.SolutionModel;

public sealed record SiteMapArea(string Id, string Title, IReadOnlyList<SiteMapGroup> Groups, int Line);
