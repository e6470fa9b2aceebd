using LeadPlugins.Cli.Commands;
using LeadPlugins.Cli.Output;
using LeadPlugins.Cli.Simulation;
using LeadPlugins.Plugins.Domain.Nurture;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace LeadPlugins.Cli.Tests;

/// <summary>
/// Issue 17's hostile cases through the real CLI (and issue 15's exit codes): each gives one clean outcome with the
/// right exit code, no stack trace, no .NET type name and no raw control character on stdout or stderr.
/// </summary>
[TestClass]
public sealed class HostileInputTests
{
    private const string Now = "2026-03-02T09:30:00Z";
    private const string TerminalAttack = "\u001b]0;pwned\u0007\u001b[2J";

    private static void AssertClean(CliRunner.Result result)
    {
        foreach (var stream in new[] { result.Out, result.Error })
            foreach (var line in stream.Split('\n'))
                Assert.IsFalse(SafeText.HasUnsafeCharacters(line.TrimEnd('\r')), "raw control character in: " + line);
        Assert.IsFalse((result.Out + result.Error).Contains("   at ", StringComparison.Ordinal), "stack trace in:\n" + result.Error);
        Assert.IsFalse((result.Out + result.Error).Contains("System.", StringComparison.Ordinal), ".NET type name in:\n" + result.Error);
    }

    private static void AssertOneUsageLine(CliRunner.Result result, string expected)
    {
        Assert.AreEqual(Cli.UsageError, result.Exit, result.Out + result.Error);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(1, lines.Length, "one line, no help dump:\n" + result.Error);
        StringAssert.StartsWith(lines[0], "error: ");
        StringAssert.Contains(lines[0], expected);
        Assert.AreEqual(string.Empty, result.Out);
        AssertClean(result);
    }

    // ---------- terminal escape injection ----------

    private static string HostileLeads()
        => Repo.WriteTemp("hostile.jsonl", string.Join("\n",
            new JObject { ["firstname"] = TerminalAttack, ["lastname"] = "Null\0Byte", ["emailaddress1"] = "a@example.com", ["subject"] = "AppSource-INS|x.y" }.ToString(Newtonsoft.Json.Formatting.None),
            // A lone surrogate can only arrive as a JSON escape (it has no UTF-8 form).
            new JObject { ["firstname"] = "Bidi\u202Egnp.exe", ["lastname"] = "LONE", ["companyname"] = "\u009b31mC1 CSI", ["emailaddress1"] = "b@example.com" }.ToString(Newtonsoft.Json.Formatting.None).Replace("LONE", "Lone\\ud800Surrogate", StringComparison.Ordinal),
            "{\"firstname\": \"ok\", \"x_" + TerminalAttack + "\": \"unknown column\"}") + "\n");

    [TestMethod]
    public void Escape_sequences_in_lead_fields_never_reach_the_table_or_stderr_raw()
    {
        var result = CliRunner.Run("simulate", HostileLeads(), "--now", Now);
        Assert.AreEqual(Cli.Success, result.Exit, "line 3's unknown column is left out with a warning, the lead still runs");
        AssertClean(result);
        StringAssert.Contains(result.Out, "\\u001B]0;pwned\\u0007\\u001B[2J", "the attack is shown as visible escapes");
        StringAssert.Contains(result.Out, "\\u202E");
        StringAssert.Contains(result.Error, "unknown column(s) left out: x_\\u001B]0;pwned");
    }

