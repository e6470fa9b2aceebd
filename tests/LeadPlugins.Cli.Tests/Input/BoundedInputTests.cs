using System.Text;
using LeadPlugins.Cli.Simulation;

namespace LeadPlugins.Cli.Tests.Input;

/// <summary>Issue 17 item 2: records over the limits are rejected with their line and reason; the rest of the file still runs.</summary>
[TestClass]
public sealed class BoundedInputTests
{
    private static List<InputRecord> Read(string text, InputOptions options, InputFormat format = InputFormat.Auto)
        => new LeadInput(Repo.Environment.Values, options).Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), format).ToList();

    [TestMethod]
    public void A_line_over_the_limit_is_rejected_with_its_number_and_the_next_lines_run()
    {
        var text = "{\"lastname\":\"A\"}\n{\"lastname\":\"" + new string('x', 5_000) + "\"}\n{\"lastname\":\"C\"}\n";
        var records = Read(text, new InputOptions { MaxLineBytes = 1024 });
        Assert.AreEqual("A", records[0].Lead!["lastname"]);
        Assert.AreEqual(2, records[1].Line);
        Assert.AreEqual("line longer than 1,024 bytes (--max-line-bytes): left out", records[1].Error);
        Assert.AreEqual(3, records[2].Line);
        Assert.AreEqual("C", records[2].Lead!["lastname"]);
    }

    [TestMethod]
    public void A_first_line_over_the_limit_still_tells_the_format_and_is_rejected()
    {
        var text = "{\"lastname\":\"" + new string('x', 3 * 1024 * 1024) + "\"}\n{\"lastname\":\"B\"}\n";
        var records = Read(text, InputOptions.Default);
        StringAssert.StartsWith(records[0].Error, "line longer than 1,048,576 bytes");
        Assert.AreEqual("B", records[1].Lead!["lastname"]);
    }

    [TestMethod]
    public void A_json_array_object_over_the_limit_is_skipped_to_its_end()
    {
        var text = "[{\"lastname\":\"A\"},\n{\"lastname\":\"" + new string('x', 5_000) + "\",\n \"nested\":{\"a\":[1,2,{\"b\":\"}\"}]}},\n{\"lastname\":\"C\"}]";
        var records = Read(text, new InputOptions { MaxLineBytes = 1024 });
        Assert.AreEqual(3, records.Count);
        StringAssert.StartsWith(records[1].Error, "JSON value longer than 1,024 bytes");
        Assert.AreEqual(2, records[1].Line);
        Assert.AreEqual("C", records[2].Lead!["lastname"]);
        Assert.AreEqual(4, records[2].Line);
    }

    [TestMethod]
    public void A_csv_record_with_more_columns_than_the_limit_is_rejected()
    {
        var text = "lastname,companyname\nDoe,Contoso\n" + string.Join(",", Enumerable.Repeat("x", 50)) + "\nRoe,Fabrikam\n";
        var records = Read(text, new InputOptions { MaxColumns = 10 });
        Assert.AreEqual("more than 10 fields (--max-columns)", records[1].Error);
        Assert.AreEqual(3, records[1].Line);
        Assert.AreEqual("Roe", records[2].Lead!["lastname"]);
    }

    [TestMethod]
    public void A_header_with_too_many_columns_or_bytes_is_unusable_in_one_short_line()
    {
        var wide = string.Join(",", Enumerable.Range(0, 2_000).Select(i => "column" + i)) + "\nx\n";
        var e = Assert.ThrowsExactly<UnusableInputException>(() => Read(wide, InputOptions.Default));
        Assert.AreEqual("line 1: the CSV header has more than 1,000 columns (--max-columns)", e.Message);

        var longHeader = new string('h', 2 * 1024 * 1024) + "\nx\n";
        e = Assert.ThrowsExactly<UnusableInputException>(() => Read(longHeader, InputOptions.Default));
        Assert.AreEqual("line 1: the CSV header is unusable: line longer than 1,048,576 bytes (--max-line-bytes): left out", e.Message);
    }

    [TestMethod]
    public void An_unterminated_quote_cannot_swallow_the_file_past_the_limit()
    {
        var text = "lastname,description\nDoe,\"never closed\n" + string.Concat(Enumerable.Repeat("more text, line after line\n", 100)) + "Roe,fine\n";
        var records = Read(text, new InputOptions { MaxLineBytes = 1024 });
        StringAssert.StartsWith(records[0].Error, "line longer than 1,024 bytes");
        Assert.AreEqual(2, records[0].Line);
        Assert.AreEqual("Roe", records.Last().Lead!["lastname"]);
    }

    [TestMethod]
    public void An_unterminated_quote_at_the_end_is_a_bad_record()
    {
        var records = Read("lastname,description\nDoe,\"open\nstill open", InputOptions.Default);
        Assert.AreEqual("unterminated quoted field at the end of the input", records.Single().Error);
        Assert.AreEqual(2, records.Single().Line);
    }

    [TestMethod]
    public void Binary_input_is_refused_before_a_line_is_read()
    {
        var e = Assert.ThrowsExactly<UnusableInputException>(() => new LeadInput(Repo.Environment.Values).Read(new MemoryStream(new byte[64 * 1024]), InputFormat.Auto).ToList());
        StringAssert.Contains(e.Message, "binary data, not text");
        var result = CliRunner.Run("simulate", Repo.WriteTemp("zeros.csv", new string('\0', 10_000)));
        Assert.AreEqual(1, result.Exit);
        StringAssert.Contains(result.Error, "binary data");
    }

    [TestMethod]
    public void The_line_limit_is_a_simulate_option()
    {
        var path = Repo.WriteTemp("leads.jsonl", "{\"lastname\":\"" + new string('x', 3_000) + "\"}\n{\"lastname\":\"B\"}\n");
        var run = SimulateRun.Of(path, "--max-line-bytes", "2048");
        Assert.AreEqual(1, run.Rejected.Count);
        StringAssert.Contains((string?)run.Rejected[0]["error"], "longer than 2,048 bytes");
        Assert.AreEqual(1, run.Leads.Count);
        Assert.AreEqual(1, SimulateRun.Of(path).Leads.Count(l => ((string?)l["name"])!.StartsWith("xxx", StringComparison.Ordinal)), "within the default limit");
    }
}

/// <summary>The readers' byte-level state machines against random input: only records or an unusable-input message, never another exception.</summary>
[TestClass]
public sealed class RandomInputTests
{
    private static readonly string[] Fragments = { "{", "}", "[", "]", "\"", "\\", ",", ";", "\t", "\n", "\r\n", ":", "lastname", "Topic", "Referral ID", "Lead Type", "\uFEFF", "é", "\0", " ", "x", "1" };

    [TestMethod]
    public void Random_bytes_and_fragments_give_records_or_unusable_input_in_every_format()
    {
        var random = new Random(1517);
        var formats = Enum.GetValues<InputFormat>();
        for (var i = 0; i < 3_000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
            }
            else
            {
                var text = new StringBuilder();
                for (var n = random.Next(0, 60); n > 0; n--) text.Append(Fragments[random.Next(Fragments.Length)]);
                bytes = Encoding.UTF8.GetBytes(text.ToString());
            }
            var format = formats[i % formats.Length];
            try
            {
                var records = new LeadInput(Repo.Environment.Values, new InputOptions { MaxLineBytes = 1024, MaxColumns = 8 }).Read(new MemoryStream(bytes), format).ToList();
                foreach (var record in records) Assert.IsTrue(record.Line >= 1 && (record.Lead != null) != (record.Error != null), "case " + i);
            }
            catch (UnusableInputException)
            {
            }
        }
    }
}
