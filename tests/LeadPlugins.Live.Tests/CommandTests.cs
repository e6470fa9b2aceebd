using System.Text.RegularExpressions;
using LeadPlugins.Schema;
using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using LeadPlugins.Cli;
using LeadPlugins.Cli.Simulation;
using LeadPlugins.Emulator;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Enrichment;
using Microsoft.Xrm.Sdk;
using Spectre.Console;

namespace LeadPlugins.Live.Tests;

/// <summary>doctor, export and backfill through the real CLI against the emulator.</summary>
[TestClass]
public sealed class CommandTests
{
    private const string Secret = "PLANTED-s3cret-4e7a91";

    private sealed record Result(int Exit, string Out, string Error);

    private static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Cli.Cli.Run(args, new CliConsoles(Console(output), Console(error)));
        return new Result(exit, output.ToString(), error.ToString());
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No });
        console.Profile.Width = 240;
        return console;
    }

    private static string Connection(TestHost host) => "AuthType=ClientSecret;Url=" + host.Emulator.Url + ";ClientId=11111111-2222-3333-4444-555555555555;ClientSecret=" + Secret;

    /// <summary>A solution zip like the packed one: solution.xml and the steps the plug-in code declares (generated here, never committed).</summary>
    private static string SolutionZip()
    {
        var path = Path.Combine(Path.GetTempPath(), "leadplugins-live-" + Guid.NewGuid().ToString("N") + ".zip");
        var assembly = typeof(LeadPlugins.Plugins.EnrichMarketplaceLead).Assembly;
        var steps = assembly.GetTypes().SelectMany(t => t.GetCustomAttributes<PluginStepAttribute>(false).Select(a => new XElement("SdkMessageProcessingStep",
            new XAttribute("Name", a.Name!),
            new XElement("PluginTypeName", t.FullName + ", " + assembly.GetName().Name + ", Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"),
            new XElement("PrimaryEntity", a.EntityLogicalName), new XElement("Mode", (int)a.Mode), new XElement("Stage", (int)a.Stage))));
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            void Add(string name, XDocument document)
            {
                using var stream = zip.CreateEntry(name).Open();
                document.Save(stream);
            }
            Add("solution.xml", new XDocument(new XElement("ImportExportXml", new XElement("SolutionManifest", new XElement("UniqueName", "LeadPlugins"),
                new XElement("LocalizedNames", new XElement("LocalizedName", new XAttribute("description", "Lead Plugins"))), new XElement("Version", "1.0.0.0"), new XElement("Managed", 1)))));
            Add("customizations.xml", new XDocument(new XElement("ImportExportXml", new XElement("SdkMessageProcessingSteps", steps))));
        }
        return path;
    }

    private static async Task<TestHost> HealthyHostAsync()
    {
        var host = await TestHost.StartAsync();
        var zip = SolutionZip();
        try
        {
            Assert.AreEqual(0, host.Emulator.Install(zip, typeof(LeadPlugins.Plugins.EnrichMarketplaceLead).Assembly).Count);
        }
        finally
        {
            File.Delete(zip);
        }
        host.Emulator.AddSolution("MicrosoftMarketplacesLeadIntegration", "1.0.0.0", "Microsoft Marketplace Lead Writer");
        return host;
    }

    [TestMethod]
    public async Task Installed_steps_enrich_leads_created_over_http_and_doctor_finds_the_host_healthy()
    {
        await using var host = await HealthyHostAsync();
        var id = host.Client.Create(new Entity("lead") { ["subject"] = "AzureMarketplace-INS|contoso.widget", ["lastname"] = "Hopper", ["emailaddress1"] = "grace@tailspin.example" });
        Assert.IsNotNull(host.Dataverse.Get("lead", id)!.GetAttributeValue<OptionSetValue>(LeadTable.Columns.Storefront), "the installed Create step enriched the lead");

        var result = Run("doctor", "--connection", Connection(host));

        Assert.AreEqual(0, result.Exit, result.Out + result.Error);
        StringAssert.Contains(result.Out, "LeadPlugins 1.0.0.0 installed");
        StringAssert.Contains(result.Out, "registered and enabled");
        StringAssert.Contains(result.Error, "healthy");
        Assert.IsFalse((result.Out + result.Error).Contains(Secret, StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Doctor_reports_a_disabled_step_failed_jobs_and_never_enriched_leads_one_line_each_with_what_to_do()
    {
        await using var host = await HealthyHostAsync();
        var step = typeof(LeadPlugins.Plugins.EnrichMarketplaceLead).GetCustomAttribute<PluginStepAttribute>()!.Name!;
        host.Emulator.DisableStep(step);
        host.Emulator.AddSystemJob("LeadPlugins: enrol lead in nurture", failed: true, "Sequence not found", host.Dataverse.Now());
        host.Dataverse.Seed(new Entity("lead") { ["subject"] = "AppSource (SPZA)-PLT|fabrikam.crm-accelerator", ["lastname"] = "Before" });

        var result = Run("doctor", "--connection", Connection(host), "--json");

        Assert.AreEqual(1, result.Exit, result.Out + result.Error);
        var findings = result.Out.Split('\n').Where(l => l.Contains("\"healthy\":false", StringComparison.Ordinal)).ToList();
        Assert.IsTrue(findings.Any(l => l.Contains("is disabled", StringComparison.Ordinal) && l.Contains(step, StringComparison.Ordinal) && l.Contains("\"action\":\"enable it", StringComparison.Ordinal)));
        Assert.IsTrue(findings.Any(l => l.Contains("failed system job", StringComparison.Ordinal) && l.Contains("Sequence not found", StringComparison.Ordinal)));
        Assert.IsTrue(findings.Any(l => l.Contains("never enriched", StringComparison.Ordinal) && l.Contains("backfill", StringComparison.Ordinal)));
        Assert.AreEqual(3, findings.Count, string.Join("\n", findings));
        Assert.IsFalse((result.Out + result.Error).Contains(Secret, StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Doctor_on_an_empty_environment_says_what_to_install()
    {
        await using var host = await TestHost.StartAsync();

        var result = Run("doctor", "--url", host.Emulator.Url.ToString());

        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Out, "LeadPlugins is not installed");
        StringAssert.Contains(result.Out, "Microsoft Marketplace Lead Writer is not installed");
    }

    [TestMethod]
    public async Task Export_writes_one_row_per_lead_in_a_stable_order_that_simulate_reads_back()
    {
        await using var host = await HealthyHostAsync();
        for (var i = 0; i < 25; i++)
            host.Client.Create(new Entity("lead") { ["subject"] = i % 5 == 0 ? "Website enquiry" : "AzureMarketplace-INS|contoso.widget", ["lastname"] = "L" + i, ["emailaddress1"] = "p" + i + "@contoso.example" });
        var first = Path.GetTempFileName();
        var second = Path.GetTempFileName();
        try
        {
            var result = Run("export", "--connection", Connection(host), "--out", first);
            Assert.AreEqual(0, result.Exit, result.Error);
            Assert.AreEqual(0, Run("export", "--url", host.Emulator.Url.ToString(), "--out", second).Exit);

            Assert.AreEqual(File.ReadAllText(first), File.ReadAllText(second), "two exports of the same data are identical");
            var header = File.ReadLines(first).First().Split(',');
            CollectionAssert.Contains(header, LeadTable.Columns.Storefront);
            CollectionAssert.Contains(header, LeadTable.Columns.LeadScore);
            CollectionAssert.Contains(header, "subject");

            var environment = SimulationEnvironment.Load();
            using var reader = new StreamReader(first);
            var records = new LeadInput(environment.Values).Read(reader, InputFormat.Auto).ToList();
            Assert.AreEqual(25, records.Count);
            Assert.IsTrue(records.All(r => r.Lead != null), string.Join("; ", records.Where(r => r.Error != null).Select(r => r.Error)));
            Assert.AreEqual(20, records.Count(r => r.Lead!.Contains(LeadTable.Columns.Storefront)));
            CollectionAssert.AreEquivalent(host.Dataverse.Query("lead").Select(l => l.Id).ToList(), records.Select(r => r.Lead!.GetAttributeValue<Guid?>(LeadTable.Columns.LeadId) ?? r.Lead.Id).ToList(), "one row per lead");
            Assert.IsFalse((result.Out + result.Error).Contains(Secret, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [TestMethod]
    public async Task Backfill_command_dry_run_then_apply_then_nothing_left_and_the_secret_never_printed()
    {
        await using var host = await TestHost.StartAsync();
        host.Dataverse.Seed(Enumerable.Range(0, 12).Select(i => new Entity("lead") { ["subject"] = i % 4 == 0 ? "Website enquiry" : "AzureMarketplace-INS|contoso.widget", ["lastname"] = "B" + i }).ToArray());
        var checkpoint = Path.Combine(Path.GetTempPath(), "leadplugins-cmd-" + Guid.NewGuid().ToString("N") + ".json");
        var outputs = new List<Result>();

        var dry = Run("backfill", "--connection", Connection(host), "--checkpoint", checkpoint);
        outputs.Add(dry);
        Assert.AreEqual(0, dry.Exit, dry.Error);
        StringAssert.Contains(dry.Out, LeadTable.Columns.Storefront);
        StringAssert.Contains(dry.Error, "dry run: nothing was written");
        Assert.AreEqual(0, host.Dataverse.Counters["UpdateMultiple"]);

        var apply = Run("backfill", "--connection", Connection(host), "--checkpoint", checkpoint, "--apply", "--json");
        outputs.Add(apply);
        Assert.AreEqual(0, apply.Exit, apply.Error);
        Assert.AreEqual(9, apply.Out.Split('\n').Count(l => l.StartsWith("{\"leadid\"", StringComparison.Ordinal)));
        StringAssert.Contains(apply.Error, "9 written");
        StringAssert.Contains(apply.Error, "+ 1 writes");

        var again = Run("backfill", "--connection", Connection(host), "--checkpoint", checkpoint, "--apply");
        outputs.Add(again);
        StringAssert.Contains(again.Error, "0 written");
        Assert.IsTrue(outputs.All(o => !(o.Out + o.Error).Contains(Secret, StringComparison.Ordinal)), "the planted secret appears in no output");
    }

    [TestMethod]
    public async Task Backfill_report_is_the_dry_run_report_self_contained_with_the_runs_counts()
    {
        await using var host = await TestHost.StartAsync();
        host.Dataverse.Seed(BackfillReportTests.MixedLeads(70));
        var report = Path.Combine(Path.GetTempPath(), "leadplugins-backfill-" + Guid.NewGuid().ToString("N") + ".html");
        try
        {
            var dry = Run("backfill", "--connection", Connection(host), "--checkpoint", report + ".checkpoint", "--report", report);

            Assert.AreEqual(0, dry.Exit, dry.Error);
            Assert.IsTrue(File.Exists(report), dry.Error);
            var html = File.ReadAllText(report);
            // 70 leads: 10 not marketplace (every 7th), 60 marketplace of which 12 test leads (every 5th, not every 35th).
            StringAssert.Contains(dry.Error, "70 read, 60 marketplace");
            StringAssert.Contains(html, "id=\"card-leads\" data-value=\"70\"");
            StringAssert.Contains(html, "id=\"card-marketplace\" data-value=\"60\"");
            StringAssert.Contains(html, "id=\"card-test\" data-value=\"12\"");
            StringAssert.Contains(html, "Backfill dry run: " + host.Emulator.Url.Authority);
            Assert.IsFalse(Regex.IsMatch(html, "(?i)<script[^>]+src=|<link|https?://(?!www\\.w3\\.org/2000/svg)"), "self-contained: nothing is loaded from elsewhere");
            Assert.AreEqual(0, host.Dataverse.Counters["UpdateMultiple"], "the dry run wrote nothing");
        }
        finally
        {
            File.Delete(report);
        }
    }

    [TestMethod]
    public void Live_commands_without_an_environment_say_how_to_give_one()
    {
        var previous = Environment.GetEnvironmentVariable(LeadPlugins.WebApi.DataverseConnection.EnvironmentVariable);
        Environment.SetEnvironmentVariable(LeadPlugins.WebApi.DataverseConnection.EnvironmentVariable, null);
        try
        {
            var result = Run("doctor");
            Assert.AreEqual(1, result.Exit);
            StringAssert.Contains(result.Error, "--url");
            var bad = Run("backfill", "--connection", "AuthType=ClientSecret;Url=http://contoso.example;ClientSecret=" + Secret);
            Assert.AreEqual(1, bad.Exit);
            StringAssert.Contains(bad.Error, "loopback");
            Assert.IsFalse((bad.Out + bad.Error).Contains(Secret, StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(LeadPlugins.WebApi.DataverseConnection.EnvironmentVariable, previous);
        }
    }
}
