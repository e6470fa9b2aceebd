using System;
using System.Collections.Generic;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>The rule "when every step activity is completed or canceled, the enrolment is Completed".</summary>
    public static class NurtureCompletionRule
    {
        /// <summary>True when there is at least one activity and all are completed or canceled.</summary>
        internal static bool AreAllClosed(IEnumerable<NurtureActivitySnapshot?>? activities)
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
}
