namespace LeadPlugins.InMemory;

public enum AsyncJobStatus
{
    Waiting,
    Succeeded,
    Failed,
}
