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

    /// <summary>Outputs of "Classify marketplace lead". Choices are lead choice values (null = no value).</summary>
    public sealed class LeadClassificationOutputs
    {
        public OptionSetValue? Storefront { get; internal set; }
        public OptionSetValue? Audience { get; internal set; }
        public OptionSetValue? CampaignType { get; internal set; }
        public OptionSetValue? ListingType { get; internal set; }
        public OptionSetValue? LeadAction { get; internal set; }
        public string? OfferTitle { get; internal set; }
        public bool IsCoSell { get; internal set; }
        public bool IsTestLead { get; internal set; }
        /// <summary>mpl_ismarketplace: marketplace and test leads.</summary>
        public bool IsMarketplace { get; internal set; }
        /// <summary>mpl_enrichmentstatus-style summary for the trace: "Enriched: AppSource / ContactMe".</summary>
        public string Summary { get; internal set; } = string.Empty;
    }

    /// <summary>Outputs of "Score lead".</summary>
    public sealed class LeadScoreOutputs
    {
        /// <summary>0..100; 0 when the lead is not scored (see <see cref="Scored"/>).</summary>
        public int Score { get; internal set; }
        /// <summary>leadqualitycode (Hot 1, Warm 2, Cold 3); null when not scored.</summary>
        public OptionSetValue? Rating { get; internal set; }
        /// <summary>One line per contribution, or why the lead is not scored.</summary>
        public string Explanation { get; internal set; } = string.Empty;
        /// <summary>False for leads enrichment does not score: not marketplace, test leads, co-sell referrals.</summary>
        public bool Scored { get; internal set; }
    }

    /// <summary>Outputs of "Route lead": the owner is a user or a team, so exactly one of the two is set (or neither).</summary>
    public sealed class LeadRouteOutputs
    {
        public EntityReference? OwnerUser { get; internal set; }
        public EntityReference? OwnerTeam { get; internal set; }
        /// <summary>"Assign now" changed the lead's ownerid (false when not asked, no owner found, or already the owner).</summary>
        public bool OwnerChanged { get; internal set; }
        public string Explanation { get; internal set; } = string.Empty;
    }

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

    /// <summary>Outputs of "Stop nurture".</summary>
    public sealed class NurtureStopOutputs
    {
        public int ActivitiesCanceled { get; internal set; }
        /// <summary>An Active enrolment was set to Stopped.</summary>
        public bool Stopped { get; internal set; }
        public string Reason { get; internal set; } = string.Empty;
    }
}
