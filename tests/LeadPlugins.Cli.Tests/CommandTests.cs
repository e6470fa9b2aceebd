using LeadPlugins.Cli.Commands;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Tests;

[TestClass]
public sealed class SimulateCommandTests
{
    private const string Now = "2026-03-02T09:30:00Z";

    private static readonly string[] RequiredFields =
    {
        "input", "isMarketplace", "storefront", "audience", "campaignType", "listingType", "leadAction", "offerTitle", "isCoSell",
        "isTestLead", "funnelStage", "campaign", "enrichmentStatus", "enrichmentMessage", "score", "scoreReason", "rating", "owner",
        "duplicateOf", "nurtureSequence", "nurtureSteps", "serviceCalls",
    };

    private static List<JObject> JsonLines(string stdout)
        => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();

    [TestMethod]
    [DataRow("marketplace-payloads.jsonl", 9)]
    [DataRow("lead-rows.jsonl", 15)]
    [DataRow("partner-center-leads.csv", 5)]
    public void Json_gives_one_parseable_object_per_lead_with_every_field(string sample, int leads)
    {
        var result = CliRunner.Run("simulate", Repo.Sample(sample), "--json", "--now", Now);
        Assert.AreEqual(0, result.Exit, result.Error);
        var objects = JsonLines(result.Out);
        Assert.AreEqual(leads, objects.Count);
        foreach (var json in objects)
        {
            foreach (var field in RequiredFields) Assert.IsTrue(json.ContainsKey(field), field + " missing in " + json);
            Assert.IsFalse(json.ContainsKey("traces"), "traces only with --verbose");
            Assert.AreEqual(JTokenType.Integer, json["input"]!.Type);
            Assert.AreEqual(JTokenType.Array, json["nurtureSteps"]!.Type);
            Assert.AreEqual("Sam Seller", (string?)json["owner"]);
        }
        var firstLine = sample.EndsWith(".csv", StringComparison.Ordinal) ? 2 : 1;
        CollectionAssert.AreEqual(Enumerable.Range(firstLine, leads).ToArray(), objects.Select(o => (int)o["input"]!).ToArray());
        StringAssert.Contains(result.Error, leads + " lead(s) simulated", "the summary goes to stderr, never into the JSON");
        StringAssert.Contains(result.Error, "leads/s");
        StringAssert.Contains(result.Error, "peak working set");
    }

