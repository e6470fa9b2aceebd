namespace LeadPlugins.InMemory;

/// <summary>A registered image of a step.</summary>
public sealed record StepImage(string Name, bool IsPreImage, bool IsPostImage, IReadOnlyList<string> Attributes);
