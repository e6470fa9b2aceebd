using LeadPlugins.Cli.Output;
using LeadPlugins.Solution;
using Spectre.Console;

namespace LeadPlugins.Cli.Output;

/// <summary>Prints pack and verify findings; every location and message goes through SafeText (zip entry names come from the zip).</summary>
public static class FindingPrinter
{
    public static void Print(IAnsiConsole console, IReadOnlyList<Finding> findings, FindingFormat format, bool includeInfo)
    {
        var shown = findings.Where(f => includeInfo || f.Severity != Severity.Info).ToList();
        if (shown.Count == 0) return;
        switch (format)
        {
            case FindingFormat.Table:
                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumn("Severity").AddColumn("Rule").AddColumn("Location").AddColumn("Finding");
                foreach (var f in shown)
                    table.AddRow(new Markup(SeverityMarkup(f.Severity)), new Text(f.Rule), new Text(Safe(f.Location)), new Text(Safe(f.Message)));
                console.Write(table);
                break;
            case FindingFormat.Lines:
                // Plain writer: one finding per line, never wrapped at the console width.
                foreach (var f in shown)
                    console.Profile.Out.Writer.WriteLine(f.Severity.ToString().ToLowerInvariant() + " " + f.Rule + " " + Safe(f.Location) + ": " + Safe(f.Message));
                break;
            case FindingFormat.Msbuild:
                foreach (var f in shown)
                {
                    var location = Safe(f.Line > 0 ? f.File + "(" + f.Line + ")" : f.File);
                    var kind = f.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "message" };
                    console.Profile.Out.Writer.WriteLine(location + ": " + kind + " " + f.Rule + ": " + Safe(f.Message));
                }
                break;
        }
    }

    public static void Summary(IAnsiConsole console, string what, IReadOnlyList<Finding> findings)
    {
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count(f => f.Severity == Severity.Warning);
        var color = errors > 0 ? "red" : warnings > 0 ? "yellow" : "green";
        console.MarkupLine("[" + color + "]" + Markup.Escape(Safe(what)) + ": " + errors + " error(s), " + warnings + " warning(s)[/]");
    }

    /// <summary>Zip entry names and messages quoting them come from the zip: made safe, long ones cut.</summary>
    private static string Safe(string text) => SafeText.ForDisplay(text, 1000);

    private static string SeverityMarkup(Severity severity) => severity switch
    {
        Severity.Error => "[red]error[/]",
        Severity.Warning => "[yellow]warning[/]",
        _ => "[grey]info[/]",
    };
}