    [TestMethod]
    public void Json_reports_rejected_lines_in_order_and_verbose_adds_traces()
    {
        var result = CliRunner.Run("simulate", Repo.Sample("malformed.jsonl"), "--json", "--verbose", "--now", Now);
        Assert.AreEqual(1, result.Exit, "a run with bad lines completes, and its exit code tells a script lines were rejected");
        var objects = JsonLines(result.Out);
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5, 6, 7 }, objects.Select(o => (int)o["input"]!).ToArray());
        Assert.IsTrue(objects.Take(3).All(o => (bool?)o["rejected"] == true && ((string)o["error"]!).StartsWith("invalid JSON", StringComparison.Ordinal)));
        Assert.IsTrue(objects.Skip(3).All(o => o["traces"] is JArray));
        Assert.AreEqual(2, ((JArray)objects[3]["notes"]!).Count, "line 4's array and object values are noted");
    }

    [TestMethod]
    public void Tables_print_a_row_per_lead_and_rejections_on_stderr()
    {
        var result = CliRunner.Run("simulate", Repo.Sample("malformed.jsonl"), "--now", Now);
        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Out, "Storefront");
        StringAssert.Contains(result.Out, "Licate");
        StringAssert.Contains(result.Error, "line 1: rejected: invalid JSON");
        StringAssert.Contains(result.Error, "line 3: rejected: invalid JSON");
        StringAssert.Contains(result.Error, "3 rejected (line 1, 2, 3)");
        Assert.IsFalse(result.Out.Contains("rejected", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Batch_size_uses_CreateMultiple()
    {
        var result = CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), "--json", "--batch-size", "4", "--now", Now);
        Assert.AreEqual(0, result.Exit);
        Assert.AreEqual(15, JsonLines(result.Out).Count);
        StringAssert.Contains(result.Error, "CreateMultiple batches of 4");
        StringAssert.Contains(result.Error, "CreateMultiple 4");
        Assert.IsFalse(result.Error.Contains("Create 1", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Seed_config_names_the_caller()
    {
        var result = CliRunner.Run("simulate", Repo.Sample("partner-center-leads.csv"), "--json", "--seed-config", Repo.TestData("seed-config.json"), "--now", Now);
        Assert.AreEqual(0, result.Exit, result.Error);
        // The seeded caller creates the leads: unrouted ones stay hers; AppSource ones go to the storefront's default owner.
        var owners = JsonLines(result.Out).Select(o => (string?)o["owner"]).ToList();
        CollectionAssert.IsSubsetOf(owners.Distinct().ToList(), new[] { "Sam Seller", "Avery AppSource" });
        CollectionAssert.Contains(owners, "Sam Seller");
        CollectionAssert.Contains(owners, "Avery AppSource");
    }

    [TestMethod]
    public void Format_can_be_forced()
    {
        var result = CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), "--format", "payload", "--json", "--now", Now);
        Assert.AreEqual(0, result.Exit);
        var first = JsonLines(result.Out)[0];
        Assert.IsNull((string?)first["name"], "as a payload, a lead row has no UserDetails");
        StringAssert.Contains(result.Error, "(payload)");
    }

    [TestMethod]
    public void Discard_runs_and_reports_fresh_dataverses()
    {
        var path = Repo.WriteTemp("leads.jsonl", string.Join("\n", Enumerable.Range(1, 30).Select(i => "{\"lastname\":\"L" + i + "\",\"emailaddress1\":\"l" + (i % 7) + "@contoso.com\"}")));
        var result = CliRunner.Run("simulate", path, "--json", "--discard", "10", "--batch-size", "5");
        Assert.AreEqual(0, result.Exit, result.Error);
        Assert.AreEqual(30, JsonLines(result.Out).Count);
        StringAssert.Contains(result.Error, "3 fresh in-memory Dataverse(s)");
    }

    [TestMethod]
    [DataRow("simulate", "missing.jsonl")]
    public void A_missing_file_exits_1(string command, string file)
    {
        var result = CliRunner.Run(command, Path.Combine(Repo.NewTempDirectory(), file));
        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Error, "file not found");
    }

    [TestMethod]
    public void An_unusable_csv_header_exits_1()
    {
        var result = CliRunner.Run("simulate", Repo.WriteTemp("leads.csv", "not json at all\nsecond line\n"));
        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Error, "unusable input");
        StringAssert.Contains(result.Error, "no column of the header names a lead column");
    }

    [TestMethod]
    public void An_invalid_seed_config_exits_1()
    {
        var config = Repo.WriteTemp("seed.json", "{\"rows\":{\"mpl_offer\":[{\"mpl_name\":\"X\",\"mpl_colour\":\"red\"}]}}");
        var result = CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), "--seed-config", config);
        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Error, "rows.mpl_offer[0]: unknown column 'mpl_colour'");
    }

    [TestMethod]
    [DataRow("--batch-size", "0")]
    [DataRow("--format", "xml")]
    [DataRow("--now", "yesterday-ish")]
    [DataRow("--discard", "-5")]
    [DataRow("--colour", "red")]
    public void Usage_errors_exit_2(string option, string value)
    {
        var result = CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), option, value);
        Assert.AreEqual(2, result.Exit, result.Out + result.Error);
        Assert.IsFalse(result.Out.Contains("lead(s) simulated", StringComparison.Ordinal) || result.Error.Contains("lead(s) simulated", StringComparison.Ordinal), "nothing ran");
    }

    [TestMethod]
    public void A_missing_file_argument_exits_2()
        => Assert.AreEqual(2, CliRunner.Run("simulate").Exit);

    [TestMethod]
    public void Empty_input_completes_with_no_leads()
    {
        var result = CliRunner.Run("simulate", Repo.WriteTemp("empty.jsonl", "\n\n"), "--json");
        Assert.AreEqual(0, result.Exit);
        Assert.AreEqual(string.Empty, result.Out);
        StringAssert.Contains(result.Error, "0 lead(s) simulated");
    }

    [TestMethod]
    [DataRow(500, true, true, false)]
    [DataRow(1_001, true, true, true)]
    [DataRow(1_001, false, true, false)]
    [DataRow(1_001, true, false, false)]
    public void Progress_shows_only_for_long_inputs_on_a_terminal_stderr_with_stdout_redirected(int lines, bool errorIsTerminal, bool outputRedirected, bool expected)
        => Assert.AreEqual(expected, SimulateCommand.ShowProgress(lines, errorIsTerminal, outputRedirected));
}

[TestClass]
public sealed class HelpAndDemoTests
{
    [TestMethod]
    [DataRow("demo")]
    [DataRow("simulate")]
    [DataRow("pack")]
    [DataRow("verify")]
    public void Every_command_has_help(string command)
    {
        var result = CliRunner.Run(command, "--help");
        Assert.AreEqual(0, result.Exit);
        StringAssert.Contains(result.Out, "Usage:");
        // The usage line names the command after the executable (leadplugins; under test, the test host).
        StringAssert.Matches(result.Out, new System.Text.RegularExpressions.Regex(@"Usage:\s+\S+ " + command + " "));
    }

