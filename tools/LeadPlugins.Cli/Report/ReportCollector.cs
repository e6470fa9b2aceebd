using System.Globalization;
using LeadPlugins.Cli.Simulation;
using LeadPlugins.Plugins.Domain.Enrichment;

namespace LeadPlugins.Cli.Report;

/// <summary>
/// Collects what the report shows while the simulation streams by, as aggregates (counts per storefront × action,
/// score bin, status, owner, owner × week) plus at most <see cref="MaxProblems"/> problem rows and
/// <see cref="MaxDrillDown"/> drill-down leads, so 100,000 leads cost a few kilobytes. Wraps the simulation's own
/// output and passes everything on to it.
/// </summary>
public sealed class ReportCollector
{
    public const int MaxProblems = 500;
    public const int MaxDrillDown = 200;
    /// <summary>Score bins of 10 points; the last one is 90-100.</summary>
    public const int ScoreBins = 10;
    public const string NotMarketplace = "Not marketplace";
    public const string NotEnriched = "Not enriched";
    public const string NoOwner = "(no owner)";

    private readonly List<ReportSource> _sources = new();
    private string _source = "input";
    private int _sourceLeads;
    private int _sourceRejected;

    public RatingThresholds Thresholds { get; init; } = RatingThresholds.Default;

    public int Leads { get; private set; }
    public int Marketplace { get; private set; }
    public int CoSell { get; private set; }
    public int Test { get; private set; }
    public int Rejected { get; private set; }
    public int Partial { get; private set; }
    public int Failed { get; private set; }
    public int Duplicates { get; private set; }
    public Dictionary<(string Storefront, string Action), int> StorefrontActions { get; } = new();
    public int[] ScoreHistogram { get; } = new int[ScoreBins];
    public int Unscored { get; private set; }
    public Dictionary<string, int> EnrichmentStatuses { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Owners { get; } = new(StringComparer.Ordinal);
    /// <summary>Owner -> Monday of the week (UTC) -> nurture activities due.</summary>
    public Dictionary<(string Owner, DateTime Week), int> Workload { get; } = new();
    public List<ReportProblem> Problems { get; } = new();
    public int ProblemsLeftOut { get; private set; }
    public List<ReportLead> DrillDown { get; } = new();
    public int DrillDownLeftOut { get; private set; }
    public IReadOnlyList<ReportSource> Sources => _sources;

    /// <summary>Starts counting a new input file (the demo puts every sample in one report).</summary>
    public void BeginSource(string name)
    {
        _source = name;
        _sourceLeads = _sourceRejected = 0;
    }

    public void EndSource(SimulationSummary summary) => EndSource(InputFormats.Name(summary.Format), summary.Warnings.ToList());

    /// <summary>Ends a source that is not an input file (a live environment's leads read by backfill).</summary>
    public void EndSource(string format, IReadOnlyList<string> notes)
        => _sources.Add(new ReportSource(_source, format, _sourceLeads, _sourceRejected, notes));

    /// <summary>The simulation's output with this collector listening in.</summary>
    public ISimulationOutput Wrap(ISimulationOutput inner) => new Listening(this, inner);

    public void Add(SimulatedLead lead)
    {
        Leads++;
        _sourceLeads++;
        if (lead.IsMarketplace == true) Marketplace++;
        if (lead.IsCoSell == true) CoSell++;
        if (lead.IsTestLead == true) Test++;
        if (lead.DuplicateOfId != null) Duplicates++;
        if (lead.EnrichmentStatus == "Partial") Partial++;
        if (lead.EnrichmentStatus == "Failed") Failed++;
        if (lead.Storefront != null)
        {
            var key = (lead.Storefront, lead.LeadAction ?? "(no action)");
            StorefrontActions[key] = StorefrontActions.GetValueOrDefault(key) + 1;
        }
        if (lead.Score is { } score) ScoreHistogram[ScoreBin(score)]++;
        else Unscored++;
        var status = lead.EnrichmentStatus ?? NotEnriched;
        EnrichmentStatuses[status] = EnrichmentStatuses.GetValueOrDefault(status) + 1;
        var owner = lead.Owner ?? NoOwner;
        Owners[owner] = Owners.GetValueOrDefault(owner) + 1;
        foreach (var step in lead.NurtureSteps)
        {
            if (step.Due is not { } due) continue;
            var week = (owner, WeekOf(due));
            Workload[week] = Workload.GetValueOrDefault(week) + 1;
        }
        if (lead.EnrichmentStatus is "Partial" or "Failed")
            AddProblem(new ReportProblem(_source, lead.Input, lead.EnrichmentStatus, lead.Name ?? lead.Email, lead.EnrichmentMessage ?? string.Empty));
        if (DrillDown.Count < MaxDrillDown) DrillDown.Add(new ReportLead(_source, lead with { Traces = Array.Empty<string>(), PluginSteps = Array.Empty<PluginRun>() }));
        else DrillDownLeftOut++;
    }

    public void AddRejected(int line, string reason)
    {
        Rejected++;
        _sourceRejected++;
        AddProblem(new ReportProblem(_source, line, "Rejected", null, reason));
    }

    private void AddProblem(ReportProblem problem)
    {
        if (Problems.Count < MaxProblems) Problems.Add(problem);
        else ProblemsLeftOut++;
    }

    public static int ScoreBin(int score) => Math.Clamp(score / 10, 0, ScoreBins - 1);

    public static string ScoreBinLabel(int bin) => (bin * 10).ToString(CultureInfo.InvariantCulture) + "-" + (bin == ScoreBins - 1 ? "100" : (bin * 10 + 9).ToString(CultureInfo.InvariantCulture));

    /// <summary>Monday (UTC date) of the week <paramref name="when"/> falls in.</summary>
    public static DateTime WeekOf(DateTime when)
    {
        var date = when.Date;
        var offset = ((int)date.DayOfWeek + 6) % 7;
        return date.AddDays(-offset);
    }

    private sealed class Listening : ISimulationOutput
    {
        private readonly ReportCollector _collector;
        private readonly ISimulationOutput _inner;

        public Listening(ReportCollector collector, ISimulationOutput inner)
        {
            _collector = collector;
            _inner = inner;
        }

        public void Lead(SimulatedLead lead)
        {
            _collector.Add(lead);
            _inner.Lead(lead);
        }

        public void Rejected(int line, string reason)
        {
            _collector.AddRejected(line, reason);
            _inner.Rejected(line, reason);
        }

        public void EndBatch() => _inner.EndBatch();
    }
}
