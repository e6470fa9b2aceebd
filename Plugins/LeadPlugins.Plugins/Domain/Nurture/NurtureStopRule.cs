using System;
using System.Collections.Generic;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// The rule "a qualified or disqualified lead stops its Active enrolment" (when the sequence says so; built-in
    /// sequences always do). lead.statecode: 0 Open, 1 Qualified, 2 Disqualified.
    /// </summary>
    public static class NurtureStopRule
    {
        public const int LeadOpenState = 0;
        public const int LeadQualifiedState = 1;
        public const int LeadDisqualifiedState = 2;

        public const string QualifiedReason = "Lead qualified";
        public const string DisqualifiedReason = "Lead disqualified";

        public static NurtureStopDecision Evaluate(int leadStateCode, EnrollmentStatus enrollmentStatus, bool stopOnQualifyOrDisqualify)
        {
            if (enrollmentStatus != EnrollmentStatus.Active)
                return new NurtureStopDecision(false, "Enrolment is " + NurtureLabels.Of(enrollmentStatus) + ", not Active.");
            string reason;
            if (leadStateCode == LeadQualifiedState) reason = QualifiedReason;
            else if (leadStateCode == LeadDisqualifiedState) reason = DisqualifiedReason;
            else return new NurtureStopDecision(false, "Lead is open.");
            if (!stopOnQualifyOrDisqualify)
                return new NurtureStopDecision(false, reason + ", but the sequence keeps running after the lead is closed.");
            return new NurtureStopDecision(true, reason);
        }
    }
}
