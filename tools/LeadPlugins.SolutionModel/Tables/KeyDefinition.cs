namespace LeadPlugins.SolutionModel;

public sealed record KeyDefinition(string Name, string DisplayName, IReadOnlyList<string> Columns);
