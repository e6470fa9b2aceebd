namespace LeadPlugins.SolutionModel;

/// <summary>
/// One broken rule. <paramref name="PlatformRefuses"/>: Dataverse itself refuses such a registration (the in-memory
/// pipeline refuses it too); otherwise it is this project's policy (checker rules, Microsoft's guidance), which
/// pack and verify enforce but the platform accepts.
/// </summary>
public sealed record StepRuleViolation(StepRule Rule, bool IsError, bool PlatformRefuses, string Message);
