using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LeadPlugins.Cli.Simulation;

/// <summary>--json: one JSON object per lead (and per rejected line) and per line of output, in input order.</summary>
public sealed class JsonLinesOutput : ISimulationOutput
{
    private readonly TextWriter _writer;
    private readonly bool _verbose;

    public JsonLinesOutput(TextWriter writer, bool verbose)
    {
        _writer = writer;
        _verbose = verbose;
    }

    public void Lead(SimulatedLead lead) => _writer.WriteLine(lead.ToJson(_verbose).ToString(Formatting.None));

    public void Rejected(int line, string reason)
        => _writer.WriteLine(new JObject { ["input"] = line, ["rejected"] = true, ["error"] = reason }.ToString(Formatting.None));

    public void EndBatch() => _writer.Flush();
}

/// <summary>
/// The default output: Spectre tables of up to <see cref="PageSize"/> leads (printed as each page fills, so a long
/// run streams), rejected lines and mapping notes on the error console as they are met.
/// </summary>
public sealed class TableOutput : ISimulationOutput
{
    public const int PageSize = 50;

    private readonly IAnsiConsole _out;
    private readonly IAnsiConsole _error;
    private readonly bool _verbose;
    private readonly List<SimulatedLead> _page = new(PageSize);

    public TableOutput(IAnsiConsole output, IAnsiConsole error, bool verbose)
    {
        _out = output;
        _error = error;
        _verbose = verbose;
    }

    public void Lead(SimulatedLead lead)
    {
        foreach (var note in lead.Notes) _error.MarkupLine("[yellow]line " + lead.Input + ": note:[/] " + Markup.Escape(note));
        _page.Add(lead);
        if (_page.Count >= PageSize) Flush();
    }

    public void Rejected(int line, string reason) => _error.MarkupLine("[red]line " + line + ": rejected:[/] " + Markup.Escape(reason));

    public void EndBatch()
    {
        // Pages fill across batches; Flush() at the end prints the rest.
    }

    public void Flush()
    {
        if (_page.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Line").RightAligned())
            .AddColumn("Lead")
            .AddColumn("Storefront")
            .AddColumn("Action")
            .AddColumn("Campaign type")
            .AddColumn(new TableColumn("Score").RightAligned())
            .AddColumn("Status")
            .AddColumn("Owner")
            .AddColumn("Sequence")
            .AddColumn(new TableColumn("Steps").RightAligned());
        foreach (var lead in _page)
        {
            table.AddRow(
                new Text(lead.Input.ToString(CultureInfo.InvariantCulture)),
                new Markup(LeadCell(lead)),
                Cell(lead.Storefront),
                Cell(lead.LeadAction),
                Cell(lead.CampaignType),
                Cell(lead.Score == null ? null : lead.Score.Value.ToString(CultureInfo.InvariantCulture) + (lead.Rating != null ? " " + lead.Rating : string.Empty)),
                lead.EnrichmentStatus == null ? new Markup("[grey]not enriched[/]") : new Text(lead.EnrichmentStatus),
                Cell(lead.Owner),
                new Markup(SequenceCell(lead)),
                new Text(lead.NurtureSteps.Count.ToString(CultureInfo.InvariantCulture)));
        }
        _out.Write(table);
        if (_verbose)
        {
            foreach (var lead in _page)
            {
                foreach (var step in lead.PluginSteps)
                    _out.MarkupLine("[grey]line " + lead.Input + ": " + Markup.Escape(step.Plugin + " " + step.Message + "/" + step.Table + " stage " + step.Stage
                        + (step.Async ? " async" : " sync") + ": " + step.Outcome + ", " + step.ServiceCalls + " service call(s)" + (step.Error != null ? ": " + step.Error : string.Empty)) + "[/]");
                foreach (var trace in lead.Traces) _out.MarkupLine("[grey]line " + lead.Input + ":   " + Markup.Escape(trace) + "[/]");
                foreach (var step in lead.NurtureSteps)
                    _out.MarkupLine("[grey]line " + lead.Input + ": " + Markup.Escape("step " + step.Order + " " + step.Type + " due " + step.Due?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + ": " + step.Subject) + "[/]");
            }
        }
        _page.Clear();
        _out.Profile.Out.Writer.Flush();
    }

    private static IRenderable Cell(string? text) => text == null ? new Markup("[grey]-[/]") : new Text(text);

    private static string LeadCell(SimulatedLead lead)
    {
        var name = Markup.Escape(lead.Name ?? lead.Email ?? "(no name)");
        if (lead.DuplicateOf is { } line) return name + "\n[grey]duplicate of line " + line + "[/]";
        if (lead.DuplicateOfId is { } id) return name + "\n[grey]duplicate of " + id.ToString("D") + "[/]";
        return name;
    }

    private static string SequenceCell(SimulatedLead lead)
    {
        if (lead.NurtureStatus == null && lead.NurtureSequence == null) return "[grey]-[/]";
        var text = Markup.Escape(lead.NurtureSequence ?? "(no sequence)");
        if (lead.NurtureStatus != null && lead.NurtureStatus != "Active") text += " [grey](" + Markup.Escape(lead.NurtureStatus) + (lead.NurtureReason != null ? ": " + Markup.Escape(lead.NurtureReason) : string.Empty) + ")[/]";
        return text;
    }
}
