using LeadPlugins.Schema;
using LeadPlugins.Cli.Live;
using LeadPlugins.Emulator;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Services.Enrichment;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Live.Tests;

[TestClass]
public sealed class BackfillTests
{
    private const int Leads = 20_000;

    /// <summary>Every tenth lead is not from a marketplace, every tenth a marketplace test lead, every tenth has a rating a person chose.</summary>
    private static Entity[] SeedLeads(int count) => Enumerable.Range(0, count).Select(i =>
    {
        var lead = new Entity("lead", Guid.NewGuid()) { ["firstname"] = "Ada" + i, ["lastname"] = "Lovelace", ["emailaddress1"] = "ada" + i + "@contoso" + (i % 97) + ".example" };
        switch (i % 10)
        {
            case 0: lead["subject"] = "Website enquiry " + i; break;
            case 1: lead["subject"] = "MSFT_TEST_636573304831318844"; break;
            case 2:
                lead["subject"] = "AzureMarketplace-INS|contoso.widget";
                lead["leadqualitycode"] = new OptionSetValue(3);
                break;
            default: lead["subject"] = (i % 2 == 0 ? "AzureMarketplace-INS|contoso.widget" : "AppSource (SPZA)-PLT|fabrikam.crm-accelerator"); break;
        }
        return lead;
    }).ToArray();

    private static Dictionary<Guid, Dictionary<string, object?>> Snapshot(InMemoryDataverse dataverse)
        => dataverse.Query("lead").ToDictionary(r => r.Id, r => r.Attributes.ToDictionary(p => p.Key, p => (object?)p.Value));

    [TestMethod]
    public async Task Backfill_of_20000_leads_under_throttling_and_faults_resumes_after_cancel_and_a_second_run_changes_nothing()
    {
        await using var host = await TestHost.StartAsync(new EmulatorOptions { ThrottleRequests = 25, ThrottleWindow = TimeSpan.FromSeconds(1), FailRate = 0.05, FaultSeed = 3 });
        var seeded = SeedLeads(Leads);
        host.Dataverse.Seed(seeded);
        var before = Snapshot(host.Dataverse);
        var checkpoint = Path.Combine(Path.GetTempPath(), "leadplugins-backfill-" + Guid.NewGuid().ToString("N") + ".json");
        var options = new BackfillOptions { Apply = true, CheckpointPath = checkpoint, BatchSize = 100 };

        // First run: cancelled after six chunks (6,000 leads read).
        using var cancel = new CancellationTokenSource();
        var chunks = 0;
        var firstChanged = 0L;
        var firstWrites = 0L;
        await Assert.ThrowsAsync<OperationCanceledException>(() => new LeadBackfill(host.Client, options).RunAsync(_ => { },
            summary =>
            {
                firstChanged = summary.Written;
                firstWrites = summary.WriteRequests;
                if (++chunks == 6) cancel.Cancel();
            }, cancel.Token));
        Assert.IsTrue(File.Exists(checkpoint), "a stopped run leaves its checkpoint");
        Assert.IsTrue(firstChanged > 0);

        var resumed = await new LeadBackfill(host.Client, options).RunAsync(_ => { }, _ => { }, CancellationToken.None);
        Assert.IsTrue(resumed.Resumed);
        Assert.IsFalse(File.Exists(checkpoint), "a finished run removes its checkpoint");

        var after = Snapshot(host.Dataverse);
        var marketplace = seeded.Where((_, i) => i % 10 != 0).Select(l => l.Id).ToHashSet();
        Assert.AreEqual(marketplace.Count, firstChanged + resumed.Written, "every marketplace lead written exactly once across both runs");
        Assert.AreEqual(firstWrites + resumed.WriteRequests, (long)host.Dataverse.Counters.ByMessageFromCaller["UpdateMultiple"], "no batch reached the store twice");
        for (var i = 0; i < seeded.Length; i++)
        {
            var id = seeded[i].Id;
            var now = after[id];
            if (i % 10 == 0)
            {
                CollectionAssert.AreEquivalent(before[id].Keys.ToList(), now.Keys.ToList(), "non-marketplace lead untouched");
                foreach (var (column, value) in before[id]) Assert.AreEqual(Show(value), Show(now[column]), column);
                continue;
            }
            Assert.IsNotNull(now.GetValueOrDefault(LeadTable.Columns.EnrichmentStatus), "marketplace lead enriched");
            if (i % 10 == 1)
            {
                Assert.AreEqual(true, now[LeadTable.Columns.IsTestLead]);
                Assert.IsNull(now.GetValueOrDefault(LeadTable.Columns.Storefront), "a test lead is flagged, nothing more");
                Assert.IsNull(now.GetValueOrDefault(LeadTable.Columns.LeadScore));
            }
            else
            {
                Assert.IsNotNull(now.GetValueOrDefault(LeadTable.Columns.Storefront));
            }
            if (i % 10 == 2) Assert.AreEqual(3, ((OptionSetValue)now[LeadTable.Columns.LeadQualityCode]!).Value, "a rating a person set is kept");
        }
        Assert.IsTrue(host.Emulator.Throttled > 0 && host.Emulator.Failed > 0, "the run met throttling and injected faults");

        var second = await new LeadBackfill(host.Client, options).RunAsync(_ => { }, _ => { }, CancellationToken.None);
        Assert.AreEqual(0, second.Changed);
        Assert.AreEqual(0, second.Written);
        var unchanged = Snapshot(host.Dataverse);
        foreach (var (id, columns) in after)
            foreach (var (column, value) in columns) Assert.AreEqual(Show(value), Show(unchanged[id][column]), id + " " + column);
    }

    [TestMethod]
    public async Task Dry_run_lists_each_change_and_writes_nothing()
    {
        await using var host = await TestHost.StartAsync();
        var seeded = SeedLeads(30);
        host.Dataverse.Seed(seeded);
        var before = Snapshot(host.Dataverse);
        var changes = new List<LeadChange>();

        var summary = await new LeadBackfill(host.Client, new BackfillOptions()).RunAsync(changes.Add, _ => { }, CancellationToken.None);

        Assert.AreEqual(27, summary.Marketplace);
        Assert.AreEqual(27, changes.Count);
        Assert.AreEqual(0, summary.Written);
        Assert.AreEqual(0, host.Dataverse.Counters["UpdateMultiple"]);
        var storefront = changes.First(c => !c.IsTestLead).Columns.Single(c => c.Column == LeadTable.Columns.Storefront);
        Assert.AreEqual("(empty)", storefront.Before);
        Assert.AreNotEqual("(empty)", storefront.After);
        Assert.IsTrue(changes.Where(c => c.IsTestLead).All(c => c.Columns.All(col => col.Column is LeadTable.Columns.IsTestLead or LeadTable.Columns.IsMarketplace
            or LeadTable.Columns.EnrichmentStatus or LeadTable.Columns.EnrichmentMessage or LeadTable.Columns.EnrichedOn)));
        var after = Snapshot(host.Dataverse);
        foreach (var (id, columns) in before)
            foreach (var (column, value) in columns) Assert.AreEqual(Show(value), Show(after[id][column]));
    }

    private static string Show(object? value) => LeadBackfill.Show(value);
}
