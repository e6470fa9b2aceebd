using LeadPlugins.Cli.Tests;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Report.Tests;

/// <summary>
/// The report of every sample, as `demo` writes it (made once per test run), and the same samples' `simulate --json`
/// output, which the report's charts must agree with.
/// </summary>
internal static class SampleReport
{
    public const string Now = "2026-03-02T09:30:00Z";
    private static readonly Lazy<(string Path, string DemoOut, List<JObject> Leads, List<JObject> Rejected)> Made = new(Make);

    public static string Path => Made.Value.Path;
    public static string DemoOutput => Made.Value.DemoOut;
    public static List<JObject> Leads => Made.Value.Leads;
    public static List<JObject> Rejected => Made.Value.Rejected;

    public static IEnumerable<string> SampleFiles => Directory.GetFiles(Repo.Samples)
        .Where(f => LeadPlugins.Cli.Commands.DemoCommand.SampleExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
        .OrderBy(f => f, StringComparer.Ordinal);

    private static (string, string, List<JObject>, List<JObject>) Make()
    {
        var directory = Repo.NewTempDirectory();
        var path = System.IO.Path.Combine(directory, "report.html");
        var demo = CliRunner.Run("demo", "--config", System.IO.Path.Combine(Repo.Root, "pac.config"), "--output", directory, "--report", path, "--now", Now);
        if (!File.Exists(path)) throw new InvalidOperationException("demo wrote no report: " + demo.Error);
        var leads = new List<JObject>();
        var rejected = new List<JObject>();
        foreach (var sample in SampleFiles)
        {
            var run = CliRunner.Run("simulate", sample, "--json", "--now", Now);
            foreach (var line in run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var json = JObject.Parse(line);
                (json["rejected"] != null ? rejected : leads).Add(json);
            }
        }
        return (path, demo.Out, leads, rejected);
    }

    /// <summary>Monday (UTC) of the week a due date falls in, as the heat map labels it.</summary>
    public static string WeekLabel(DateTime due)
    {
        var date = due.Date;
        return date.AddDays(-(((int)date.DayOfWeek + 6) % 7)).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
