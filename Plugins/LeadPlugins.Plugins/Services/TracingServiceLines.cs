using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services
{
    /// <summary>
    /// Lines the package built go to the trace as <c>Trace("{0}", line)</c>; through the plug-ins' own tracing service
    /// (<see cref="ILineTracingService"/>) without the argument array, about seventeen lines per lead in a simulation.
    /// </summary>
    internal static class TracingServiceLines
    {
        public static void TraceLine(this ITracingService tracing, string line)
        {
            if (tracing is ILineTracingService lines) lines.TraceLine(line);
            else tracing.Trace("{0}", line);
        }
    }
}
