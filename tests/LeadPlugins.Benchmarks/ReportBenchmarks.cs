using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using LeadPlugins.Cli.Report;
using LeadPlugins.Cli.Simulation;

namespace LeadPlugins.Benchmarks;

/// <summary>
/// What `simulate --report` adds for 100,000 leads: collecting them (the report listens to the simulation's output)
/// and writing the HTML. Budget (issue 15): at most 2 s and 10 MB. `-- report` prints one timed pass and the size.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    public const int Leads = 100_000;
    private static readonly string[] Storefronts = { "AppSource", "Azure Marketplace" };
    private static readonly string[] Actions = { "Contact me", "Get it now", "Create (Azure portal)", "Test drive", "Do not contact" };
    private static readonly string[] Statuses = { "Enriched", "Enriched", "Enriched", "Partial", "Test", "Co-sell", "Not marketplace", "Failed" };
    private SimulatedLead[] _leads = Array.Empty<SimulatedLead>();

    [GlobalSetup]
    public void Setup() => _leads = MakeLeads();

    /// <summary>Leads shaped like simulate's: a score with its reasons, an owner among 25, five nurture activities over five weeks.</summary>
    public static SimulatedLead[] MakeLeads()
    {
        var start = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        return Enumerable.Range(0, Leads).Select(i => new SimulatedLead
        {
            Input = i + 1,
            LeadId = Guid.NewGuid(),
            Name = "Customer " + i,
            Email = "customer" + i + "@contoso.com",
            IsMarketplace = i % 8 != 6,
            IsCoSell = i % 8 == 5,
            IsTestLead = i % 8 == 4,
            Storefront = i % 8 == 6 ? null : Storefronts[i % 2],
            LeadAction = Actions[i % 5],
            EnrichmentStatus = Statuses[i % 8],
            EnrichmentMessage = i % 8 == 3 ? "Marketplace lead: AppSource, Contact me; e-mail missing" : null,
            Score = i % 8 == 6 ? null : i % 101,
            ScoreReason = "Contact me (PLT) +20\nAppSource +10\nBusiness e-mail +10\nCompany given +5",
            Owner = "Seller " + (i % 25),
            DuplicateOfId = i % 20 == 0 ? Guid.NewGuid() : null,
            NurtureSequence = "Built-in Nurture: Contact me",
            NurtureStatus = "Active",
            NurtureSteps = Enumerable.Range(0, 5).Select(s => new NurtureStep(s + 1, "Task", "Step " + (s + 1), start.AddDays(7 * s + i % 5))).ToList(),
        }).ToArray();
    }

    [Benchmark]
    public int Collect_and_render_100000_leads() => Run(_leads).Length;

    public static string Run(SimulatedLead[] leads)
    {
        var collector = new ReportCollector();
        collector.BeginSource("leads.jsonl");
        foreach (var lead in leads) collector.Add(lead);
        for (var i = 0; i < 1_000; i++) collector.AddRejected(i * 97, "invalid JSON: Unexpected character encountered while parsing value");
        collector.EndSource(new SimulationSummary());
        return HtmlReport.Render(collector, "Dry run", new DateTime(2026, 3, 2));
    }

    public static void PrintOnePass()
    {
        var leads = MakeLeads();
        Run(leads.Take(1_000).ToArray()); // JIT
        var clock = Stopwatch.StartNew();
        var html = Run(leads);
        clock.Stop();
        Console.WriteLine($"report of {Leads:N0} leads (+1,000 rejected lines): {clock.Elapsed.TotalMilliseconds:N0} ms, {System.Text.Encoding.UTF8.GetByteCount(html):N0} bytes");
    }
}
