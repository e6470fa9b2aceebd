using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    public sealed class NurtureEligibilityDecision
    {
        public NurtureEligibilityDecision(NurtureSkipReason reason, string message, Guid? existingEnrollmentId)
        {
            Reason = reason;
            Message = message;
            ExistingEnrollmentId = existingEnrollmentId;
        }

        public bool IsEligible => Reason == NurtureSkipReason.None;
        public NurtureSkipReason Reason { get; }
        /// <summary>Readable reason, e.g. "Test lead" (for mpl_reason and the trace); "Eligible" when eligible.</summary>
        public string Message { get; }
        /// <summary>
        /// Set only for <see cref="NurtureSkipReason.RepeatEngagement"/>: the enrolment that gets a
        /// "repeat engagement" line (see <see cref="NurtureEligibility.RepeatEngagementLine"/>) instead of a new enrolment.
        /// </summary>
        public Guid? ExistingEnrollmentId { get; }
        /// <summary>Reason code for traces, e.g. "TestLead".</summary>
        public string ReasonCode => Reason.ToString();
    }
}
