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
}
