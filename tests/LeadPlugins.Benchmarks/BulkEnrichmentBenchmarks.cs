using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadPlugins.Benchmarks;

/// <summary>
/// 10,000 marketplace leads through the real enrichment plug-in in the in-memory Dataverse, in one run: CreateMultiple
/// batches of 1,000 with the step registered on CreateMultiple, against 10,000 single Creates with the shipped Create step
/// (and, for the record, the same batches with the shipped Create step, which runs once per item). Times are per lead.
/// Service calls are deterministic: <c>-- bulk</c> prints them with one timed pass of each mode.
/// </summary>
[MemoryDiagnoser]
public class BulkEnrichmentBenchmarks
{
    public const int Leads = 10_000;
    public const int BatchSize = 1_000;
    private static readonly SolutionSource Solution = SolutionSource.Load();
    private static readonly Entity[] Input = MarketplaceLeads(Leads);
    private InMemoryDataverse _dataverse = null!;

    public enum Mode
    {
        /// <summary>CreateMultiple batches of 1,000, enrichment registered on CreateMultiple (the bulk registration).</summary>
        CreateMultipleBatches,
        /// <summary>10,000 single Creates, enrichment on Create (shipped).</summary>
        SingleCreates,
        /// <summary>CreateMultiple batches of 1,000 with the shipped Create step (it runs once per item).</summary>
        CreateMultipleBatchesShippedCreateStep,
    }

    [IterationSetup(Target = nameof(CreateMultiple_batches_of_1000_with_the_CreateMultiple_step))]
    public void BulkRegistration() => _dataverse = NewDataverse(Mode.CreateMultipleBatches);

    [IterationSetup(Target = nameof(Single_Creates_with_the_shipped_Create_step))]
    public void ShippedRegistration() => _dataverse = NewDataverse(Mode.SingleCreates);

    [IterationSetup(Target = nameof(CreateMultiple_batches_of_1000_with_the_shipped_Create_step))]
    public void ShippedRegistrationForBatches() => _dataverse = NewDataverse(Mode.CreateMultipleBatchesShippedCreateStep);

    [Benchmark(Baseline = true, OperationsPerInvoke = Leads)]
    public int CreateMultiple_batches_of_1000_with_the_CreateMultiple_step() => Run(_dataverse, Mode.CreateMultipleBatches);

    [Benchmark(OperationsPerInvoke = Leads)]
    public int Single_Creates_with_the_shipped_Create_step() => Run(_dataverse, Mode.SingleCreates);

    [Benchmark(OperationsPerInvoke = Leads)]
    public int CreateMultiple_batches_of_1000_with_the_shipped_Create_step() => Run(_dataverse, Mode.CreateMultipleBatchesShippedCreateStep);

    /// <summary>A fresh Dataverse with configuration in every table the enrichment reads and the step registered for the mode.</summary>
    public static InMemoryDataverse NewDataverse(Mode mode)
    {
        var dataverse = new InMemoryDataverse(new InMemoryDataverseOptions { Solution = Solution, IdGenerator = new SequentialIds(1_000_000).Next });
        if (mode == Mode.CreateMultipleBatches)
            dataverse.RegisterPluginForCreateMultiple<EnrichMarketplaceLead>();
        else
            dataverse.RegisterPlugin<EnrichMarketplaceLead>();
        var seller = dataverse.AddUser("Seller");
        var campaign = new Entity("campaign", Guid.NewGuid()) { ["name"] = "AppSource nurture" };
        dataverse.Seed(campaign,
            new Entity(StorefrontSettingTable.LogicalName, Guid.NewGuid()) { [StorefrontSettingTable.Columns.Name] = "AppSource", [StorefrontSettingTable.Columns.Storefront] = new OptionSetValue(712540000), [StorefrontSettingTable.Columns.CampaignId] = campaign.ToEntityReference() },
            new Entity(OfferTable.LogicalName, Guid.NewGuid()) { [OfferTable.Columns.Name] = "Offer 1", [OfferTable.Columns.MarketplaceOfferId] = "offer1", [OfferTable.Columns.PublisherId] = "contoso" },
            new Entity(RoutingRuleTable.LogicalName, Guid.NewGuid()) { [RoutingRuleTable.Columns.Name] = "US", [RoutingRuleTable.Columns.Order] = 10, [RoutingRuleTable.Columns.CountryCodes] = "US", [RoutingRuleTable.Columns.AssignUserId] = new EntityReference("systemuser", seller) });
        return dataverse;
    }

