using System.Collections.Generic;
using System.Text;

namespace LeadPlugins.Plugins.Domain
{
    /// <summary>
    /// Where trace lines are built in place: <see cref="Start"/> gives an emptied buffer (already holding whatever the
    /// sink writes before each line), the caller appends the line's text, and <see cref="End"/> takes the line. A line
    /// bound for a tracing service is then copied once, with its prefix, instead of being made and copied again.
    /// </summary>
    internal abstract class TraceLineSink
    {
        public abstract StringBuilder Start();

        public abstract void End();
    }

    /// <summary>The lines as a list of strings.</summary>
    internal sealed class TraceLineList : TraceLineSink
    {
        private readonly StringBuilder _line = new StringBuilder(128);

        public List<string> Lines { get; } = new List<string>(16);

        public override StringBuilder Start() => _line.Clear();

        public override void End() => Lines.Add(_line.ToString());
    }
}
