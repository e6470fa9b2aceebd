using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using LeadPlugins.Cli.Report;
using LeadPlugins.Cli.Simulation;
using LeadPlugins.Cli.Tests;

namespace LeadPlugins.Report.Tests;

[TestClass]
public sealed class HtmlTests
{
    private static (AngleSharp.Html.Dom.IHtmlDocument Document, List<string> Errors) Parse(string html)
    {
        var errors = new List<string>();
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
        parser.Error += (_, e) => errors.Add(((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message + " at " + ((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Position);
        return (parser.ParseDocument(html), errors);
    }

    [TestMethod]
    public void The_samples_report_parses_without_an_error()
    {
        var (document, errors) = Parse(File.ReadAllText(SampleReport.Path));
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors.Take(10)));
        Assert.AreEqual(5, document.QuerySelectorAll("svg.chart").Length);
        Assert.AreEqual(8, document.QuerySelectorAll(".card").Length);
    }

    [TestMethod]
    public void Demo_prints_where_the_report_is()
        => StringAssert.Contains(SampleReport.DemoOutput, "Report ");

    [TestMethod]
    public void The_report_references_no_external_url_and_forbids_the_network()
    {
        var html = File.ReadAllText(SampleReport.Path);
        var (document, _) = Parse(html);
        foreach (var element in document.All)
            foreach (var attribute in element.Attributes)
                if (attribute.Name is "src" or "href" or "xlink:href" or "action" or "poster" or "srcset" or "data")
                    Assert.Fail("<" + element.LocalName + " " + attribute.Name + "=\"" + attribute.Value + "\"> loads something");
        Assert.AreEqual(0, document.QuerySelectorAll("link, iframe, img, object, embed, audio, video, source, base, form").Length);
        Assert.AreEqual(0, document.QuerySelectorAll("script[src]").Length);
        // Only the SVG namespace may look like a URL, and it is an identifier, not a request.
        var withoutNamespaces = html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal);
        var urls = Regex.Matches(withoutNamespaces, @"(?i)(https?:|ftp:|file:|//[a-z0-9.-]+\.[a-z]{2,}|url\(|@import)").Select(m => m.Value).ToList();
        Assert.AreEqual(0, urls.Count, string.Join(", ", urls.Distinct()));
        var csp = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content");
        StringAssert.StartsWith(csp, "default-src 'none'");
    }

    [TestMethod]
    public void Input_text_passes_the_sanitiser_then_html_encoding()
    {
        var collector = new ReportCollector();
        collector.BeginSource("evil\u001b]0;pwned\u0007.csv");
        collector.Add(new SimulatedLead
        {
            Input = 2,
            Name = "<script>alert(1)</script>\u001b[2J\u202Egnp.exe",
            Storefront = "App<b>Source",
            LeadAction = "Contact me",
            Owner = "O'Brien & \"Sons\"",
            EnrichmentStatus = "Partial",
            EnrichmentMessage = "<img src=x onerror=alert(1)>",
            Score = 55,
            ScoreReason = "Contact me (PLT) +20\n<i>injected</i> +5",
        });
        collector.AddRejected(3, "bad <tag> \u0000 here");
        collector.EndSource(new SimulationSummary());
        var html = HtmlReport.Render(collector, "t", new DateTime(2026, 3, 2));
        var (document, errors) = Parse(html);
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        Assert.AreEqual(1, document.QuerySelectorAll("script").Length, "only the report's own script");
        Assert.AreEqual(0, document.QuerySelectorAll("img, b, i").Length);
        Assert.IsFalse(html.Contains('\u001b'), "no raw ESC");
        Assert.IsFalse(html.Contains('\u202E'), "no raw bidi override");
        Assert.IsFalse(html.Contains('\u0000'), "no raw NUL");
        StringAssert.Contains(document.Body!.TextContent, "<script>alert(1)</script>\\u001B[2J\\u202Egnp.exe");
        StringAssert.Contains(document.Body.TextContent, "evil\\u001B]0;pwned\\u0007.csv");
        Assert.AreEqual("App<b>Source", document.QuerySelector("#chart-storefront-action rect.bar")!.GetAttribute("data-category"));
    }

    [TestMethod]
    public void Problems_and_drill_down_are_capped_with_a_count_of_the_rest()
    {
        var collector = new ReportCollector();
        collector.BeginSource("big.jsonl");
        for (var i = 0; i < ReportCollector.MaxProblems + 25; i++) collector.AddRejected(i + 1, "bad");
        for (var i = 0; i < ReportCollector.MaxDrillDown + 10; i++) collector.Add(new SimulatedLead { Input = i, Name = "L" + i, Score = i % 101 });
        collector.EndSource(new SimulationSummary());
        var (document, _) = Parse(HtmlReport.Render(collector, "t", DateTime.UtcNow));
        Assert.AreEqual(ReportCollector.MaxProblems, document.QuerySelectorAll("#problem-table tbody tr").Length);
        StringAssert.Contains(document.QuerySelector("#problems .more")!.TextContent, "and 25 more problem(s)");
        Assert.AreEqual(ReportCollector.MaxDrillDown, document.QuerySelectorAll("details.lead").Length);
        StringAssert.Contains(document.QuerySelector("#leads .more")!.TextContent, "and 10 more lead(s)");
        Assert.AreEqual(ReportCollector.MaxProblems + 25, int.Parse(document.QuerySelector("#card-rejected")!.GetAttribute("data-value")!));
    }
}
