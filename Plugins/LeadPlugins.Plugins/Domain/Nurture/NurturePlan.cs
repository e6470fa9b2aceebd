using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>Everything to write for one enrolment: its activities (in step order) and the enrolment columns.</summary>
    public sealed class NurturePlan
    {
        public NurturePlan(NurtureSequenceDefinition sequence, DateTime enrolledOnUtc, string enrollmentName,
            IReadOnlyList<PlannedNurtureActivity> activities, IReadOnlyList<string> diagnostics)
        {
            Sequence = sequence;
            EnrolledOnUtc = enrolledOnUtc;
            EnrollmentName = enrollmentName;
            Activities = activities;
            Diagnostics = diagnostics;
        }

        public NurtureSequenceDefinition Sequence { get; }
        /// <summary>mpl_sequenceid (null for a built-in sequence).</summary>
        public Guid? SequenceId => Sequence.IsBuiltIn ? null : Sequence.Id;
        /// <summary>mpl_sequencename.</summary>
        public string SequenceName => Sequence.Name;
        public bool IsBuiltIn => Sequence.IsBuiltIn;
        /// <summary>Whether closing the lead stops this enrolment (keep it with the enrolment for built-ins).</summary>
        public bool StopOnQualifyOrDisqualify => Sequence.StopOnQualifyOrDisqualify;
        /// <summary>mpl_startedon.</summary>
        public DateTime EnrolledOnUtc { get; }
        /// <summary>mpl_name: "sequence name: lead name", at most 200 characters.</summary>
        public string EnrollmentName { get; }
        public IReadOnlyList<PlannedNurtureActivity> Activities { get; }
        /// <summary>mpl_stepsscheduled.</summary>
        public int StepsScheduled => Activities.Count;
        /// <summary>mpl_nextduedate: earliest due date of the planned activities.</summary>
        public DateTime? NextDueDateUtc
        {
            get
            {
                if (Activities.Count == 0) return null;
                var earliest = Activities[0].DueDateUtc;
                for (var i = 1; i < Activities.Count; i++)
                    if (Activities[i].DueDateUtc < earliest) earliest = Activities[i].DueDateUtc;
                return earliest;
            }
        }
        /// <summary>mpl_status: Active when something is scheduled, else Skipped (reason in <see cref="Diagnostics"/>).</summary>
        public EnrollmentStatus Status => Activities.Count > 0 ? EnrollmentStatus.Active : EnrollmentStatus.Skipped;
        /// <summary>Trace lines: unknown tokens, truncations, fallbacks, skipped steps.</summary>
        public IReadOnlyList<string> Diagnostics { get; }
    }
}
