namespace LeadPlugins.SolutionModel;

public sealed record ViewCell(string Name, int Width, int Line);
