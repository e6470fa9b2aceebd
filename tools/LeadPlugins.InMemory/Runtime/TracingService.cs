using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>Captures a step execution's trace lines.</summary>
internal sealed class TracingService : ITracingService
{
    private readonly StepExecution _execution;
    private readonly List<TraceLine> _all;

    public TracingService(StepExecution execution, List<TraceLine> all)
    {
        _execution = execution;
        _all = all;
    }

    public void Trace(string format, params object[] args)
    {
        // "{0}" with one text is how plug-ins trace a line they built (PluginBase does for every line): no formatting needed.
        var text = args == null || args.Length == 0 ? format
            : format == "{0}" && args.Length == 1 && args[0] is string line ? line
            : string.Format(CultureInfo.InvariantCulture, format, args);
        _execution.AddTrace(text);
        _all.Add(new TraceLine(_execution, text));
    }
}
