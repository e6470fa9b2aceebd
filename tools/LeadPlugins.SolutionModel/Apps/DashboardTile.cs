namespace LeadPlugins.SolutionModel;

/// <summary>One tile of a dashboard: a chart over a view's records (<paramref name="Chart"/> set), or a view's list.</summary>
public sealed record DashboardTile(string Table, string View, string? Chart, int Line);
