using System.Text;

namespace LeadPlugins.Plugins.Services
{
    /// <summary>A tracing service that takes a finished line as it is (no format, no argument array).</summary>
    internal interface ILineTracingService
    {
        /// <summary>What <c>Trace("{0}", line)</c> writes.</summary>
        void TraceLine(string line);

        /// <summary>
        /// The service's buffer for a line built in place, emptied and holding what the service writes before every line:
        /// append the line's text, then call <see cref="EndLine"/>. Saves the copy of a line made only to be copied.
        /// </summary>
        StringBuilder StartLine();

        /// <summary>Traces the line built since <see cref="StartLine"/>, what <c>Trace("{0}", text)</c> writes.</summary>
        void EndLine();
    }
}