    [TestMethod]
    public void Simulate_help_lists_its_options()
    {
        var help = CliRunner.Run("simulate", "--help").Out;
        foreach (var option in new[] { "--format <auto|payload|rows|json|csv|partner-center|xlsx>", "--json", "--verbose", "--batch-size <N>", "--seed-config <file>", "--now <iso>", "--discard <N>", "--no-progress" })
            StringAssert.Contains(help, option);
    }

    [TestMethod]
    public void Root_help_lists_every_command()
    {
        var result = CliRunner.Run("--help");
        Assert.AreEqual(0, result.Exit);
        foreach (var command in new[] { "demo", "simulate", "pack", "verify" }) StringAssert.Contains(result.Out, command);
    }

    [TestMethod]
    public void Demo_packs_the_zip_verifies_it_and_simulates_the_samples()
    {
        var samples = Repo.NewTempDirectory();
        File.Copy(Repo.Sample("partner-center-leads.csv"), Path.Combine(samples, "partner-center-leads.csv"));
        File.Copy(Repo.Sample("malformed.jsonl"), Path.Combine(samples, "malformed.jsonl"));
        File.WriteAllText(Path.Combine(samples, "README.md"), "not a sample");
        var output = Repo.NewTempDirectory();

        var result = CliRunner.Run("demo", "-c", Repo.Configuration, "-o", output, "--samples", samples, "--config", Path.Combine(Repo.Root, "pac.config"), "--now", "2026-03-02T09:30:00Z");

        Assert.AreEqual(0, result.Exit, result.Out + result.Error);
        var zip = Directory.GetFiles(output, "LeadPlugins_*.zip").Single();
        StringAssert.Contains(result.Out, "Packed " + zip);
        StringAssert.Contains(result.Out, "verify " + Path.GetFileName(zip) + ": 0 error(s)");
        StringAssert.Contains(result.Out, "simulate " + Path.Combine(samples, "malformed.jsonl"));
        StringAssert.Contains(result.Out, "simulate " + Path.Combine(samples, "partner-center-leads.csv"));
        Assert.IsFalse(result.Out.Contains("README", StringComparison.Ordinal), "only *.jsonl and *.csv are simulated");
        StringAssert.Contains(result.Out, "Yuki Tanaka");
        StringAssert.Contains(result.Error, "5 lead(s) simulated");
        StringAssert.Contains(result.Error, "3 rejected (line 1, 2, 3)");
    }

    [TestMethod]
    public void Demo_without_samples_exits_1()
    {
        var result = CliRunner.Run("demo", "-c", Repo.Configuration, "-o", Repo.NewTempDirectory(), "--samples", Repo.NewTempDirectory(), "--config", Path.Combine(Repo.Root, "pac.config"));
        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Error, "no *.jsonl, *.json, *.csv or *.xlsx samples");
    }
}

[TestClass]
public sealed class SimulateMemoryDefaultTests
{
    private static string WriteRows(int count, int addresses)
    {
        var path = Path.Combine(Path.GetTempPath(), "leadplugins-rows-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(path, Enumerable.Range(1, count).Select(i =>
            "{\"subject\":\"AzureMarketplace-INS|contoso.offer\",\"lastname\":\"Lead " + i + "\",\"emailaddress1\":\"customer" + (i % addresses) + "@contoso.com\"}"));
        return path;
    }

    [TestMethod]
    public void Without_options_simulate_starts_a_fresh_in_memory_Dataverse_every_250_leads_and_prints_what_keep_all_prints()
    {
        Assert.AreEqual(250, SimulateCommand.DefaultDiscardWindow);
        var path = WriteRows(600, addresses: 200);
        try
        {
            var windowed = CliRunner.Run("simulate", path, "--json", "--now", "2026-03-02T09:30:00Z");
            Assert.AreEqual(0, windowed.Exit, windowed.Error);
            StringAssert.Contains(windowed.Error, "2 fresh in-memory Dataverse(s)");

            var kept = CliRunner.Run("simulate", path, "--json", "--keep-all", "--now", "2026-03-02T09:30:00Z");
            Assert.AreEqual(0, kept.Exit, kept.Error);
            Assert.IsFalse(kept.Error.Contains("fresh in-memory Dataverse", StringComparison.Ordinal));
            // Duplicate matching spans the windows, and fresh stores keep the organization's ids: the same leads, ids and matches.
            static int Duplicates(string json) => json.Split('\n').Count(l => l.Contains("\"duplicateOf\":", StringComparison.Ordinal) && !l.Contains("\"duplicateOf\":null", StringComparison.Ordinal));
            Assert.AreEqual(600 - 200, Duplicates(windowed.Out));
            Assert.AreEqual(kept.Out, windowed.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
