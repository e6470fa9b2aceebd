namespace LeadPlugins.SolutionModel;

/// <summary>One tile of a dashboard: a chart over a view's records (<paramref name="Chart"/> set), or a view's list.</summary>
public sealed record DashboardTile(string Table, string View, string? Chart, int Line);

/// <summary>A dashboard (Solution/src/dashboards/*.xml), generated as a systemform of type 0.</summary>
public sealed record DashboardDefinition(string Name, string Description, Guid? Id, IReadOnlyList<DashboardTile> Tiles, string SourceFile);
