using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>One activity to create for an enrolment. Columns: subject, description, scheduledend, prioritycode, mpl_nurturestepnumber.</summary>
    public sealed class PlannedNurtureActivity
    {
        public PlannedNurtureActivity(int stepOrder, string stepName, NurtureActivityType activityType, string subject,
            string description, DateTime dueDateUtc, int offsetBusinessDays, StepPriority stepPriority)
        {
            StepOrder = stepOrder;
            StepName = stepName;
            ActivityType = activityType;
            Subject = subject;
            Description = description;
            DueDateUtc = dueDateUtc;
            OffsetBusinessDays = offsetBusinessDays;
            StepPriority = stepPriority;
        }

        /// <summary>mpl_nurturestepnumber.</summary>
        public int StepOrder { get; }
        public string StepName { get; }
        public NurtureActivityType ActivityType { get; }
        /// <summary>"task", "phonecall" or "email".</summary>
        public string LogicalName => NurtureActivityStates.LogicalName(ActivityType);
        /// <summary>subject: rendered, single line, at most 200 characters, never empty.</summary>
        public string Subject { get; }
        /// <summary>Rendered plain text, at most 2000 characters (task and phone call description).</summary>
        public string Description { get; }
        /// <summary>
        /// For e-mails, the body for email.description (HTML: the plain text encoded, line breaks as &lt;br /&gt;);
        /// null for tasks and phone calls.
        /// </summary>
        public string? DescriptionHtml => ActivityType == NurtureActivityType.Email ? NurturePlanner.ToHtml(Description) : null;
        /// <summary>scheduledend (UTC).</summary>
        public DateTime DueDateUtc { get; }
        /// <summary>Business days from enrolment as planned (negative configured offsets become 0).</summary>
        public int OffsetBusinessDays { get; }
        public StepPriority StepPriority { get; }
        /// <summary>prioritycode: 0 Low, 1 Normal, 2 High.</summary>
        public int PriorityCode => NurtureActivityStates.PriorityCode(StepPriority);
    }
}
