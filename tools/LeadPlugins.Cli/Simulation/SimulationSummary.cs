namespace LeadPlugins.Cli.Simulation;

/// <summary>Figures of a finished run.</summary>
public sealed class SimulationSummary
{
    public InputFormat Format { get; internal set; }
    public int Records { get; internal set; }
    public int Leads { get; internal set; }
    public int Rejected { get; internal set; }
    /// <summary>Warnings about the input as a whole (assumed encoding, unknown columns), as given (not yet sanitised).</summary>
    public List<string> Warnings { get; } = new();
    /// <summary>The first rejected line numbers (at most 20, so a long run stays small).</summary>
    public List<int> RejectedLines { get; } = new();
    public int Batches { get; internal set; }
    /// <summary>CreateMultiple batches that faulted and were retried one Create at a time.</summary>
    public int FallbackBatches { get; internal set; }
    public int Recycles { get; internal set; }
    /// <summary>What the plug-ins asked of the in-memory Dataverse that it does not simulate (async steps; sync ones reject their line).</summary>
    public List<string> HarnessGaps { get; } = new();
    /// <summary>With DiscardEvery: e-mail addresses whose oldest open lead is kept for duplicate matching.</summary>
    public int CarriedAddresses { get; internal set; }
    public Dictionary<string, int> CallerRequests { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> PluginRequests { get; } = new(StringComparer.Ordinal);
    public int StepExecutions { get; internal set; }
    public int FailedStepExecutions { get; internal set; }
    public int FailedAsyncJobs { get; internal set; }
    public int RegisteredSteps { get; internal set; }
    public TimeSpan Setup { get; internal set; }
    public TimeSpan Elapsed { get; internal set; }
    public long PeakWorkingSet { get; internal set; }
    public long PeakManagedHeap { get; internal set; }
    public double LeadsPerSecond => Elapsed.TotalSeconds > 0 ? Leads / Elapsed.TotalSeconds : 0;
}
