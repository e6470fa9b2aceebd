using System;
using System.Collections.Generic;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>What the SDK layer read about one step activity of an enrolment (task, phone call or e-mail).</summary>
    public sealed class NurtureActivitySnapshot
    {
        public NurtureActivitySnapshot(NurtureActivityType activityType, int stateCode, int statusCode, DateTime? dueDateUtc = null, int? stepNumber = null)
        {
            ActivityType = activityType;
            StateCode = stateCode;
            StatusCode = statusCode;
            DueDateUtc = dueDateUtc;
            StepNumber = stepNumber;
        }

        public NurtureActivityType ActivityType { get; }
        public int StateCode { get; }
        public int StatusCode { get; }
        /// <summary>scheduledend.</summary>
        public DateTime? DueDateUtc { get; }
        /// <summary>mpl_nurturestepnumber.</summary>
        public int? StepNumber { get; }
        public ActivityClosure Closure => NurtureActivityStates.Classify(StateCode);
    }

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
        public bool AllClosed => Total > 0 && Open == 0;
        /// <summary>Earliest due date among open activities (mpl_nextduedate); null when none is open or dated.</summary>
        public DateTime? NextDueDateUtc { get; }
        public EnrollmentStatus CurrentStatus { get; }
        /// <summary>Status to write: Completed when an Active enrolment has all activities closed, else the current status.</summary>
        public EnrollmentStatus Status { get; }
        public bool StatusChanged => Status != CurrentStatus;
    }

    /// <summary>The rule "when every step activity is completed or canceled, the enrolment is Completed".</summary>
    public static class NurtureCompletionRule
    {
        /// <summary>True when there is at least one activity and all are completed or canceled.</summary>
        public static bool AreAllClosed(IEnumerable<NurtureActivitySnapshot?>? activities)
        {
            var list = (activities ?? Enumerable.Empty<NurtureActivitySnapshot?>()).Where(a => a != null).ToList();
            return list.Count > 0 && list.All(a => NurtureActivityStates.IsClosed(a!.StateCode));
        }

        /// <summary>
        /// Only an Active enrolment becomes Completed; Stopped, Skipped and Completed ones keep their status. An
        /// enrolment without activities stays as it is (nothing to judge).
        /// </summary>
        public static NurtureProgress Evaluate(EnrollmentStatus currentStatus, IEnumerable<NurtureActivitySnapshot?>? activities)
        {
            var list = (activities ?? Enumerable.Empty<NurtureActivitySnapshot?>()).Where(a => a != null).Select(a => a!).ToList();
            var completed = list.Count(a => a.Closure == ActivityClosure.Completed);
            var canceled = list.Count(a => a.Closure == ActivityClosure.Canceled);
            var open = list.Count - completed - canceled;
            var nextDue = list.Where(a => !NurtureActivityStates.IsClosed(a.StateCode) && a.DueDateUtc.HasValue)
                .Select(a => (DateTime?)BusinessCalendar.ToUtc(a.DueDateUtc!.Value))
                .Min();
            var status = currentStatus == EnrollmentStatus.Active && list.Count > 0 && open == 0
                ? EnrollmentStatus.Completed
                : currentStatus;
            return new NurtureProgress(list.Count, open, completed, canceled, nextDue, currentStatus, status);
        }
    }

    public sealed class NurtureStopDecision
    {
        public NurtureStopDecision(bool shouldStop, string reason)
        {
            ShouldStop = shouldStop;
            Reason = reason;
        }

        /// <summary>Set the enrolment to Stopped (mpl_reason = <see cref="Reason"/>) and cancel its open activities.</summary>
        public bool ShouldStop { get; }
        public string Reason { get; }
    }

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
