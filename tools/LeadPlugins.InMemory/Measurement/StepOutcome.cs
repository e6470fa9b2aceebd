namespace LeadPlugins.InMemory;

public enum StepOutcome
{
    Succeeded,
    Failed,
}
