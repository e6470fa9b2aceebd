namespace LeadPlugins.SolutionModel;

public sealed record ChoiceOption(int Value, string Label);
