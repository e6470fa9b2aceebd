namespace LeadPlugins.Cli.Live;

/// <summary>The totals of a run; requests are the client's (reads + writes, retries counted apart).</summary>
public sealed class BackfillSummary
{
    public long Read { get; set; }
    public long Marketplace { get; set; }
    public long NotMarketplace { get; set; }
    public long Changed { get; set; }
    public long TestLeadsFlagged { get; set; }
    public long Written { get; set; }
    public long WriteRequests { get; set; }
    public long Enrolled { get; set; }
    public long Requests { get; set; }
    public long Retries { get; set; }
    public long Throttled { get; set; }
    public TimeSpan Waited { get; set; }
    public TimeSpan Elapsed { get; set; }
    public bool Resumed { get; set; }
    public long ReadRequests => Requests - Retries - WriteRequests;
    public double LeadsPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}
