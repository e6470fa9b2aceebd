using System.Collections.Generic;
using System.Text;

namespace LeadPlugins.Plugins.Domain
{
    /// <summary>The lines as a list of strings.</summary>
    internal sealed class TraceLineList : TraceLineSink
    {
        private readonly StringBuilder _line = new StringBuilder(128);

        public List<string> Lines { get; } = new List<string>(16);

        public override StringBuilder Start() => _line.Clear();

        public override void End() => Lines.Add(_line.ToString());
    }
}
