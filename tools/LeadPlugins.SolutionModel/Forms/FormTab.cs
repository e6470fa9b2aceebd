namespace LeadPlugins.SolutionModel;

public sealed record FormTab(string Name, string Label, IReadOnlyList<FormSection> Sections, int Line);
