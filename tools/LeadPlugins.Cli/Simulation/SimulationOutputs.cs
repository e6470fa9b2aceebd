using System.Globalization;
using LeadPlugins.Cli.Output;
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
/// run streams), rejected lines and mapping notes on the error console as they are met. Every value from input goes
/// through <see cref="SafeText"/>. The columns fit the console width (<see cref="LeadTableColumns"/>), one row per
/// lead (two for a duplicate), cells cut with an ellipsis; <c>wide</c> shows every column and wraps instead.
/// </summary>
public sealed class TableOutput : ISimulationOutput
{
    public const int PageSize = 50;

    private readonly IAnsiConsole _out;
    private readonly IAnsiConsole _error;
    private readonly bool _verbose;
    private readonly bool _wide;
    private readonly List<SimulatedLead> _page = new(PageSize);

    public TableOutput(IAnsiConsole output, IAnsiConsole error, bool verbose, bool wide = false)
    {
        _out = output;
        _error = error;
        _verbose = verbose;
        _wide = wide;
    }

    public void Lead(SimulatedLead lead)
    {
        foreach (var note in lead.Notes) _error.MarkupLine("[yellow]line " + lead.Input + ": note:[/] " + Safe(note));
        _page.Add(lead);
        if (_page.Count >= PageSize) Flush();
    }

    public void Rejected(int line, string reason) => _error.MarkupLine("[red]line " + line + ": rejected:[/] " + Safe(reason));

    public void EndBatch()
    {
        // Pages fill across batches; Flush() at the end prints the rest.
    }

    public void Flush()
    {
        if (_page.Count == 0) return;
        var columns = LeadTableColumns.For(_out.Profile.Width, _wide);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            var header = new TableColumn(column.Header);
            if (column.RightAligned) header.RightAligned();
            if (!_wide) header.NoWrap();
            table.AddColumn(header);
        }
        foreach (var lead in _page)
            table.AddRow(columns.Select(c => Fit(Cell(c.Kind, lead))));        _out.Write(table);
        if (_verbose)
        {
            foreach (var lead in _page)
            {
                foreach (var step in lead.PluginSteps)
                    _out.MarkupLine("[grey]line " + lead.Input + ": " + Safe(step.Plugin + " " + step.Message + "/" + step.Table + " stage " + step.Stage
                        + (step.Async ? " async" : " sync") + ": " + step.Outcome + ", " + step.ServiceCalls + " service call(s)" + (step.Error != null ? ": " + step.Error : string.Empty), 1000) + "[/]");
                foreach (var trace in lead.Traces) _out.MarkupLine("[grey]line " + lead.Input + ":   " + Safe(trace, 1000) + "[/]");
                foreach (var step in lead.NurtureSteps)
                    _out.MarkupLine("[grey]line " + lead.Input + ": " + Safe("step " + step.Order + " " + step.Type + " due " + step.Due?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + ": " + step.Subject) + "[/]");
            }
        }
        _page.Clear();
        _out.Profile.Out.Writer.Flush();
    }

    /// <summary>Input text made safe, then escaped for Spectre markup.</summary>
    private static string Safe(string? text, int maxLength = SafeText.DefaultMaxLength) => Markup.Escape(SafeText.ForDisplay(text, maxLength));

    /// <summary>Narrow tables cut a cell with an ellipsis instead of wrapping it over several rows.</summary>
    private IRenderable Fit(IRenderable cell)
    {
        if (_wide) return cell;
        switch (cell)
        {
            case Markup markup: markup.Overflow = Overflow.Ellipsis; break;
            case Text text: text.Overflow = Overflow.Ellipsis; break;
        }
        return cell;
    }

    private static IRenderable Cell(LeadColumn column, SimulatedLead lead) => column switch
    {
        LeadColumn.Line => new Text(lead.Input.ToString(CultureInfo.InvariantCulture)),
        LeadColumn.Lead => new Markup(LeadCell(lead)),
        LeadColumn.Storefront => Cell(lead.Storefront),
        LeadColumn.Action => Cell(lead.LeadAction),
        LeadColumn.CampaignType => Cell(lead.CampaignType),
        LeadColumn.Score => Cell(lead.Score == null ? null : lead.Score.Value.ToString(CultureInfo.InvariantCulture) + (lead.Rating != null ? " " + lead.Rating : string.Empty)),
        LeadColumn.Status => lead.EnrichmentStatus == null ? new Markup("[grey]not enriched[/]") : Cell(lead.EnrichmentStatus),
        LeadColumn.Owner => Cell(lead.Owner),
        LeadColumn.Sequence => new Markup(SequenceCell(lead)),
        _ => new Text(lead.NurtureSteps.Count.ToString(CultureInfo.InvariantCulture)),
    };

    private static IRenderable Cell(string? text) => text == null ? new Markup("[grey]-[/]") : new Text(SafeText.ForDisplay(text, 80));

    private static string LeadCell(SimulatedLead lead)
    {
        var name = Safe(lead.Name ?? lead.Email ?? "(no name)", 80);
        if (lead.DuplicateOf is { } line) return name + "\n[grey]duplicate of line " + line + "[/]";
        if (lead.DuplicateOfId is { } id) return name + "\n[grey]duplicate of " + id.ToString("D") + "[/]";
        return name;
    }

    private static string SequenceCell(SimulatedLead lead)
    {
        if (lead.NurtureStatus == null && lead.NurtureSequence == null) return "[grey]-[/]";
        var text = Safe(lead.NurtureSequence ?? "(no sequence)", 80);
        if (lead.NurtureStatus != null && lead.NurtureStatus != "Active") text += " [grey](" + Safe(lead.NurtureStatus) + (lead.NurtureReason != null ? ": " + Safe(lead.NurtureReason, 80) : string.Empty) + ")[/]";
        return text;
    }
}