    [TestMethod]
    public void Json_output_keeps_hostile_values_lossless_and_valid()
    {
        var result = CliRunner.Run("simulate", HostileLeads(), "--now", Now, "--json", "--allow-rejects");
        Assert.AreEqual(Cli.Success, result.Exit, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.IsFalse(result.Out.Contains('\u001b'), "JSON escapes ESC as \\u001b");
        var first = JObject.Parse(lines[0]);
        StringAssert.StartsWith((string)first["name"]!, TerminalAttack, "the value round-trips exactly");
        Assert.AreEqual(3, lines.Length, "line 3 runs without its unknown column");
        StringAssert.Contains(result.Error, "left out: x_\\u001B]0;pwned", "the warning names the column escaped");
        foreach (var line in result.Error.Split('\n')) Assert.IsFalse(SafeText.HasUnsafeCharacters(line.TrimEnd('\r')), line);
    }

    [TestMethod]
    public void A_file_name_with_escape_sequences_is_shown_escaped()
    {
        var path = Path.Combine(Repo.NewTempDirectory(), "leads" + TerminalAttack + ".jsonl");
        File.Copy(Repo.Sample("lead-rows.jsonl"), path);
        var ok = CliRunner.Run("simulate", path, "--now", Now);
        Assert.AreEqual(Cli.Success, ok.Exit, ok.Error);
        AssertClean(ok);
        var missing = CliRunner.Run("simulate", path + "\u202E.missing", "--now", Now);
        Assert.AreEqual(Cli.Failure, missing.Exit);
        AssertClean(missing);
        StringAssert.Contains(missing.Error, "file not found");
    }

    // ---------- usage errors: one line, exit 2 ----------

    [TestMethod]
    [DataRow("simulate", "--batch-size", "99999999999", "--batch-size: expected a whole number from 1 to 1,000, got '99999999999'")]
    [DataRow("simulate", "--batch-size", "1001", "--batch-size: expected a whole number from 1 to 1,000")]
    [DataRow("simulate", "--batch-size", "0", "--batch-size: expected a whole number from 1 to 1,000")]
    [DataRow("simulate", "--discard", "99999999999", "--discard: expected a whole number from 1 to 10,000")]
    [DataRow("simulate", "--discard", "0", "--discard: expected a whole number from 1 to 10,000")]
    [DataRow("simulate", "--now", "tomorrow", "--now: expected an ISO 8601 date from 2000-01-01 to 2100-12-31")]
    [DataRow("simulate", "--now", "9999-12-31T23:59:59Z", "--now: 9999-12-31T23:59:59Z is outside the supported range")]
    [DataRow("simulate", "--now", "1999-12-31T23:59:59Z", "is outside the supported range")]
    [DataRow("simulate", "--format", "\u001b[2Jxml", "--format: expected one of auto|")]
    [DataRow("simulate", "--colour", "red", "Unrecognized command or argument '--colour'")]
    [DataRow("sequences", "--created", "9999-12-31T23:00:00Z", "--created: 9999-12-31T23:00:00Z is outside the supported range")]
    [DataRow("sequences", "--action", "teleport", "--action: expected one of contactme,")]
    [DataRow("demo", "--now", "tomorrow", "--now: expected an ISO 8601 date")]
    [DataRow("verify", "--format", "html", "--format: expected one of table, lines, msbuild")]
    public void A_bad_option_value_is_one_usage_line(string command, string option, string value, string expected)
    {
        var args = command == "simulate" ? new[] { command, Repo.Sample("lead-rows.jsonl"), option, value } : new[] { command, option, value };
        AssertOneUsageLine(CliRunner.Run(args), expected);
    }

    [TestMethod]
    public void A_discard_window_smaller_than_a_batch_is_a_usage_error()
        => AssertOneUsageLine(CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), "--discard", "10", "--batch-size", "100"),
            "--discard 10 is smaller than --batch-size 100");

    [TestMethod]
    public void Discard_and_keep_all_together_are_a_usage_error()
        => AssertOneUsageLine(CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), "--discard", "100", "--keep-all"), "contradict");

    [TestMethod]
    public void An_unknown_command_is_one_usage_line()
        => AssertOneUsageLine(CliRunner.Run("frobnicate"), "Unrecognized command or argument 'frobnicate'");

    [TestMethod]
    public void The_largest_batch_runs_and_keeps_memory_flat()
    {
        var result = CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), "--batch-size", "1000", "--json", "--now", Now);
        Assert.AreEqual(Cli.Success, result.Exit, result.Error);
        StringAssert.Contains(result.Error, "CreateMultiple batches of 1000");
    }

    // ---------- failures: one line, exit 1 ----------

    [TestMethod]
    public void A_directory_given_as_input_says_so()
    {
        var directory = Repo.NewTempDirectory();
        foreach (var args in new[] { new[] { "simulate", directory }, new[] { "simulate", Repo.Sample("lead-rows.jsonl"), "--seed-config", directory } })
        {
            var result = CliRunner.Run(args);
            Assert.AreEqual(Cli.Failure, result.Exit, result.Error);
            StringAssert.Contains(result.Error, "is a directory, not a file");
            Assert.AreEqual(1, result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, result.Error);
            AssertClean(result);
        }
    }

    [TestMethod]
    public void An_unexpected_exception_is_one_line_and_verbose_adds_the_stack()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("broken \u001b[2J state");
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }
        var quiet = new StringWriter();
        CliErrors.Unexpected(Consoles(quiet), thrown, verbose: false);
        var lines = quiet.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(1, lines.Length);
        StringAssert.StartsWith(lines[0], "error: InvalidOperationException: broken \\u001B[2J state");

        var verbose = new StringWriter();
        CliErrors.Unexpected(Consoles(verbose), thrown, verbose: true);
        StringAssert.Contains(verbose.ToString(), "   at ");
    }

    private static CliConsoles Consoles(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No });
        return new CliConsoles(console, console);
    }

    // ---------- exit codes (issue 15 item 3) ----------

    [TestMethod]
    public void Exit_code_is_0_when_every_line_ran_and_1_when_lines_were_rejected_unless_allowed()
    {
        Assert.AreEqual(Cli.Success, CliRunner.Run("simulate", Repo.Sample("lead-rows.jsonl"), "--now", Now).Exit);
        var rejected = CliRunner.Run("simulate", Repo.Sample("malformed.jsonl"), "--now", Now);
        Assert.AreEqual(Cli.Failure, rejected.Exit);
        StringAssert.Contains(rejected.Error, "exit 1: 3 line(s) rejected, 0 plug-in step(s) failed (--allow-rejects accepts them)");
        var allowed = CliRunner.Run("simulate", Repo.Sample("malformed.jsonl"), "--now", Now, "--allow-rejects");
        Assert.AreEqual(Cli.Success, allowed.Exit);
        StringAssert.Contains(allowed.Error, "3 line(s) rejected, 0 plug-in step(s) failed: accepted (--allow-rejects)");
    }

    [TestMethod]
    public void Failed_plugin_steps_make_the_exit_code_1()
    {
        var summary = new SimulationSummary { FailedStepExecutions = 11 };
        var error = new StringWriter();
        var console = Consoles(error).Error;
        Assert.AreEqual(Cli.Failure, SimulateCommand.ExitCode(console, summary, allowRejects: false));
        StringAssert.Contains(error.ToString(), "0 line(s) rejected, 11 plug-in step(s) failed");
        Assert.AreEqual(Cli.Success, SimulateCommand.ExitCode(console, summary, allowRejects: true));
    }

    [TestMethod]
    public void Without_a_terminal_a_progress_line_comes_every_ten_seconds()
    {
        var writer = new StringWriter();
        var elapsed = TimeSpan.Zero;
        var log = new ProgressLog(writer, "big\u001b.jsonl", () => elapsed);
        log.Report(100);
        elapsed = TimeSpan.FromSeconds(9.9);
        log.Report(900);
        Assert.AreEqual(string.Empty, writer.ToString(), "nothing before 10 s");
        elapsed = TimeSpan.FromSeconds(10);
        log.Report(1_000);
        elapsed = TimeSpan.FromSeconds(12);
        log.Report(1_200);
        elapsed = TimeSpan.FromSeconds(31);
        log.Report(3_100);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.AreEqual(new[] { "progress: big\\u001B.jsonl: 1,000 record(s) in 10 s (100/s)", "progress: big\\u001B.jsonl: 3,100 record(s) in 31 s (100/s)" }, lines.Select(l => l.TrimEnd('\r')).ToArray());
    }

    // ---------- tables fit the terminal ----------

    [TestMethod]
    [DataRow(80)]
    [DataRow(120)]
    public void Tables_fit_a_narrow_terminal_one_row_per_lead(int width)
    {
        var result = CliRunner.RunAt(width, "simulate", Repo.Sample("lead-rows.jsonl"), "--now", Now);
        Assert.AreEqual(Cli.Success, result.Exit, result.Error);
        var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var line in lines) Assert.IsTrue(line.Length <= width, "wider than " + width + ": " + line);
        var rows = lines.Count(l => l.StartsWith('│')) - 1; // minus the header row
        var numbered = lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^│\s+\d+ │"));
        Assert.AreEqual(15, numbered);
        Assert.AreEqual(1, rows - numbered, "one row per lead, a second only for line 8's 'duplicate of line 1':\n" + result.Out);
        Assert.IsFalse(result.Out.Contains("Campaign type", StringComparison.Ordinal), "the least needed column goes first");
    }

    [TestMethod]
    public void Wide_shows_every_column_on_a_narrow_terminal()
    {
        var result = CliRunner.RunAt(80, "simulate", Repo.Sample("lead-rows.jsonl"), "--now", Now, "--wide");
        Assert.AreEqual(Cli.Success, result.Exit, result.Error);
        StringAssert.Contains(result.Out, "Camp", "the campaign type column is there, wrapped");
        Assert.AreEqual(LeadTableColumns.All.Count, LeadTableColumns.For(80, wide: true).Count);
        Assert.AreEqual(7, LeadTableColumns.For(80, wide: false).Count);
    }

    // ---------- due dates near the end of the calendar ----------

    [TestMethod]
    public void Due_dates_near_the_end_of_the_calendar_are_capped_and_traced_and_the_lead_is_saved()
    {
        var output = new RecordingOutput();
        var simulator = new LeadSimulator(Repo.Environment, new SimulationOptions { Now = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc), Verbose = true });
        var summary = simulator.Run(new StringReader(File.ReadAllText(Repo.Sample("lead-rows.jsonl"))), output);
        Assert.AreEqual(0, summary.FailedStepExecutions, string.Join("\n", output.Leads.SelectMany(l => l.PluginSteps).Where(s => s.Error != null).Select(s => s.Error)));
        Assert.AreEqual(0, summary.Rejected);
        Assert.AreEqual(15, output.Leads.Count, "every lead is saved");
        var enrolled = output.Leads.Where(l => l.NurtureSteps.Count > 0).ToList();
        Assert.IsTrue(enrolled.Count > 0);
        Assert.IsTrue(enrolled.SelectMany(l => l.NurtureSteps).All(s => s.Due == BusinessCalendar.LatestDueDateUtc));
        Assert.IsTrue(enrolled.All(l => l.Traces.Any(t => t.Contains("due date capped at 9999-12-01", StringComparison.Ordinal))));
    }

    [TestMethod]
    public void The_planner_caps_every_due_date_it_cannot_compute()
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati"));
        foreach (var enrolled in new[] { DateTime.MaxValue, new DateTime(9999, 11, 30, 0, 0, 0, DateTimeKind.Utc), new DateTime(9990, 1, 1, 0, 0, 0, DateTimeKind.Utc) })
            foreach (var days in new[] { 0, 5, BusinessCalendar.MaxBusinessDays, int.MaxValue })
            {
                var due = calendar.DueDateUtc(enrolled, days, out var capped);
                Assert.IsTrue(due <= BusinessCalendar.LatestDueDateUtc);
                Assert.AreEqual(due == BusinessCalendar.LatestDueDateUtc, capped);
            }
        Assert.AreEqual(new BusinessCalendar().DueDateUtc(new DateTime(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc), 2), new DateTime(2026, 3, 4, 17, 0, 0, DateTimeKind.Utc), "ordinary dates are unchanged");
    }
}
