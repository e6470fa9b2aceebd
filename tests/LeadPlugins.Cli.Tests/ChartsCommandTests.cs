using LeadPlugins.Cli.Commands;
using LeadPlugins.Cli.Simulation;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using System.Xml.Linq;

namespace LeadPlugins.Cli.Tests;

/// <summary>
/// The charts' own FetchXML (read from Solution/src/charts) over the sample leads after a simulation with the real
/// plug-ins: each chart's numbers, cross-checked against the stored rows read without aggregation.
/// </summary>
[TestClass]
public sealed class ChartsCommandTests
{
    private static LeadSimulator _simulator = null!;
    private static SolutionComponents _components = null!;

    [ClassInitialize]
    public static void SimulateSamples(TestContext context)
    {
        _simulator = new LeadSimulator(Repo.Environment, new SimulationOptions { Now = Repo.Now, DiscardEvery = null });
        using var reader = new StreamReader(Repo.Sample("marketplace-payloads.jsonl"));
        var summary = _simulator.Run(reader, new RecordingOutput());
        Assert.AreEqual(9, summary.Leads);
        _components = SolutionComponents.Load(Repo.Environment.Solution.Directory);
    }

    private static IOrganizationService Service => _simulator.Dataverse.GetOrganizationService();

    private static ChartTable Chart(string name)
        => ChartsCommand.Tabulate(Service, _components.Charts.Single(c => c.Name == name), Repo.Environment, _components.Dependencies);

