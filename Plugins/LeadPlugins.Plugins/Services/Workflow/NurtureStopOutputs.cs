using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Workflow
{
    /// <summary>Outputs of "Stop nurture".</summary>
    public sealed class NurtureStopOutputs
    {
        public int ActivitiesCanceled { get; internal set; }
        /// <summary>An Active enrolment was set to Stopped.</summary>
        public bool Stopped { get; internal set; }
        public string Reason { get; internal set; } = string.Empty;
    }
}
