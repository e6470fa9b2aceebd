using LeadPlugins.Schema;
using System.Text;
using LeadPlugins.Cli.Simulation;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Tests.Input;

/// <summary>simulate --json on a file: the leads and rejected lines it printed, and what it said on stderr.</summary>
internal sealed record SimulateRun(int Exit, List<JObject> Leads, List<JObject> Rejected, string Error)
{
    public static SimulateRun Of(string path, params string[] options)
    {
        var result = CliRunner.Run(new[] { "simulate", path, "--json", "--now", "2026-03-02T09:30:00Z" }.Concat(options).ToArray());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        return new SimulateRun(result.Exit, lines.Where(l => l["rejected"] == null).ToList(), lines.Where(l => l["rejected"] != null).ToList(), result.Error);
    }

    public JObject Line(int line) => Leads.Single(l => (int)l["input"]! == line);
}

[TestClass]
public sealed class JsonInputTests
{
    [TestMethod]
    public void A_json_array_is_streamed_object_by_object_with_the_line_each_starts_on()
    {
        var run = SimulateRun.Of(Repo.Sample("leads-array.json"));
        StringAssert.Contains(run.Error, "(json)");
        CollectionAssert.AreEqual(new[] { 2, 17, 31, 44 }, run.Leads.Select(l => (int)l["input"]!).ToArray());
        Assert.AreEqual("AppSource", (string?)run.Line(2)["storefront"]);
        Assert.AreEqual("Contact me", (string?)run.Line(2)["leadAction"]);
        Assert.AreEqual("Azure Marketplace", (string?)run.Line(17)["storefront"], "AzurePortal counts as Azure Marketplace");
        Assert.AreEqual("Test drive", (string?)run.Line(31)["leadAction"], "a lead row among payloads is mapped as a row");
        Assert.IsTrue((bool)run.Line(44)["isTestLead"]!);
        Assert.AreEqual(0, ((JArray)run.Line(44)["nurtureSteps"]!).Count, "a test lead is never nurtured");
    }

    [TestMethod]
    public void Json_nested_deeper_than_64_levels_is_a_bad_record_and_the_rest_still_runs()
    {
        var run = SimulateRun.Of(Repo.Sample("leads-array.json"));
        var rejected = run.Rejected.Single();
        Assert.AreEqual(39, (int)rejected["input"]!);
        StringAssert.Contains((string?)rejected["error"], "nested deeper than 64 levels");

        // JSON lines: Newtonsoft's depth limit gives the reason.
        var deep = "{\"lastname\":" + new string('[', 70) + new string(']', 70) + "}";
        var records = FormatDetectionTests.Read(deep + "\n{\"lastname\":\"Doe\"}\n", InputFormat.Auto);
        StringAssert.Contains(records[0].Error, "MaxDepth");
        Assert.IsNotNull(records[1].Lead);
    }

    [TestMethod]
    public void Pretty_printed_objects_one_after_another_are_read_as_json()
    {
        const string text = "{\n  \"UserDetails\": {\n    \"FirstName\": \"Ama\",\n    \"LastName\": \"Boateng\",\n    \"Email\": \"ama@contoso.gh\"\n  },\n  \"LeadSource\": \"AzureMarketplace\",\n  \"ActionCode\": \"INS\"\n}\n"
            + "{\n  \"subject\": \"AppSource (SPZA)-PLT|contoso.app\",\n  \"lastname\": \"Osei\"\n}\n";
        var detected = InputFormat.Auto;
        var records = new LeadInput(Repo.Environment.Values).Read(new StringReader(text), InputFormat.Auto, f => detected = f).ToList();
        Assert.AreEqual(InputFormat.Json, detected);
        CollectionAssert.AreEqual(new[] { 1, 10 }, records.Select(r => r.Line).ToArray());
        Assert.AreEqual("AzureMarketplace", records[0].Lead![LeadTable.Columns.LeadSource], "a payload object");
        Assert.AreEqual("Osei", records[1].Lead!["lastname"], "a row object");
    }

    [TestMethod]
    public void A_broken_object_in_an_array_is_reported_and_the_next_ones_run()
    {
        const string text = "[{\"lastname\":\"A\"},\n42,\n{\"lastname\" \"B\"},\n{\"lastname\":\"C\"}]";
        var records = FormatDetectionTests.Read(text, InputFormat.Auto);
        Assert.AreEqual("A", records[0].Lead!["lastname"]);
        StringAssert.StartsWith(records[1].Error, "expected a JSON object, got a number");
        Assert.AreEqual(2, records[1].Line);
        StringAssert.StartsWith(records[2].Error, "invalid JSON");
        Assert.AreEqual(3, records[2].Line);
        Assert.AreEqual("C", records[3].Lead!["lastname"]);
    }

