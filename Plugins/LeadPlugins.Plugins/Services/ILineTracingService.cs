namespace LeadPlugins.Plugins.Services
{
    /// <summary>A tracing service that takes a finished line as it is (no format, no argument array).</summary>
    internal interface ILineTracingService
    {
        /// <summary>What <c>Trace("{0}", line)</c> writes.</summary>
        void TraceLine(string line);
    }
}
