using LeadPlugins.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spectre.Console;

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
        // One write per lead: the console writer takes a lock on every call.
        _line.Clear();
        lead.WriteJson(_line, _verbose);
        _writer.WriteLine(_line.Text);
    }

    private readonly JsonLineWriter _line = new();

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
