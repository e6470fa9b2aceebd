using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Domain.Nurture;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>One lead of an enrolment batch: its position in the caller's list, what it knows, and the decision on it.</summary>
    internal sealed class NurtureBatchLead
    {
        private NurtureEligibilityDecision? _decision;

        public NurtureBatchLead(int index, NurtureLead lead)
        {
            Index = index;
            Lead = lead;
        }

        /// <summary>Position in the caller's list (outcomes come back in that order).</summary>
        public int Index { get; }
        public NurtureLead Lead { get; }
        /// <summary>Set once by <see cref="RepeatEngagementResolver"/>: enrol, skip (and why), or repeat engagement.</summary>
        public NurtureEligibilityDecision Decision
        {
            get => _decision ?? throw new InvalidOperationException("The lead has not been decided yet.");
            set => _decision = value;
        }
        /// <summary>For a repeat engagement: the enrolment of the original lead.</summary>
        public EnrollmentTarget? RepeatOf { get; set; }
        /// <summary>Repeat-engagement lines of later batch leads, written with this lead's new enrolment.</summary>
        public List<string> LinesForThisEnrollment { get; } = new List<string>();
    }
}
