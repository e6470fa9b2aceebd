using System.Text;
using LeadPlugins.Plugins.Domain;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services
{
    /// <summary>
    /// Lines built in place for a tracing service: in the service's own line buffer when it has one
    /// (<see cref="ILineTracingService.StartLine"/>: no copy of a line before the traced one), else in this sink's, traced
    /// as <c>Trace("{0}", line)</c>.
    /// </summary>
    internal class TracingLineSink : TraceLineSink
    {
        private readonly ITracingService _tracing;
        private readonly ILineTracingService? _lines;
        private StringBuilder? _own;

        internal TracingLineSink(ITracingService tracing)
        {
            _tracing = tracing;
            _lines = tracing as ILineTracingService;
        }

        public override StringBuilder Start() => _lines != null ? _lines.StartLine() : (_own ??= new StringBuilder(128)).Clear();

        public override void End()
        {
            if (_lines != null) _lines.EndLine();
            else _tracing.Trace("{0}", _own!.ToString());
        }
    }
}
