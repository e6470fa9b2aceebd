using System;
using System.Collections.Generic;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>Counts of an enrolment's activities and the status the enrolment should have.</summary>
    public sealed class NurtureProgress
    {
        public NurtureProgress(int total, int open, int completed, int canceled, DateTime? nextDueDateUtc,
            EnrollmentStatus currentStatus, EnrollmentStatus status)
        {
            Total = total;
            Open = open;
            Completed = completed;
            Canceled = canceled;
            NextDueDateUtc = nextDueDateUtc;
            CurrentStatus = currentStatus;
            Status = status;
        }

        public int Total { get; }
        /// <summary>Not completed or canceled (including unknown statecodes).</summary>
        public int Open { get; }
        public int Completed { get; }
        public int Canceled { get; }
        /// <summary>Every step activity is completed or canceled (and there is at least one).</summary>
        internal bool AllClosed => Total > 0 && Open == 0;
        /// <summary>Earliest due date among open activities (mpl_nextduedate); null when none is open or dated.</summary>
        public DateTime? NextDueDateUtc { get; }
        public EnrollmentStatus CurrentStatus { get; }
        /// <summary>Status to write: Completed when an Active enrolment has all activities closed, else the current status.</summary>
        public EnrollmentStatus Status { get; }
        public bool StatusChanged => Status != CurrentStatus;
    }
}
