namespace LeadPlugins.SolutionModel;

public sealed record DependencyWebResource(string Name, Guid Id, string Solution);
