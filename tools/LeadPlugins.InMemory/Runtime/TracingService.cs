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
        var text = args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        _execution.AddTrace(text);
        _all.Add(new TraceLine(_execution, text));
    }
}
