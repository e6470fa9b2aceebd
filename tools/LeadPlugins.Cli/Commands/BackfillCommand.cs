using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LeadPlugins.Cli.Live;
using LeadPlugins.Cli.Report;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>`leadplugins backfill`: enrichment (and with --enrol nurture enrolment) over leads that arrived before the solution.</summary>
public sealed class BackfillCommand : ICliCommand
{
    public Command Build(CliConsoles consoles)
    {
        var live = new LiveOptions();
        var since = new Option<DateTime?>("--since") { Description = "Only leads created on or after this date (UTC)", HelpName = "date" };
        var fetch = new Option<string?>("--fetch") { Description = "FetchXML file on lead whose filters narrow the run", HelpName = "file" };
        var enrol = new Option<bool>("--enrol") { Description = "Also enrol the enriched marketplace leads in their nurture sequence (with --apply)" };
        var apply = new Option<bool>("--apply") { Description = "Write the changes (default: a dry run that only shows them)" };
        var batchSize = new Option<int>("--batch-size") { Description = "Leads per UpdateMultiple request", DefaultValueFactory = _ => 100, HelpName = "N" };
        batchSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError("--batch-size must be 1 to 1000."); });
        var report = new Option<string?>("--report") { Description = "Also write the dry-run HTML report (the one simulate --report writes) of the leads as they are after this run, or would be in a dry run", HelpName = "file.html" };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Where an applied run records its progress, to resume after a stop", DefaultValueFactory = _ => "leadplugins-backfill.checkpoint.json", HelpName = "file" };
        var command = new Command("backfill", "Run the solution's enrichment over existing leads that were never enriched: a dry run shows each change (before -> after); --apply writes them in UpdateMultiple batches and resumes after a stop.")
        {
            since, fetch, enrol, apply, batchSize, checkpoint, report,
        };
        live.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            using var service = live.Connect(parse, consoles.Error);
            if (service == null) return Cli.Failure;
            var json = parse.GetValue(live.Json);
            var fetchPath = parse.GetValue(fetch);
            if (fetchPath != null && !File.Exists(fetchPath))
            {
                consoles.Error.MarkupLine("[red]fetch file not found:[/] " + Markup.Escape(fetchPath));
                return Cli.Failure;
            }
            var options = new BackfillOptions
            {
                Since = parse.GetValue(since) is DateTime s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : null,
                FetchXml = fetchPath == null ? null : File.ReadAllText(fetchPath),
                Apply = parse.GetValue(apply),
                Enrol = parse.GetValue(enrol),
                BatchSize = parse.GetValue(batchSize),
                CheckpointPath = parse.GetValue(checkpoint),
            };
            var reportPath = parse.GetValue(report);
            BackfillReport? collector = null;
            if (reportPath != null)
            {
                var environment = SimulateCommand.LoadEnvironment(consoles.Error);
                if (environment == null) return Cli.Failure;
                collector = new BackfillReport(new ReportCollector(), environment.Labels, service.Connection.Url.Authority); // no scheme: the report names no URL
            }
            var table = json ? null : new Table().AddColumns("lead", "column", "before", "after");
            var writer = consoles.Out.Profile.Out.Writer;
            // A bar when stderr is a terminal and streamed JSON lines cannot garble it; a line every 10 s in a log.
            var errorIsTerminal = !Console.IsErrorRedirected && consoles.Error.Profile.Capabilities.Interactive;
            var bar = errorIsTerminal && (!json || Console.IsOutputRedirected) ? consoles.Error : null;
            var log = errorIsTerminal ? null : new ProgressLog(consoles.Error.Profile.Out.Writer, "backfill");
            try
            {
                var backfill = new LeadBackfill(service, options);
                var summary = await BackfillProgress.RunAsync(progress => backfill.RunAsync(change =>
                {
                    if (json)
                    {
                        writer.WriteLine(JsonSerializer.Serialize(new
                        {
                            leadid = change.LeadId,
                            testLead = change.IsTestLead,
                            applied = options.Apply,
                            changes = change.Columns.ToDictionary(c => c.Column, c => new { before = c.Before, after = c.After }),
                        }));
                        return;
                    }
                    foreach (var column in change.Columns)
                        table!.AddRow(Markup.Escape(change.LeadId.ToString("D")), Markup.Escape(column.Column), Markup.Escape(SafeCell(column.Before)), Markup.Escape(SafeCell(column.After)));
                }, progress, token, collector == null ? null : collector.Add), bar, log).ConfigureAwait(false);
                if (table != null && table.Rows.Count > 0) consoles.Out.Write(table);
                writer.Flush();
                consoles.Error.WriteLine(Progress(summary, options.Apply));
                consoles.Error.WriteLine(Requests(summary, options.BatchSize));
                if (!options.Apply && summary.Changed > 0) consoles.Error.WriteLine("dry run: nothing was written; add --apply to write these changes.");
                if (collector != null && collector.Write(reportPath!, summary, options.Apply, consoles.Error) is false) return Cli.Failure;
                return Cli.Success;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return LiveOptions.Fail(consoles.Error, e);
            }
        });
        return command;
    }

    private static string SafeCell(string text) => text.Length > 120 ? text[..117] + "..." : text.ReplaceLineEndings(" ");

    private static string Progress(BackfillSummary s, bool apply)
        => string.Create(CultureInfo.InvariantCulture,
            $"backfill: {s.Read:N0} read, {s.Marketplace:N0} marketplace, {s.Changed:N0} {(apply ? "changed" : "to change")} ({s.TestLeadsFlagged:N0} test leads flagged only), {s.Written:N0} written, {s.Enrolled:N0} enrolled, {s.NotMarketplace:N0} not marketplace (untouched){(s.Resumed ? ", resumed from checkpoint" : string.Empty)}");

    private static string Requests(BackfillSummary s, int batchSize)
        => string.Create(CultureInfo.InvariantCulture,
            $"requests: {s.Requests - s.Retries:N0} = {s.ReadRequests:N0} reads + {s.WriteRequests:N0} writes (ceil({s.Written:N0}/{batchSize}) = {(s.Written + batchSize - 1) / batchSize:N0}); retries {s.Retries:N0} ({s.Throttled:N0} throttled, waited {s.Waited.TotalSeconds:N1} s); {s.Elapsed.TotalSeconds:N1} s, {s.LeadsPerSecond:N0} leads/s");
}