    [TestMethod]
    public void Unknown_keys_are_left_out_and_named_in_one_warning()
    {
        var warnings = new List<string>();
        var input = new LeadInput(Repo.Environment.Values, new InputOptions { Warn = warnings.Add });
        var records = input.Read(new StringReader("{\"lastname\":\"Doe\",\"shoeSize\":42}\n{\"lastname\":\"Roe\",\"shoeSize\":43,\"hat\":1}\n"), InputFormat.Auto).ToList();
        Assert.AreEqual(2, records.Count(r => r.Lead != null));
        Assert.AreEqual(1, warnings.Count);
        StringAssert.Contains(warnings[0], "2 unknown column(s) left out: shoeSize, hat");
    }
}

[TestClass]
public sealed class CsvInputTests
{
    [TestMethod]
    public void A_semicolon_windows_1252_export_with_display_names_reads_right_and_says_which_encoding_it_assumed()
    {
        var run = SimulateRun.Of(Repo.Sample("dynamics-export-de.csv"));
        StringAssert.Contains(run.Error, "read as Windows-1252");
        Assert.AreEqual("Zoë Müller", (string?)run.Line(2)["name"]);
        Assert.AreEqual("AppSource", (string?)run.Line(2)["storefront"]);
        Assert.AreEqual("Contact me", (string?)run.Line(2)["leadAction"]);
        Assert.AreEqual("François Lefèvre", (string?)run.Line(3)["name"]);
        Assert.AreEqual("Get it now", (string?)run.Line(3)["leadAction"]);
        Assert.AreEqual("Søren Ærø", (string?)run.Line(4)["name"]);
        Assert.AreEqual("Not marketplace", (string?)run.Line(5)["enrichmentStatus"]);
        Assert.AreEqual("Test drive", (string?)run.Line(6)["leadAction"]);
        var rejected = run.Rejected.Single();
        Assert.AreEqual(7, (int)rejected["input"]!);
        StringAssert.Contains((string?)rejected["error"], "leadsourcecode: 'Webinar' is not one of");
        Assert.IsFalse(run.Error.Contains("unknown column", StringComparison.Ordinal), "Owner and Created On are known export columns, ignored without a warning");
    }

    [TestMethod]
    public void Forcing_utf_8_on_windows_1252_bytes_gives_replacement_characters_and_no_guess()
    {
        var run = SimulateRun.Of(Repo.Sample("dynamics-export-de.csv"), "--encoding", "utf-8");
        Assert.IsFalse(run.Error.Contains("Windows-1252", StringComparison.Ordinal));
        StringAssert.Contains((string?)run.Line(2)["name"], "\uFFFD");
    }

    [TestMethod]
    [DataRow(",")]
    [DataRow(";")]
    [DataRow("\t")]
    public void The_separator_is_detected_from_the_header(string separator)
    {
        var text = string.Join(separator, "Topic", "Last Name", "Email") + "\n"
            + string.Join(separator, "\"AzureMarketplace-INS|a.b\"", "\"Doe, Jr.; the third\"", "doe@contoso.com") + "\n";
        var lead = FormatDetectionTests.Read(text, InputFormat.Auto).Single().Lead!;
        Assert.AreEqual("AzureMarketplace-INS|a.b", lead["subject"]);
        Assert.AreEqual("Doe, Jr.; the third", lead["lastname"]);
        Assert.AreEqual("doe@contoso.com", lead["emailaddress1"]);
    }

    [TestMethod]
    public void A_given_separator_wins_over_detection()
    {
        var records = new LeadInput(Repo.Environment.Values, new InputOptions { Delimiter = '|' })
            .Read(new StringReader("lastname|companyname\nDoe|Contoso; Ltd\n"), InputFormat.Csv).ToList();
        Assert.AreEqual("Contoso; Ltd", records.Single().Lead!["companyname"]);
    }

    [TestMethod]
    public void Byte_order_marks_choose_the_encoding()
    {
        var text = "lastname,companyname\nMüller,Zoë AG\n";
        foreach (var encoding in new Encoding[] { new UTF8Encoding(true), Encoding.Unicode, Encoding.BigEndianUnicode })
        {
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
            var warnings = new List<string>();
            var lead = new LeadInput(Repo.Environment.Values, new InputOptions { Warn = warnings.Add }).Read(new MemoryStream(bytes), InputFormat.Auto).Single().Lead!;
            Assert.AreEqual("Müller", lead["lastname"], encoding.WebName);
            Assert.AreEqual("Zoë AG", lead["companyname"], encoding.WebName);
            Assert.AreEqual(0, warnings.Count, encoding.WebName);
        }
    }

