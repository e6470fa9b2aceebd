using LeadPlugins.Cli.Commands;
using LeadPlugins.Cli.Live;
using LeadPlugins.Cli.Report;
using LeadPlugins.Cli.Simulation;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Live.Tests;

/// <summary>backfill's outcomes in the dry-run report's collector, and its progress line without a terminal.</summary>
[TestClass]
public sealed class BackfillReportTests
{
    private static readonly Lazy<SimulationEnvironment> Environment = new(() => SimulationEnvironment.Load());

    /// <summary>Marketplace leads of both storefronts, a test lead every fifth, a non-marketplace lead every seventh.</summary>
    internal static Entity[] MixedLeads(int count) => Enumerable.Range(0, count).Select(i => new Entity("lead", Guid.NewGuid())
    {
        ["lastname"] = "L" + i,
        ["emailaddress1"] = "l" + i + "@fabrikam.example",
        ["subject"] = i % 7 == 0 ? "Website enquiry" : i % 5 == 0 ? "MSFT_TEST_636573304831318844"
            : i % 2 == 0 ? "AzureMarketplace-INS|contoso.widget" : "AppSource (SPZA)-PLT|fabrikam.crm-accelerator",
    }).ToArray();

    [TestMethod]
    public async Task Dry_run_and_applied_run_give_the_collector_the_backfills_own_counts()
    {
        await using var host = await TestHost.StartAsync();
        host.Dataverse.Seed(MixedLeads(300));
        foreach (var apply in new[] { false, true })
        {
            var collector = new ReportCollector();
            var report = new BackfillReport(collector, Environment.Value.Labels, host.Emulator.Url.Authority);
            var options = new BackfillOptions { Apply = apply, CheckpointPath = null };

            var summary = await new LeadBackfill(host.Client, options).RunAsync(_ => { }, _ => { }, CancellationToken.None, report.Add);

            Assert.AreEqual(300, summary.Read);
            Assert.AreEqual(summary.Read, collector.Leads, "apply=" + apply);
            Assert.AreEqual(summary.Marketplace, collector.Marketplace, "apply=" + apply);
            Assert.AreEqual(summary.TestLeadsFlagged, collector.Test, "apply=" + apply);
            Assert.AreEqual(summary.NotMarketplace, collector.EnrichmentStatuses.GetValueOrDefault(ReportCollector.NotEnriched), "only non-marketplace leads stay without a status");
            Assert.AreEqual(summary.Marketplace - summary.TestLeadsFlagged, collector.StorefrontActions.Values.Sum(), "every enriched lead has its storefront and action");
            Assert.IsTrue(collector.StorefrontActions.Keys.Select(k => k.Storefront).Distinct().Count() >= 2, "labels, both storefronts");
        }
        Assert.AreEqual(0, host.Dataverse.Query("lead").Count(l => l.GetAttributeValue<OptionSetValue>(LeadPlugins.Schema.LeadTable.Columns.EnrichmentStatus) == null
            && l.GetAttributeValue<string>("subject") != "Website enquiry"), "the applied run wrote every marketplace lead");
    }

    [TestMethod]
    public async Task Without_a_terminal_a_progress_line_comes_each_interval_with_the_leads_read()
    {
        await using var host = await TestHost.StartAsync();
        host.Dataverse.Seed(MixedLeads(2_500));
        var log = new StringWriter();
        var now = TimeSpan.Zero;
        // Each progress callback (one per 1,000-lead chunk) advances the fake clock by 7 s: 7 s is too early, then lines at 14 s and 21 s.
        var progressLog = new ProgressLog(log, "backfill", () => now += TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(10));
        var backfill = new LeadBackfill(host.Client, new BackfillOptions { Apply = true, CheckpointPath = null });

        var summary = await BackfillProgress.RunAsync(progress => backfill.RunAsync(_ => { }, progress, CancellationToken.None), terminal: null, progressLog);

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(2_500, summary.Read);
        CollectionAssert.AreEqual(new[] { "progress: backfill: 2,000 record(s) in 14 s (143/s)", "progress: backfill: 2,500 record(s) in 21 s (119/s)" },
            lines.Select(l => l.TrimEnd('\r')).ToArray());
    }
}
