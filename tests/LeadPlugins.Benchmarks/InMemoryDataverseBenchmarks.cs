using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using LeadPlugins.InMemory;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Benchmarks;

/// <summary>The in-memory Dataverse: bulk creates through an empty pipeline and indexed equality queries over 100,000 leads.</summary>
[MemoryDiagnoser]
public class InMemoryDataverseBenchmarks
{
    public const int Leads = 100_000;
    private static readonly SolutionSource Solution = SolutionSource.Load();
    private InMemoryDataverse _dataverse = null!;
    private IOrganizationService _service = null!;
    private int _next;

    private Entity[] _newLeads = Array.Empty<Entity>();

    /// <summary>A fresh Dataverse and the caller's 100,000 lead objects, made outside the measurement: the figure is the Create's own cost.</summary>
    [IterationSetup(Target = nameof(Create_100000_leads))]
    public void FreshDataverse()
    {
        _dataverse = new InMemoryDataverse(new InMemoryDataverseOptions { Solution = Solution });
        _service = _dataverse.GetOrganizationService();
        _newLeads = Enumerable.Range(0, Leads).Select(NewLead).ToArray();
    }

    /// <summary>Time and allocations are per lead (OperationsPerInvoke): creates/second = 1 / mean.</summary>
    [Benchmark(OperationsPerInvoke = Leads)]
    public void Create_100000_leads()
    {
        foreach (var lead in _newLeads) _service.Create(lead);
    }

    [GlobalSetup(Targets = new[] { nameof(RetrieveMultiple_indexed_equality_on_emailaddress1), nameof(RetrieveMultiple_unindexed_BeginsWith_scan) })]
    public void SeedLeads()
    {
        _dataverse = new InMemoryDataverse(new InMemoryDataverseOptions { Solution = Solution });
        _service = _dataverse.GetOrganizationService();
        _dataverse.Seed(Enumerable.Range(0, Leads).Select(i => new Entity("lead")
        {
            ["lastname"] = "Lead " + i,
            ["emailaddress1"] = "lead" + i + "@contoso.example",
            ["companyname"] = "Company " + (i % 1000),
        }).ToArray());
        RetrieveMultiple_indexed_equality_on_emailaddress1(); // builds the index once, as the first query of a run would
    }

    [Benchmark]
    public int RetrieveMultiple_indexed_equality_on_emailaddress1()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname", "emailaddress1") };
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, "LEAD" + (_next++ % Leads) + "@contoso.example");
        return _service.RetrieveMultiple(query).Entities.Count;
    }

    /// <summary>For contrast: a condition no hash index can serve scans all 100,000 rows.</summary>
    [Benchmark]
    public int RetrieveMultiple_unindexed_BeginsWith_scan()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.BeginsWith, "lead" + (_next++ % Leads) + "@");
        return _service.RetrieveMultiple(query).Entities.Count;
    }

    private static Entity NewLead(int i) => new("lead")
    {
        ["firstname"] = "Jane",
        ["lastname"] = "Lead " + i,
        ["subject"] = "Marketplace lead " + i,
        ["emailaddress1"] = "lead" + i + "@contoso.example",
        ["companyname"] = "Contoso",
        ["leadsourcecode"] = new OptionSetValue(8),
    };

    private static void CreateLeads(IOrganizationService service, int count)
    {
        for (var i = 0; i < count; i++) service.Create(NewLead(i));
    }

    /// <summary>Retained memory and peak working set of 100,000 leads created through the service.</summary>
    public static void PrintFootprint()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var dataverse = new InMemoryDataverse(new InMemoryDataverseOptions { Solution = Solution });
        var watch = Stopwatch.StartNew();
        CreateLeads(dataverse.GetOrganizationService(), Leads);
        watch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(dataverse);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"leads={Leads} elapsed_ms={watch.ElapsedMilliseconds} creates_per_second={Leads / watch.Elapsed.TotalSeconds:F0} " +
                          $"retained_mb={(after - before) / 1024.0 / 1024.0:F1} bytes_per_lead={(after - before) / Leads} peak_working_set_mb={process.PeakWorkingSet64 / 1024.0 / 1024.0:F1} " +
                          $"gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)}");
    }
}
