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
}
