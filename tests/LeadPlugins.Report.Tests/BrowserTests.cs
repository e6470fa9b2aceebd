using System.Globalization;
using LeadPlugins.Cli.Tests;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Report.Tests;

/// <summary>
/// The samples' report in a real browser: Debian's chromium driven by Playwright (its node driver ships in the
/// package; no browser is ever downloaded). Opened from file://, every chart must have drawn what simulate --json
/// says, the problems filter must work, and the page must make no request and log no error.
/// </summary>
[TestClass]
public sealed class BrowserTests
{
    public const string Chromium = "/usr/bin/chromium";

    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static IPage? _page;
    private static readonly List<string> Requests = new();
    private static readonly List<string> ConsoleErrors = new();

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task Open(TestContext _)
    {
        if (!File.Exists(Chromium))
            Assert.Fail("Debian's chromium is not at " + Chromium + ": install it with `apt-get install -y chromium` (.ci/run does). Playwright's own browser download is not used.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = new[] { "--no-sandbox", "--disable-gpu" }, // root in CI has no user namespace sandbox
        });
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        _page = await context.NewPageAsync();
        _page.Request += (_, request) => Requests.Add(request.Url);
        _page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") ConsoleErrors.Add(message.Type + ": " + message.Text);
        };
        _page.PageError += (_, error) => ConsoleErrors.Add("page error: " + error);
        await _page.GotoAsync(new Uri(SampleReport.Path).AbsoluteUri);
    }

    [ClassCleanup]
    public static async Task Close()
    {
        if (_browser != null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    private static IPage Page => _page!;

    private static async Task<List<(string Category, string Series, int Value)>> Marks(string chart, string selector = "rect.bar")
    {
        var marks = new List<(string, string, int)>();
        foreach (var rect in await Page.Locator("#" + chart + " " + selector).AllAsync())
            marks.Add((await rect.GetAttributeAsync("data-category") ?? "", await rect.GetAttributeAsync("data-series") ?? "", int.Parse(await rect.GetAttributeAsync("data-value") ?? "0", CultureInfo.InvariantCulture)));
        return marks;
    }

    private static List<JObject> Leads => SampleReport.Leads;

    [TestMethod]
    public async Task Every_chart_drew_in_the_browser()
    {
        foreach (var chart in new[] { "chart-storefront-action", "chart-score-histogram", "chart-enrichment-status", "chart-owners", "chart-workload" })
        {
            var svg = Page.Locator("#" + chart);
            Assert.IsTrue(await svg.IsVisibleAsync(), chart);
            var box = await svg.BoundingBoxAsync();
            Assert.IsTrue(box is { Width: > 300, Height: > 20 }, chart + " has a size on the page");
            Assert.IsTrue(await Page.Locator("#" + chart + " rect").CountAsync() > 0, chart + " has marks");
            Assert.IsTrue((await Page.Locator("#" + chart + " text").AllTextContentsAsync()).Count(t => t.Trim().Length > 0) > 0, chart + " has labels");
            // A drawn mark has a rendered size (the SVG really laid out, not just sits in the DOM).
            var first = await Page.Locator("#" + chart + " rect[data-value]:not([data-value='0'])").First.BoundingBoxAsync();
            Assert.IsTrue(first is { Width: > 0, Height: > 0 }, chart + ": a non-empty mark has a size");
        }
    }

    [TestMethod]
    public async Task The_cards_match_simulates_json()
    {
        async Task<int> Card(string id) => int.Parse(await Page.Locator("#card-" + id).GetAttributeAsync("data-value") ?? "-1", CultureInfo.InvariantCulture);
        Assert.AreEqual(Leads.Count, await Card("leads"));
        Assert.AreEqual(Leads.Count(l => (bool?)l["isMarketplace"] == true), await Card("marketplace"));
        Assert.AreEqual(Leads.Count(l => (bool?)l["isCoSell"] == true), await Card("cosell"));
        Assert.AreEqual(Leads.Count(l => (bool?)l["isTestLead"] == true), await Card("test"));
        Assert.AreEqual(SampleReport.Rejected.Count, await Card("rejected"));
        Assert.AreEqual(Leads.Count(l => (string?)l["enrichmentStatus"] == "Partial"), await Card("partial"));
        Assert.AreEqual(Leads.Count(l => (string?)l["enrichmentStatus"] == "Failed"), await Card("failed"));
        Assert.AreEqual(Leads.Count(l => l["duplicateOfId"]?.Type == JTokenType.String), await Card("duplicates"));
        Assert.IsTrue(SampleReport.Rejected.Count > 0 && Leads.Count > 40, "the samples exercise the report");
    }

    [TestMethod]
    public async Task Storefront_by_action_matches_simulates_json()
    {
        var expected = Leads.Where(l => l["storefront"]?.Type == JTokenType.String)
            .GroupBy(l => ((string)l["storefront"]!, (string?)l["leadAction"] ?? "(no action)"))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Count())).OrderBy(x => x).ToList();
        var drawn = (await Marks("chart-storefront-action")).OrderBy(x => x).ToList();
        CollectionAssert.AreEqual(expected, drawn);
        var labels = await Page.Locator("#chart-storefront-action text.label").AllTextContentsAsync();
        CollectionAssert.AreEquivalent(expected.Select(e => e.Item1).Distinct().ToList(), labels.ToList());
    }

    [TestMethod]
    public async Task The_score_histogram_matches_simulates_json_and_shows_the_thresholds()
    {
        var bins = new int[10];
        foreach (var lead in Leads.Where(l => l["score"]?.Type == JTokenType.Integer)) bins[Math.Min(9, (int)lead["score"]! / 10)]++;
        var drawn = await Marks("chart-score-histogram");
        CollectionAssert.AreEqual(bins, drawn.Select(d => d.Value).ToArray());
        CollectionAssert.AreEqual(new[] { "0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80-89", "90-100" }, drawn.Select(d => d.Category).ToArray());
        var thresholds = await Page.Locator("#chart-score-histogram text.threshold-label").AllTextContentsAsync();
        CollectionAssert.AreEqual(new[] { "Warm ≥ 40", "Hot ≥ 70" }, thresholds.ToArray());
        // The lines are where the plug-ins really rated: every scored lead's rating agrees with them.
        foreach (var lead in Leads.Where(l => l["score"]?.Type == JTokenType.Integer && l["rating"]?.Type == JTokenType.String))
        {
            var score = (int)lead["score"]!;
            Assert.AreEqual(score >= 70 ? "Hot" : score >= 40 ? "Warm" : "Cold", (string?)lead["rating"], "score " + score);
        }
    }

    [TestMethod]
    public async Task Enrichment_status_and_owners_match_simulates_json()
    {
        var statuses = Leads.GroupBy(l => (string?)l["enrichmentStatus"] ?? "Not enriched").ToDictionary(g => g.Key, g => g.Count());
        var drawn = await Marks("chart-enrichment-status");
        CollectionAssert.AreEquivalent(statuses.ToList(), drawn.ToDictionary(d => d.Category, d => d.Value).ToList());
        var owners = Leads.GroupBy(l => (string?)l["owner"] ?? "(no owner)").ToDictionary(g => g.Key, g => g.Count());
        CollectionAssert.AreEquivalent(owners.ToList(), (await Marks("chart-owners")).ToDictionary(d => d.Category, d => d.Value).ToList());
    }

    [TestMethod]
    public async Task The_workload_heat_map_matches_the_nurture_steps_due_per_owner_and_week()
    {
        var expected = Leads.SelectMany(l => ((JArray)l["nurtureSteps"]!).Where(s => s["due"] is { Type: not JTokenType.Null })
                .Select(s => ((string?)l["owner"] ?? "(no owner)", SampleReport.WeekLabel(s["due"]!.ToObject<DateTime>().ToUniversalTime()))))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var drawn = (await Marks("chart-workload", "rect.cell")).Where(c => c.Value > 0).ToDictionary(c => (c.Category, c.Series), c => c.Value);
        CollectionAssert.AreEquivalent(expected.ToList(), drawn.ToList());
        Assert.IsTrue(expected.Values.Sum() > 0);
    }

    [TestMethod]
    public async Task Filtering_the_problems_table_works()
    {
        var rows = Page.Locator("#problem-table tbody tr");
        var all = await rows.CountAsync();
        Assert.AreEqual(SampleReport.Rejected.Count + Leads.Count(l => (string?)l["enrichmentStatus"] is "Partial" or "Failed"), all);
        var filter = Page.Locator("#problem-filter");
        Assert.IsTrue(await filter.IsVisibleAsync(), "the script shows the filter");

        await filter.FillAsync("leads-array");
        var visible = Page.Locator("#problem-table tbody tr:visible");
        Assert.AreEqual(1, await visible.CountAsync());
        StringAssert.Contains(await visible.First.TextContentAsync(), "nested deeper than 64 levels");
        StringAssert.Contains(await Page.Locator("#problem-count").TextContentAsync(), "1 of " + all + " shown");

        await filter.FillAsync("Partial");
        Assert.AreEqual(Leads.Count(l => (string?)l["enrichmentStatus"] == "Partial"), await visible.CountAsync());

        await filter.FillAsync("");
        Assert.AreEqual(all, await visible.CountAsync());

        // Sorting by line number, descending on the second click.
        var lineHeader = Page.Locator("#problem-table th", new PageLocatorOptions { HasText = "Line" });
        await lineHeader.ClickAsync();
        await lineHeader.ClickAsync();
        var lines = (await Page.Locator("#problem-table tbody tr td:nth-child(2)").AllTextContentsAsync()).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList();
        CollectionAssert.AreEqual(lines.OrderByDescending(x => x).ToList(), lines);
    }

    [TestMethod]
    public async Task A_lead_opens_to_its_score_reasons_and_nurture_timeline()
    {
        var lead = Page.Locator("details.lead").Filter(new LocatorFilterOptions { HasText = "Zoë Müller" }).First;
        await lead.Locator("summary").ClickAsync();
        Assert.IsTrue(await lead.Locator("ul.reasons li").First.IsVisibleAsync());
        Assert.IsTrue(await lead.Locator("ol.timeline li").CountAsync() > 0);
    }

    [TestMethod]
    public async Task The_page_made_no_request_and_logged_no_error_and_a_screenshot_is_kept()
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var own = new Uri(SampleReport.Path).AbsoluteUri;
        CollectionAssert.AreEqual(new[] { own }, Requests.Distinct().ToArray(), "only the report itself was loaded");
        Assert.AreEqual(0, ConsoleErrors.Count, string.Join("\n", ConsoleErrors));

        var directory = Path.Combine(Repo.Root, "tests", "LeadPlugins.Report.Tests", "TestResults");
        Directory.CreateDirectory(directory);
        var screenshot = Path.Combine(directory, "report.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.IsTrue(new FileInfo(screenshot).Length > 10_000);
        TestContext.AddResultFile(screenshot);
    }
}
