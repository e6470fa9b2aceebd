using AngleSharp.Html.Parser;
using LeadPlugins.Cli.Report;
using LeadPlugins.Cli.Simulation;

namespace LeadPlugins.Report.Tests;

[TestClass]
public sealed class SvgWriterTests
{
    private static AngleSharp.Dom.IElement Svg(string svg) => new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + svg).QuerySelector("svg")!;

    [TestMethod]
    public void Stacked_bars_stack_each_category_and_label_it_with_its_total()
    {
        var svg = Svg(SvgWriter.StackedBars("c", "T", new[] { "AppSource", "Azure Marketplace" }, new[] { "Contact me", "Get it now" },
            new[] { new ChartPoint("AppSource", "Contact me", 3), new ChartPoint("AppSource", "Get it now", 1), new ChartPoint("Azure Marketplace", "Get it now", 4) }));
        var bars = svg.QuerySelectorAll("rect.bar").Select(r => (r.GetAttribute("data-category"), r.GetAttribute("data-series"), r.GetAttribute("data-value"))).ToList();
        CollectionAssert.AreEqual(new[] { ("AppSource", "Contact me", "3"), ("AppSource", "Get it now", "1"), ("Azure Marketplace", "Get it now", "4") }, bars);
        CollectionAssert.AreEqual(new[] { "4", "4" }, svg.QuerySelectorAll("text.total").Select(t => t.TextContent).ToArray());
        var rects = svg.QuerySelectorAll("rect.bar").ToList();
        var y = (AngleSharp.Dom.IElement r) => double.Parse(r.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture);
        var h = (AngleSharp.Dom.IElement r) => double.Parse(r.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(y(rects[0]), y(rects[1]) + h(rects[1]), 0.01, "the second series sits on the first");
        Assert.AreEqual(h(rects[2]), h(rects[0]) + h(rects[1]), 0.01, "equal totals, equal heights");
        Assert.AreEqual("T", svg.QuerySelector("title")!.TextContent);
        Assert.AreEqual("img", svg.GetAttribute("role"));
        CollectionAssert.AreEqual(new[] { "Contact me", "Get it now" }, svg.QuerySelectorAll("text.legend-label").Select(t => t.TextContent).ToArray());
    }

    [TestMethod]
    public void The_histogram_draws_each_bin_and_a_line_per_threshold()
    {
        var bins = Enumerable.Range(0, 10).Select(b => (ReportCollector.ScoreBinLabel(b), b)).ToList();
        var svg = Svg(SvgWriter.Histogram("h", "Scores", bins, new[] { ("Warm ≥ 40", 4.0), ("Hot ≥ 70", 7.0) }));
        Assert.AreEqual(10, svg.QuerySelectorAll("rect.bar").Length);
        Assert.AreEqual("90-100", svg.QuerySelectorAll("rect.bar").Last().GetAttribute("data-category"));
        CollectionAssert.AreEqual(new[] { "Warm ≥ 40", "Hot ≥ 70" }, svg.QuerySelectorAll("line.threshold").Select(l => l.GetAttribute("data-threshold")).ToArray());
        Assert.AreEqual(0.0, double.Parse(svg.QuerySelectorAll("rect.bar").First().GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture), "an empty bin has no height");
    }

    [TestMethod]
    public void The_heat_map_has_a_cell_per_row_and_column_and_labels_only_busy_ones()
    {
        var svg = Svg(SvgWriter.HeatMap("w", "Work", new[] { "Ann", "Bo" }, new[] { "03-02", "03-09" }, new[] { new ChartPoint("Ann", "03-02", 5), new ChartPoint("Bo", "03-09", 1) }));
        Assert.AreEqual(4, svg.QuerySelectorAll("rect.cell").Length);
        CollectionAssert.AreEqual(new[] { "5", "1" }, svg.QuerySelectorAll("text.cell-label").Select(t => t.TextContent).ToArray());
        Assert.AreEqual("cell h5", svg.QuerySelector("rect[data-category='Ann'][data-series='03-02']")!.GetAttribute("class"));
        Assert.AreEqual("cell h0", svg.QuerySelector("rect[data-category='Ann'][data-series='03-09']")!.GetAttribute("class"));
    }

    [TestMethod]
    public void Labels_are_sanitised_and_cut()
    {
        var svg = SvgWriter.HorizontalBars("b", "B", new[] { ("\u001b[31m<red>" + new string('x', 100), 2) });
        Assert.IsFalse(svg.Contains('\u001b'));
        StringAssert.Contains(svg, "\\u001B[31m&lt;red&gt;");
        StringAssert.Contains(svg, "…[+");
    }
}

[TestClass]
public sealed class ReportCollectorTests
{
    [TestMethod]
    public void Leads_are_counted_into_the_charts_groupings()
    {
        var collector = new ReportCollector();
        var due = new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc); // a Wednesday
        collector.Add(new SimulatedLead { IsMarketplace = true, Storefront = "AppSource", LeadAction = "Contact me", Score = 75, EnrichmentStatus = "Enriched", Owner = "Ann",
            NurtureSteps = new[] { new NurtureStep(1, "Task", "a", due), new NurtureStep(2, "E-mail", "b", due.AddDays(7)) } });
        collector.Add(new SimulatedLead { IsMarketplace = true, Storefront = "AppSource", LeadAction = "Contact me", Score = 100, EnrichmentStatus = "Partial", EnrichmentMessage = "no e-mail", Owner = "Ann", DuplicateOfId = Guid.NewGuid() });
        collector.Add(new SimulatedLead { IsCoSell = true, EnrichmentStatus = "Co-sell" });
        collector.AddRejected(9, "bad");
        Assert.AreEqual(3, collector.Leads);
        Assert.AreEqual(2, collector.Marketplace);
        Assert.AreEqual(1, collector.CoSell);
        Assert.AreEqual(1, collector.Duplicates);
        Assert.AreEqual(1, collector.Partial);
        Assert.AreEqual(1, collector.Rejected);
        Assert.AreEqual(2, collector.StorefrontActions[("AppSource", "Contact me")]);
        Assert.AreEqual(1, collector.ScoreHistogram[7]);
        Assert.AreEqual(1, collector.ScoreHistogram[9], "100 is in the last bin");
        Assert.AreEqual(1, collector.Unscored);
        Assert.AreEqual(1, collector.Workload[("Ann", new DateTime(2026, 3, 2))]);
        Assert.AreEqual(1, collector.Workload[("Ann", new DateTime(2026, 3, 9))]);
        Assert.AreEqual(1, collector.Owners[ReportCollector.NoOwner]);
        CollectionAssert.AreEqual(new[] { "Partial", "Rejected" }, collector.Problems.Select(p => p.Kind).ToArray());
    }
}