    /// <summary>Creates the 10,000 leads the mode's way; returns the plug-in requests made.</summary>
    public static int Run(InMemoryDataverse dataverse, Mode mode)
    {
        var service = dataverse.GetOrganizationService();
        if (mode == Mode.SingleCreates)
        {
            foreach (var lead in Input) service.Create(lead);
        }
        else
        {
            for (int start = 0; start < Input.Length; start += BatchSize)
            {
                var batch = new EntityCollection(Input.Skip(start).Take(BatchSize).ToList()) { EntityName = "lead" };
                service.Execute(new CreateMultipleRequest { Targets = batch });
            }
        }
        return dataverse.Counters.FromPlugins;
    }

    /// <summary>Marketplace leads in the Lead Writer's shape; every 10th repeats an earlier e-mail (duplicates to find).</summary>
    public static Entity[] MarketplaceLeads(int n)
    {
        string[] sources = { "AppSource (SPZA)-PLT", "AzureMarketplace-INS", "AzurePortal-Create", "AppSource (SPZA)-StartTestDrive" };
        var leads = new Entity[n];
        for (int i = 0; i < n; i++)
        {
            leads[i] = new Entity("lead")
            {
                ["subject"] = sources[i % sources.Length] + "|contoso.offer" + (i % 7),
                ["firstname"] = "First" + i,
                ["lastname"] = "Last" + i,
                ["emailaddress1"] = "customer" + (i % 10 == 9 ? i - 1 : i) + "@company" + (i % 500) + ".com",
                ["companyname"] = "Company " + (i % 500),
                ["jobtitle"] = i % 3 == 0 ? "Chief Technology Officer" : "IT Manager",
                ["address1_country"] = i % 2 == 0 ? "US" : "Germany",
                ["telephone1"] = "+1 425 555 " + (i % 10000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        return leads;
    }

    /// <summary>One timed pass of each mode in one process (after a warm-up pass): wall time, plug-in reads and their ratios.</summary>
    public static void PrintComparison()
    {
        foreach (var mode in Enum.GetValues<Mode>()) Run(NewDataverse(mode), mode); // JIT and caches
        var results = new Dictionary<Mode, (double Seconds, int Reads, int Executions)>();
        foreach (var mode in Enum.GetValues<Mode>())
        {
            var dataverse = NewDataverse(mode);
            GC.Collect();
            var watch = Stopwatch.StartNew();
            var reads = Run(dataverse, mode);
            watch.Stop();
            results[mode] = (watch.Elapsed.TotalSeconds, reads, dataverse.Audit.Count);
            Console.WriteLine($"{mode}: {Leads} leads in {watch.Elapsed.TotalSeconds:F2} s ({Leads / watch.Elapsed.TotalSeconds:F0} leads/s), " +
                              $"{dataverse.Audit.Count} plug-in executions, {reads} plug-in reads ({(double)reads / Leads:F3} per lead), caller requests {dataverse.Counters.FromCaller}");
        }
        var bulk = results[Mode.CreateMultipleBatches];
        var single = results[Mode.SingleCreates];
        var shipped = results[Mode.CreateMultipleBatchesShippedCreateStep];
        Console.WriteLine($"ratio single Creates / CreateMultiple batches: wall time {single.Seconds / bulk.Seconds:F1}x, plug-in reads {(double)single.Reads / bulk.Reads:F0}x");
        Console.WriteLine($"ratio CreateMultiple with the shipped Create step / with the CreateMultiple step: wall time {shipped.Seconds / bulk.Seconds:F1}x, plug-in reads {(double)shipped.Reads / bulk.Reads:F0}x");
    }
}