    private static List<Entity> Rows(string table, params string[] columns)
        => Service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(columns) }).Entities.ToList();

    private static string Label(string table, string column, Entity row)
        => row.GetAttributeValue<OptionSetValue>(column) is { } value ? Repo.Environment.Labels.Label(table, column, value.Value) : "(empty)";

    private static ChartDefinition Definition(string name) => _components.Charts.Single(c => c.Name == name);

    /// <summary>The chart's group-by columns, in order, as its FetchXML names them.</summary>
    private static string[] GroupColumns(ChartDefinition chart)
        => XElement.Parse(chart.FetchXml).Descendants("attribute").Where(a => (string?)a.Attribute("groupby") == "true").Select(a => (string)a.Attribute("name")!).ToArray();

    /// <summary>
    /// The chart's table read row by row (no aggregation) with its filter applied in C#: the charts use eq 1 on a
    /// yes/no column and not-null.
    /// </summary>
    private static List<Entity> PlainRows(ChartDefinition chart)
    {
        var conditions = XElement.Parse(chart.FetchXml).Descendants("condition").Select(c => (Column: (string)c.Attribute("attribute")!, Operator: (string)c.Attribute("operator")!)).ToList();
        var columns = GroupColumns(chart).Concat(conditions.Select(c => c.Column)).Distinct().ToArray();
        return Rows(chart.Table, columns).Where(row => conditions.All(c => c.Operator switch
        {
            "eq" => row.GetAttributeValue<bool?>(c.Column) == true,
            "not-null" => row.Contains(c.Column) && row[c.Column] != null,
            _ => throw new AssertFailedException("condition " + c.Operator + " not handled by this test"),
        })).ToList();
    }

    /// <summary>The chart's rows recounted from the plain rows: one group per distinct label combination.</summary>
    private static IEnumerable<(string[] Groups, int Count)> Recount(ChartDefinition chart)
    {
        var columns = GroupColumns(chart);
        return PlainRows(chart).GroupBy(row => string.Join("\u0001", columns.Select(c => Label(chart.Table, c, row))))
            .Select(g => (g.Key.Split('\u0001'), g.Count()));
    }

    /// <summary>Every group of the chart equals the count over the plain rows, and no group is left out.</summary>
    private static void AssertCounts(ChartTable chart, string measure, IEnumerable<(string[] Groups, int Count)> expected)
    {
        var list = expected.ToList();
        Assert.AreEqual(list.Count, chart.Rows.Count, chart.Chart.Name + ": groups");
        foreach (var (groups, count) in list)
            Assert.AreEqual(count, chart.Measure(measure, groups), chart.Chart.Name + ": " + string.Join(" / ", groups));
    }

    [TestMethod]
    public void Leads_by_storefront_and_action_counts_the_marketplace_leads_per_pair()
    {
        var chart = Chart("Marketplace leads by storefront and action");
        AssertCounts(chart, "leads", Recount(chart.Chart));
        CollectionAssert.AreEqual(new[] { "Storefront", "Lead action" }, chart.GroupColumns.ToList());
        // The sample's storefront mix: three AppSource leads, five Azure Marketplace ones.
        Assert.AreEqual(3, chart.Rows.Where(r => r.Groups[0] == "AppSource").Sum(r => r.Measures[0]));
        Assert.AreEqual(5, chart.Rows.Where(r => r.Groups[0] == "Azure Marketplace").Sum(r => r.Measures[0]));
        Assert.AreEqual(2, chart.Measure("leads", "Azure Marketplace", "Get it now"));
    }

    [TestMethod]
    public void Leads_by_rating_counts_hot_warm_and_cold()
    {
        var chart = Chart("Marketplace leads by rating");
        AssertCounts(chart, "leads", Recount(chart.Chart));
        CollectionAssert.AreEqual(new[] { "leadqualitycode" }, GroupColumns(chart.Chart));
        Assert.AreEqual(4, chart.Measure("leads", "Hot"));
        Assert.AreEqual(3, chart.Measure("leads", "Warm"));
        Assert.AreEqual(1, chart.Measure("leads", "Cold"));
    }

    [TestMethod]
    public void Leads_by_enrichment_status_shows_partial_next_to_enriched()
    {
        var chart = Chart("Leads by enrichment status");
        AssertCounts(chart, "leads", Recount(chart.Chart));
        Assert.AreEqual(6, chart.Measure("leads", "Enriched"));
        Assert.AreEqual(2, chart.Measure("leads", "Partial"));
        Assert.AreEqual(1, chart.Measure("leads", "Test"));
        Assert.AreEqual(9, chart.Rows.Sum(r => r.Measures[0]), "every simulated lead was enriched one way or another");
    }

    [TestMethod]
    public void Nurture_enrolments_by_status_counts_active_and_skipped()
    {
        var chart = Chart("Nurture enrolments by status");
        AssertCounts(chart, "enrolments", Recount(chart.Chart));
        Assert.AreEqual(7, chart.Measure("enrolments", "Active"));
        Assert.AreEqual(2, chart.Measure("enrolments", "Skipped"));
    }

    [TestMethod]
    public void Opportunities_by_storefront_count_and_sum_estimated_revenue()
    {
        // Simulation qualifies no lead, so the chart starts empty; opportunities qualified from marketplace leads are added here.
        Assert.AreEqual(0, Chart("Opportunities from the marketplace by storefront").Rows.Count);
        var service = Service;
        var storefront = GroupColumns(Definition("Opportunities from the marketplace by storefront")).Single();
        var appSource = new OptionSetValue(Repo.Environment.Labels.Value("opportunity", storefront, "AppSource")!.Value);
        var azure = new OptionSetValue(Repo.Environment.Labels.Value("opportunity", storefront, "Azure Marketplace")!.Value);
        var created = new List<Guid>
        {
            service.Create(new Entity("opportunity") { ["name"] = "A", [storefront] = appSource, ["estimatedvalue"] = new Money(1000m) }),
            service.Create(new Entity("opportunity") { ["name"] = "B", [storefront] = appSource, ["estimatedvalue"] = new Money(2500m) }),
            service.Create(new Entity("opportunity") { ["name"] = "C", [storefront] = azure, ["estimatedvalue"] = new Money(400m) }),
            service.Create(new Entity("opportunity") { ["name"] = "Not from the marketplace", ["estimatedvalue"] = new Money(9999m) }),
        };
        try
        {
            var chart = Chart("Opportunities from the marketplace by storefront");
            Assert.AreEqual(2, chart.Rows.Count);
            Assert.AreEqual(2, chart.Measure("opportunities", "AppSource"));
            Assert.AreEqual(3500m, chart.Measure("estimatedrevenue", "AppSource"));
            Assert.AreEqual(1, chart.Measure("opportunities", "Azure Marketplace"));
            Assert.AreEqual(400m, chart.Measure("estimatedrevenue", "Azure Marketplace"));
            CollectionAssert.AreEqual(new[] { "Count", "Sum of Est. Revenue" }, chart.MeasureColumns.ToList());
        }
        finally
        {
            foreach (var id in created) service.Delete("opportunity", id);
        }
    }

    [TestMethod]
    public void The_charts_command_prints_every_chart_after_simulating_the_file()
    {
        var result = CliRunner.Run("charts", Repo.Sample("marketplace-payloads.jsonl"), "--now", "2026-03-02T09:30:00Z");
        Assert.AreEqual(Cli.Success, result.Exit, result.Error);
        foreach (var chart in _components.Charts)
            StringAssert.Contains(result.Out.Replace("\n", " ", StringComparison.Ordinal), chart.Name.Split(' ')[0]);
        StringAssert.Contains(result.Out, "Azure Marketplace");
        StringAssert.Contains(result.Out, "Partial");
        StringAssert.Contains(result.Error, "9 leads simulated");
    }

    [TestMethod]
    public void The_charts_command_reports_a_missing_file()
    {
        var result = CliRunner.Run("charts", Path.Combine(Repo.NewTempDirectory(), "none.jsonl"));
        Assert.AreEqual(Cli.Failure, result.Exit);
        StringAssert.Contains(result.Error, "input not found");
    }
}
