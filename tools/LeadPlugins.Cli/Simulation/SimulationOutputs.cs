using LeadPlugins.Schema;
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

    public void Lead(SimulatedLead lead)
    {
        // One write per lead: the console writer takes a lock on every call, and a JSON writer makes dozens.
        _line.GetStringBuilder().Clear();
        lead.WriteJson(new JsonTextWriter(_line) { Formatting = Formatting.None }, _verbose);
        _writer.WriteLine(_line.GetStringBuilder());
    }

    private readonly StringWriter _line = new(System.Globalization.CultureInfo.InvariantCulture);

    public void Rejected(int line, string reason)
        => _writer.WriteLine(new JObject { ["input"] = line, ["rejected"] = true, ["error"] = reason }.ToString(Formatting.None));

    /// <summary>Lines reach the reader at least every 200 ms, not after every lead (a flush per lead cost a tenth of the run).</summary>
    public void EndBatch()
    {
        if (_sinceFlush.ElapsedMilliseconds < 200) return;
        _writer.Flush();
        _sinceFlush.Restart();
    }

    private readonly System.Diagnostics.Stopwatch _sinceFlush = System.Diagnostics.Stopwatch.StartNew();
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
        var cells = _page.Select(lead => columns.Select(c => CellOf(c.Kind, lead)).ToArray()).ToList();
        var widths = _wide ? null : LeadTableColumns.Fit(_out.Profile.Width, columns, cells.Select(row => row.Select(c => c.Width).ToArray()).ToList());
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < columns.Count; i++)
        {
            var header = new TableColumn(columns[i].Header);
            if (columns[i].RightAligned) header.RightAligned();
            if (widths != null) header.Width(widths[i]);
            table.AddColumn(header);
        }
        foreach (var row in cells)
            table.AddRow(row.Select((cell, i) => cell.Render(widths?[i])));
        _out.Write(table);
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

    /// <summary>One cell: its lines of safe plain text; dim ones are placeholders and second lines.</summary>
    private sealed record LeadCellText(string Main, string? Dim = null, bool MainIsDim = false)
    {
        public int Width => Math.Max(Main.GetCellWidth(), Dim == null ? 0 : Dim.Trim().GetCellWidth() + (Dim.StartsWith('\n') ? 0 : Main.GetCellWidth()));

        /// <summary>The cell, cut to <paramref name="width"/> columns per line with an ellipsis (null: as it is, wrapping).</summary>
        public IRenderable Render(int? width)
        {
            var main = Cut(Main, width);
            var mainMarkup = MainIsDim ? "[grey]" + Markup.Escape(main) + "[/]" : Markup.Escape(main);
            if (Dim == null) return new Markup(mainMarkup);
            var secondLine = Dim.StartsWith('\n');
            var dim = secondLine ? Cut(Dim[1..], width) : Cut(Main + Dim, width).Length > main.Length ? Cut(Main + Dim, width)[main.Length..] : string.Empty;
            return new Markup(mainMarkup + (secondLine ? "\n" : string.Empty) + (dim.Length > 0 ? "[grey]" + Markup.Escape(dim) + "[/]" : string.Empty));
        }

        private static string Cut(string text, int? width)
        {
            if (width is not { } max || text.GetCellWidth() <= max) return text;
            var cut = text;
            while (cut.Length > 0 && cut.GetCellWidth() > max - 1) cut = cut[..^1];
            return cut + "…";
        }
    }

    private static LeadCellText CellOf(LeadColumn column, SimulatedLead lead) => column switch
    {
        LeadColumn.Line => new LeadCellText(lead.Input.ToString(CultureInfo.InvariantCulture)),
        LeadColumn.Lead => LeadCell(lead),
        LeadColumn.Storefront => Plain(lead.Storefront),
        LeadColumn.Action => Plain(lead.LeadAction),
        LeadColumn.CampaignType => Plain(lead.CampaignType),
        LeadColumn.Score => Plain(lead.Score == null ? null : lead.Score.Value.ToString(CultureInfo.InvariantCulture) + (lead.Rating != null ? " " + lead.Rating : string.Empty)),
        LeadColumn.Status => lead.EnrichmentStatus == null ? new LeadCellText("not enriched", MainIsDim: true) : Plain(lead.EnrichmentStatus),
        LeadColumn.Owner => Plain(lead.Owner),
        LeadColumn.Sequence => SequenceCell(lead),
        _ => new LeadCellText(lead.NurtureSteps.Count.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>Input text made safe for a cell; "-" (dim) when empty.</summary>
    private static LeadCellText Plain(string? text) => text == null ? new LeadCellText("-", MainIsDim: true) : new LeadCellText(SafeText.ForDisplay(text, 80));

    private static LeadCellText LeadCell(SimulatedLead lead)
    {
        var name = SafeText.ForDisplay(lead.Name ?? lead.Email ?? "(no name)", 80);
        if (lead.DuplicateOf is { } line) return new LeadCellText(name, "\nduplicate of line " + line);
        if (lead.DuplicateOfId is { } id) return new LeadCellText(name, "\nduplicate of " + id.ToString("D"));
        return new LeadCellText(name);
    }

    private static LeadCellText SequenceCell(SimulatedLead lead)
    {
        if (lead.NurtureStatus == null && lead.NurtureSequence == null) return new LeadCellText("-", MainIsDim: true);
        var text = SafeText.ForDisplay(lead.NurtureSequence ?? "(no sequence)", 80);
        if (lead.NurtureStatus == null || lead.NurtureStatus == "Active") return new LeadCellText(text);
        return new LeadCellText(text, " (" + SafeText.ForDisplay(lead.NurtureStatus) + (lead.NurtureReason != null ? ": " + SafeText.ForDisplay(lead.NurtureReason, 80) : string.Empty) + ")");
    }
}
