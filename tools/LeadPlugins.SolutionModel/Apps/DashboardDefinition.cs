namespace LeadPlugins.SolutionModel;

/// <summary>A dashboard (Solution/src/dashboards/*.xml), generated as a systemform of type 0.</summary>
public sealed record DashboardDefinition(string Name, string Description, Guid? Id, IReadOnlyList<DashboardTile> Tiles, string SourceFile);
