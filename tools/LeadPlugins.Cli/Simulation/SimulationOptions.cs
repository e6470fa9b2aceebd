using System.Reflection;
using LeadPlugins.InMemory;

namespace LeadPlugins.Cli.Simulation;

/// <summary>How a simulation runs.</summary>
public sealed class SimulationOptions
{
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>Limits, separator, encoding, header names and the warning sink of the input reader.</summary>
    public InputOptions Input { get; init; } = InputOptions.Default;

    /// <summary>1: one Create per lead. More: CreateMultiple batches of this size.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Keep the plug-ins' trace lines on each lead.</summary>
    public bool Verbose { get; init; }

    /// <summary>The moment every lead arrives (UTC): createdon, due dates, enrichment time.</summary>
    public DateTime Now { get; init; } = DateTime.UtcNow;

    /// <summary>The caller and configuration rows; default: a seller and nothing else (the plug-ins' built-in defaults apply).</summary>
    public SeedConfiguration? Seed { get; init; }

    /// <summary>
    /// When set, a fresh in-memory Dataverse replaces the old one after every this many leads, carrying over only
    /// the oldest open lead per e-mail address and its enrolment (what duplicate matching needs). Null: keep all.
    /// </summary>
    public int? DiscardEvery { get; init; }

    /// <summary>
    /// Read the input and write the output on threads of their own while the plug-ins run on the calling thread
    /// (same results, in the same order). False: all on the calling thread.
    /// </summary>
    public bool Overlap { get; init; } = true;

    /// <summary>Assemblies whose [PluginStep]s run: the product's LeadPlugins.Plugins.</summary>
    public IReadOnlyList<Assembly> PluginAssemblies { get; init; } = new[] { typeof(LeadPlugins.Plugins.Execution.PluginBase).Assembly };

    /// <summary>Called on every new in-memory Dataverse after registration and seeding (tests add steps here).</summary>
    public Action<InMemoryDataverse>? Configure { get; init; }
}
