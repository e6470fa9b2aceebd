namespace LeadPlugins.Cli.Simulation;

/// <summary>What the plug-ins did for one lead of a batch: its step executions, their requests and (verbose) traces.</summary>
internal sealed class LeadRuns
{
    public List<PluginRun> Steps { get; } = new();
    public List<string> Traces { get; } = new();
    public Dictionary<string, int> CallsByMessage { get; } = new(StringComparer.Ordinal);
    /// <summary>The steps' requests, summed.</summary>
    public int ServiceCalls { get; private set; }

    public void Add(PluginRun step)
    {
        Steps.Add(step);
        ServiceCalls += step.ServiceCalls;
    }
}
