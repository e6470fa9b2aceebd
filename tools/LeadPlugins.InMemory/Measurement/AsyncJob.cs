namespace LeadPlugins.InMemory;

/// <summary>A queued asynchronous step (the platform's asyncoperation row).</summary>
public sealed class AsyncJob
{
    internal AsyncJob(Guid id, PluginStep step, Action<AsyncJob, int> run)
    {
        Id = id;
        Step = step;
        Run = run;
    }

    public Guid Id { get; }
    public PluginStep Step { get; }
    public AsyncJobStatus Status { get; internal set; } = AsyncJobStatus.Waiting;
    /// <summary>Runs made so far (1 + retries).</summary>
    public int Attempts { get; internal set; }
    public string? Error { get; internal set; }
    public List<StepExecution> Executions { get; } = new();
    internal Action<AsyncJob, int> Run { get; }

    public override string ToString() => Step.PluginType.Name + " " + Step.Message + " async: " + Status + " after " + Attempts + " attempt(s)";
}
