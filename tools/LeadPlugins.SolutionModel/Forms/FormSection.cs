namespace LeadPlugins.SolutionModel;

public sealed record FormSection(string Name, string Label, int Columns, IReadOnlyList<FormField> Fields, int Line);
