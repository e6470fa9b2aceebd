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

    public void Lead(SimulatedLead lead) => _writer.WriteLine(lead.ToJson(_verbose).ToString(Formatting.None));

    public void Rejected(int line, string reason)
        => _writer.WriteLine(new JObject { ["input"] = line, ["rejected"] = true, ["error"] = reason }.ToString(Formatting.None));

    public void EndBatch() => _writer.Flush();
}