    [TestMethod]
    public void Map_names_a_column_for_a_header_and_unknown_headers_get_one_warning()
    {
        var path = Repo.WriteTemp("leads.csv", "Topic,Nachname,Firma,Schuhgröße,Lieblingsfarbe\nAzureMarketplace-INS|a.b,Doe,Contoso,42,blue\n");
        var run = SimulateRun.Of(path, "--map", "Firma=companyname", "--map", "Nachname=lastname");
        Assert.AreEqual("Doe", (string?)run.Leads.Single()["name"]);
        StringAssert.Contains(run.Error, "2 unknown column(s) left out: Schuhgröße, Lieblingsfarbe");
        Assert.AreEqual(1, run.Error.Split('\n').Count(l => l.Contains("unknown column", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_map_to_a_column_that_does_not_exist_is_unusable_input()
    {
        var result = CliRunner.Run("simulate", Repo.WriteTemp("leads.csv", "Firma\nContoso\n"), "--map", "Firma=shoesize");
        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Error, "'shoesize' is not a lead column");
    }

    [TestMethod]
    [DataRow("--delimiter", "x")]
    [DataRow("--encoding", "klingon-8")]
    [DataRow("--format", "yaml")]
    [DataRow("--map", "no-equals-sign")]
    [DataRow("--max-line-bytes", "10")]
    [DataRow("--max-columns", "0")]
    public void Bad_input_options_are_usage_errors(string option, string value)
        => Assert.AreEqual(2, CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), option, value).Exit);
}

[TestClass]
public sealed class PartnerCenterDownloadTests
{
    private static readonly Lazy<SimulateRun> Run = new(() => SimulateRun.Of(Repo.Sample("partner-center-download.csv")));

    [TestMethod]
    public void The_download_is_detected_by_its_header()
        => StringAssert.Contains(Run.Value.Error, "(partner-center)");

    [TestMethod]
    [DataRow(2, "AppSource", "Contact me")]
    [DataRow(3, "Azure Marketplace", "Get it now")]
    [DataRow(4, "Azure Marketplace", "Get it now")]
    [DataRow(5, "Azure Marketplace", "Test drive")]
    [DataRow(6, "AppSource", "Contact me")]
    [DataRow(8, "AppSource", "Get it now")]
    public void Display_words_map_to_the_storefront_and_action(int line, string storefront, string action)
    {
        var lead = Run.Value.Line(line);
        Assert.AreEqual(storefront, (string?)lead["storefront"]);
        Assert.AreEqual(action, (string?)lead["leadAction"]);
        Assert.IsTrue((bool)lead["isMarketplace"]!);
        Assert.IsFalse((bool)lead["isCoSell"]!, "a marketplace lead's referral id does not make it co-sell");
        Assert.IsTrue(((JArray)lead["nurtureSteps"]!).Count > 0, "marketplace leads are nurtured");
    }

    [TestMethod]
    public void A_qualified_lead_is_a_co_sell_referral_and_never_nurtured()
    {
        var lead = Run.Value.Line(7);
        Assert.IsTrue((bool)lead["isCoSell"]!);
        Assert.AreEqual("Co-sell", (string?)lead["enrichmentStatus"]);
        Assert.AreEqual(0, ((JArray)lead["nurtureSteps"]!).Count);
        Assert.IsNull((string?)lead["nurtureSequence"]);
    }

    [TestMethod]
    public void Customer_fields_go_where_the_lead_writer_writes_them_and_the_referral_id_is_kept()
    {
        var lead = new LeadInput(Repo.Environment.Values).Read(File.OpenRead(Repo.Sample("partner-center-download.csv")), InputFormat.Auto).First().Lead!;
        Assert.AreEqual("Fabrikam GmbH", lead["companyname"]);
        Assert.AreEqual("Munich", lead["address1_city"]);
        Assert.AreEqual("Germany", lead["address1_country"]);
        Assert.AreEqual("Contoso Field Service Accelerator", lead["subject"]);
        Assert.AreEqual("Appsource", lead[LeadTable.Columns.LeadSource]);
        Assert.AreEqual("Contact me", lead[LeadTable.Columns.ActionCode]);
        Assert.AreEqual(1300m, ((Microsoft.Xrm.Sdk.Money)lead["estimatedvalue"]).Value);
        StringAssert.Contains((string)lead["description"], "0b6f1c9e-2d4a-4c1b-9e7d-1a2b3c4d5e01");
        StringAssert.Contains((string)lead["description"], "contoso.contoso-field-service-accelerator");
    }

