namespace LeadPlugins.SolutionModel;

public sealed record ChoiceDefinition(string Name, string DisplayName, string Description, IReadOnlyList<ChoiceOption> Options);
