namespace LeadPlugins.SolutionModel;

/// <summary>A step as the rules see it; <paramref name="Message"/> is null when the message is not known.</summary>
public sealed record StepFacts(string Name, string? Message, string PrimaryEntity, int Stage, int Mode,
    IReadOnlyList<string> FilteringAttributes, IReadOnlyList<StepImageFacts> Images);
