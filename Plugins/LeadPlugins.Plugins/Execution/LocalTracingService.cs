using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
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

        // Milliseconds since the previous line.
        private long Elapsed()
        {
            var now = _clock.ElapsedMilliseconds;
            var delta = now - _lastMilliseconds;
            _lastMilliseconds = now;
            return delta;
        }

        private void Write(long delta, string text) =>
            _inner!.Trace("{0}", "[+" + delta.ToString(CultureInfo.InvariantCulture) + "ms] " + text);
    }
}
