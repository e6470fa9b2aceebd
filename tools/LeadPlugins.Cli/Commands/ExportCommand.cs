using LeadPlugins.Schema;
using System.CommandLine;
using System.Globalization;
using CsvHelper;
using LeadPlugins.Cli.Live;
using LeadPlugins.Plugins.Services.Enrichment;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>`leadplugins export`: an environment's leads as simulate input (CSV of lead columns), the solution's columns beside the input ones.</summary>
public sealed class ExportCommand : ICliCommand
{
    /// <summary>The input columns (what enrichment reads) then every column the solution writes; all are lead columns, so simulate reads the file.</summary>
    internal static IReadOnlyList<string> Columns()
        => new[] { LeadTable.Columns.LeadId }
            .Concat(new LeadEnrichmentService(NullOrganizationService.Instance, NullTracing.Instance, null).InputColumns)
            .Concat(LeadBackfill.OutputColumns())
            .Distinct(StringComparer.Ordinal).ToList();

    public Command Build(CliConsoles consoles)
    {
        var live = new LiveOptions();
        var since = new Option<DateTime?>("--since") { Description = "Only leads created on or after this date (UTC)", HelpName = "date" };
        var fetch = new Option<string?>("--fetch") { Description = "FetchXML file on lead whose filters narrow the export", HelpName = "file" };
        var output = new Option<string>("--out") { Description = "CSV file to write (- = stdout)", Required = true, HelpName = "file" };
        var command = new Command("export", "Export an environment's leads as simulate input (CSV), one row per lead in leadid order, with the solution's columns beside the input columns. Reads only.")
        {
            since, fetch, output,
        };
        command.Options.Add(live.Url);
        command.Options.Add(live.Connection);
        command.SetAction(async (parse, token) =>
        {
            using var service = live.Connect(parse, consoles.Error);
            if (service == null) return Cli.Failure;
            var fetchPath = parse.GetValue(fetch);
            if (fetchPath != null && !File.Exists(fetchPath))
            {
                consoles.Error.MarkupLine("[red]fetch file not found:[/] " + Markup.Escape(fetchPath));
                return Cli.Failure;
            }
            var path = parse.GetValue(output)!;
            try
            {
                var columns = Columns();
                var pages = new LeadPages(columns, fetchPath == null ? null : File.ReadAllText(fetchPath),
                    parse.GetValue(since) is DateTime s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : null, neverEnrichedOnly: false);
                var writer = path == "-" ? consoles.Out.Profile.Out.Writer : new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
                long rows = 0;
                try
                {
                    using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: path == "-");
                    foreach (var column in columns) csv.WriteField(column);
                    await csv.NextRecordAsync();
                    await foreach (var page in pages.ReadAsync(service, null, token))
                    {
                        foreach (var lead in page)
                        {
                            foreach (var column in columns)
                                csv.WriteField(lead.Attributes.TryGetValue(column, out var value) && value != null ? LeadBackfill.Show(value) : string.Empty);
                            await csv.NextRecordAsync();
                            rows++;
                        }
                    }
                }
                finally
                {
                    if (path == "-") writer.Flush();
                }
                consoles.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exported {rows:N0} lead(s), {columns.Count} columns, to {path}; {service.Statistics.Requests:N0} request(s)"));
                return Cli.Success;
            }
            catch (ArgumentException e)
            {
                consoles.Error.MarkupLine("[red]error:[/] " + Markup.Escape(e.Message));
                return Cli.Failure;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return LiveOptions.Fail(consoles.Error, e);
            }
        });
        return command;
    }
}
