using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Workflow
{
    /// <summary>Outputs of "Enrol in nurture sequence".</summary>
    public sealed class NurtureEnrollOutputs
    {
        /// <summary>The lead's mpl_nurtureenrollment (Active, or Skipped with the reason); null when none applies.</summary>
        public EntityReference? Enrollment { get; internal set; }
        /// <summary>Step activities of the enrolment (mpl_stepsscheduled); 0 for Skipped and not applicable.</summary>
        public int StepsScheduled { get; internal set; }
        /// <summary>Enrolled, AlreadyEnrolled, Skipped or NotApplicable (the enum name: stable for workflow conditions).</summary>
        public string Result { get; internal set; } = string.Empty;
        public string Reason { get; internal set; } = string.Empty;
    }
}
