using LeadPlugins.Cli.Report;
using LeadPlugins.Cli.Simulation;
using LeadPlugins.Schema;
using LeadPlugins.Cli.Output;
using Microsoft.Xrm.Sdk;
using Spectre.Console;

namespace LeadPlugins.Cli.Live;

/// <summary>
/// Feeds a backfill's outcomes into the dry-run report's <see cref="ReportCollector"/>: each lead read becomes the
/// <see cref="SimulatedLead"/> it is (or, in a dry run, would be) after the run, so `backfill --report` and
/// `simulate --report` write the same report from the same aggregates.
/// </summary>
public sealed class BackfillReport
{
    private readonly ReportCollector _collector;
    private readonly ChoiceLabels _labels;
    private readonly string _environment;
    private int _read;

    public BackfillReport(ReportCollector collector, ChoiceLabels labels, string environment)
    {
        _collector = collector;
        _labels = labels;
        _environment = environment;
        _collector.BeginSource(environment);
    }

    public void Add(BackfillOutcome outcome)
    {
        _read++;
        var after = new Entity(outcome.Lead.LogicalName, outcome.Lead.Id);
        foreach (var (column, value) in outcome.Lead.Attributes) after[column] = value;
        if (outcome.Update != null)
            foreach (var (column, value) in outcome.Update.Attributes) after[column] = value;
        var first = after.GetAttributeValue<string>(LeadTable.Columns.FirstName);
        var last = after.GetAttributeValue<string>(LeadTable.Columns.LastName);
        _collector.Add(SimulatedLead.FromLeadRow(after, _labels, reference => reference?.Name) with
        {
            Input = _read,
            Name = after.GetAttributeValue<string>(LeadTable.Columns.FullName) ?? (string.Join(" ", new[] { first, last }.Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } joined ? joined : null),
            IsMarketplace = outcome.IsMarketplace,
        });
    }

    /// <summary>Closes the report's source with the run's own figures as its notes.</summary>
    private void End(BackfillSummary summary, bool applied)
        => _collector.EndSource(applied ? "backfill --apply" : "backfill (dry run)", new[]
        {
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{summary.Read:N0} read, {summary.Marketplace:N0} marketplace, {summary.Changed:N0} {(applied ? "changed" : "to change")}, {summary.Written:N0} written, {summary.NotMarketplace:N0} not marketplace (untouched)"),
        });

    /// <summary>Ends the source and writes the HTML report; says where (or why not) on stderr. False when it could not be written.</summary>
    public bool Write(string path, BackfillSummary summary, bool applied, IAnsiConsole error)
    {
        End(summary, applied);
        var failed = HtmlReport.TryWrite(path, _collector, (applied ? "Backfill: " : "Backfill dry run: ") + _environment, DateTime.UtcNow);
        if (failed != null) error.MarkupLine("[red]" + Markup.Escape(failed) + "[/]");
        else error.MarkupLine("[grey]report:[/] " + Markup.Escape(SafeText.ForDisplay(Path.GetFullPath(path), 400)));
        return failed == null;
    }
}
