namespace LeadPlugins.SolutionModel;

public sealed record DependencyColumn(string Name, string DisplayName);