    [TestMethod]
    public void A_value_that_is_no_number_is_a_note_not_a_rejection()
    {
        var lead = Run.Value.Line(8);
        CollectionAssert.Contains(lead["notes"]!.Select(n => (string?)n).ToList(), "Lead value (USD) 'n/a' is not a number: estimatedvalue left empty");
    }
}

[TestClass]
public sealed class XlsxInputTests
{
    [TestMethod]
    public void A_dynamics_export_to_excel_simulates_with_display_names_and_hidden_columns_ignored()
    {
        var path = XlsxFile.Write(Path.Combine(Repo.NewTempDirectory(), "Marketplace leads.xlsx"), XlsxFile.DynamicsExport);
        var run = SimulateRun.Of(path);
        StringAssert.Contains(run.Error, "(xlsx)");
        Assert.AreEqual("Ingrid Berg", (string?)run.Line(2)["name"]);
        Assert.AreEqual("AppSource", (string?)run.Line(2)["storefront"]);
        Assert.AreEqual("Contact me", (string?)run.Line(2)["leadAction"]);
        Assert.AreEqual("Azure Marketplace", (string?)run.Line(3)["storefront"]);
        Assert.IsTrue((bool)run.Line(5)["isTestLead"]!);
        var rejected = run.Rejected.Single();
        Assert.AreEqual(4, (int)rejected["input"]!, "row 4 of the sheet");
        StringAssert.Contains((string?)rejected["error"], "leadsourcecode: 'Lukewarm'");
        Assert.IsFalse(run.Error.Contains("unknown column", StringComparison.Ordinal), "the (Do Not Modify) columns and Owner are known");
    }

    [TestMethod]
    public void The_report_of_an_xlsx_works_like_any_other()
    {
        var directory = Repo.NewTempDirectory();
        var path = XlsxFile.Write(Path.Combine(directory, "export.xlsx"), XlsxFile.DynamicsExport);
        var report = Path.Combine(directory, "r.html");
        var result = CliRunner.Run("simulate", path, "--report", report, "--now", "2026-03-02T09:30:00Z");
        Assert.IsTrue(File.Exists(report));
        StringAssert.Contains(File.ReadAllText(report), "Ingrid Berg");
        StringAssert.Contains(result.Error, "report:");
    }

    [TestMethod]
    public void A_report_that_cannot_be_written_is_one_error_line_and_exit_1()
    {
        var directory = Repo.NewTempDirectory();
        var result = CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), "--report", directory);
        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Error, "cannot write the report");
        Assert.IsFalse(result.Error.Contains("   at ", StringComparison.Ordinal), "no stack trace");
    }

    [TestMethod]
    public void A_zip_bomb_named_xlsx_is_refused_before_it_is_unpacked()
    {
        var path = XlsxFile.WriteBomb(Path.Combine(Repo.NewTempDirectory(), "bomb.xlsx"), 100L * 1024 * 1024);
        var result = CliRunner.Run("simulate", path);
        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Error, "refused");
        StringAssert.Contains(result.Error, "xl/sharedStrings.xml");
    }

    [TestMethod]
    public void A_damaged_workbook_is_unusable_input_never_a_crash()
    {
        var directory = Repo.NewTempDirectory();
        var good = File.ReadAllBytes(XlsxFile.Write(Path.Combine(directory, "good.xlsx"), XlsxFile.DynamicsExport));
        var random = new Random(15);
        var outcomes = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var bytes = (byte[])good.Clone();
            for (var flips = 0; flips < 1 + i % 4; flips++) bytes[4 + random.Next(bytes.Length - 4)] ^= (byte)(1 + random.Next(255));
            try
            {
                var records = new LeadInput(Repo.Environment.Values).Read(new MemoryStream(bytes), InputFormat.Auto).ToList();
                outcomes.Add("read " + records.Count);
            }
            catch (UnusableInputException e)
            {
                outcomes.Add(e.Message.Split(':')[0]);
            }
        }
        Assert.IsTrue(outcomes.Count > 1, string.Join(" | ", outcomes));
    }

    [TestMethod]
    public void A_file_forced_to_xlsx_that_is_no_zip_is_unusable()
    {
        var result = CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), "--format", "xlsx");
        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Error, "not an .xlsx workbook");
    }
}
