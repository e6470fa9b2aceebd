namespace LeadPlugins.SolutionModel;

/// <summary>State/status pair: statuscode <paramref name="Status"/> belongs to statecode <paramref name="State"/>.</summary>
public sealed record StatusDefinition(int State, string StateLabel, int Status, string StatusLabel, bool IsDefaultForState);
