using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Live;

internal sealed class NullTracing : ITracingService
{
    public static readonly NullTracing Instance = new();
    public void Trace(string format, params object[] args) { }
}
