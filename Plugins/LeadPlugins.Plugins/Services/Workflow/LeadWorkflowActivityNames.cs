using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Workflow
{
    /// <summary>
    /// The names admins see in the classic process designer (step menu "LeadPlugins: Marketplace leads"). Used by the
    /// [WorkflowActivity] attributes and at the start of every error message, so both say the same.
    /// </summary>
    public static class LeadWorkflowActivityNames
    {
        public const string Classify = "Classify marketplace lead";
        public const string Score = "Score lead";
        public const string Route = "Route lead";
        public const string Enroll = "Enrol in nurture sequence";
        public const string Stop = "Stop nurture";
    }

    // One class per activity: each property is typed exactly like the activity's OutArgument<T>, so an activity only
    // copies values across and holds no logic of its own.
}
