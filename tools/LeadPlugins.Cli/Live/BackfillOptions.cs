namespace LeadPlugins.Cli.Live;

/// <summary>What `backfill` does.</summary>
public sealed class BackfillOptions
{
    public DateTime? Since { get; set; }
    /// <summary>A FetchXML file whose lead filters narrow the run (its columns and paging are replaced).</summary>
    public string? FetchXml { get; set; }
    public bool Apply { get; set; }
    public bool Enrol { get; set; }
    public int BatchSize { get; set; } = 100;
    /// <summary>Where an applied run records how far it got (resumes from there). Null = no checkpoint.</summary>
    public string? CheckpointPath { get; set; }
    /// <summary>Leads read per query (the server's maximum page is 5,000).</summary>
    public int PageSize { get; set; } = 5000;
    /// <summary>Leads evaluated together (configuration and duplicates are read once per chunk).</summary>
    public int EvaluateChunk { get; set; } = 1000;
    public Func<DateTime> Clock { get; set; } = () => DateTime.UtcNow;
}
