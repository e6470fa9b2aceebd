using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LeadPlugins.Plugins.Services;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Execution
{
    /// <summary>Prefixes every trace line with the milliseconds since the previous one ([+Nms]), like pac's template.</summary>
    public sealed class LocalTracingService : ITracingService, ILineTracingService
    {
        private readonly ITracingService? _inner;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lastMilliseconds;
        // The line being written (StartLine): its prefix and text in one buffer, copied once into the string the platform
        // gets. Made on first use, then reused for every line of the execution.
        private StringBuilder? _line;
        // Trace("{0}", line)'s argument array, one for every line: the platform formats the line before Trace returns.
        private readonly object[] _argument = new object[1];

        public LocalTracingService(ITracingService? inner)
        {
            _inner = inner;
        }

        public void Trace(string format, params object[] args)
        {
            if (_inner == null) return;
            var delta = Elapsed();
            // "{0}" with one text is how this package traces a line it built: formatting would only copy it.
            var text = args == null || args.Length == 0 ? format
                : format == "{0}" && args.Length == 1 && args[0] is string line ? line
                : string.Format(CultureInfo.InvariantCulture, format, args);
            Write(delta, text);
        }

        /// <summary>Trace("{0}", line) without the argument array.</summary>
        public void TraceLine(string line)
        {
            if (_inner == null) return;
            Write(Elapsed(), line);
        }

        /// <summary>The buffer of a line written in place, holding its time prefix: append the text, then <see cref="EndLine"/>.</summary>
        StringBuilder ILineTracingService.StartLine() => (_line ??= new StringBuilder(256)).Clear().Append("[+").Append(Elapsed()).Append("ms] ");

        /// <summary>Traces the line built since <see cref="ILineTracingService.StartLine"/>.</summary>
        void ILineTracingService.EndLine()
        {
            if (_inner != null) TraceText(_line!.ToString());
        }

        // Milliseconds since the previous line.
        private long Elapsed()
        {
            var now = _clock.ElapsedMilliseconds;
            var delta = now - _lastMilliseconds;
            _lastMilliseconds = now;
            return delta;
        }

        private void Write(long delta, string text) =>
            TraceText("[+" + delta.ToString(CultureInfo.InvariantCulture) + "ms] " + text);

        private void TraceText(string text)
        {
            _argument[0] = text;
            _inner!.Trace("{0}", _argument);
            _argument[0] = null!;
        }
    }
}
