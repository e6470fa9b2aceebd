using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// One step of a nurture sequence (a row of mpl_nurturestep, or a built-in step): the activity it schedules,
    /// its templates and its due-date offset. Immutable; never validates in the constructor, so a badly configured
    /// row can still be represented and reported by <see cref="NurtureSequenceValidator"/>.
    /// </summary>
    public sealed class NurtureStepDefinition
    {
        /// <param name="order">mpl_order: position in the sequence; unique within the sequence.</param>
        /// <param name="activityType">mpl_activitytype.</param>
        /// <param name="subjectTemplate">mpl_subjecttemplate (tokens allowed); null is kept as empty.</param>
        /// <param name="descriptionTemplate">mpl_descriptiontemplate (tokens allowed); null is kept as empty.</param>
        /// <param name="offsetBusinessDays">mpl_offsetdays: business days from enrolment to the due date (0 = same business day).</param>
        /// <param name="priority">mpl_priority; an empty column means Normal.</param>
        /// <param name="name">mpl_name; empty gives "Step {order}: {activity type}".</param>
        public NurtureStepDefinition(
            int order,
            NurtureActivityType activityType,
            string? subjectTemplate,
            string? descriptionTemplate,
            int offsetBusinessDays,
            StepPriority priority = StepPriority.Normal,
            string? name = null)
        {
            Order = order;
            ActivityType = activityType;
            SubjectTemplate = subjectTemplate ?? string.Empty;
            DescriptionTemplate = descriptionTemplate ?? string.Empty;
            // Worked out once here rather than for every lead the step is rendered for (a scan of each whole template).
            SubjectNeedsCleaning = NurtureTemplateRenderer.NeedsCleaning(SubjectTemplate, singleLine: true);
            DescriptionNeedsCleaning = NurtureTemplateRenderer.NeedsCleaning(DescriptionTemplate, singleLine: false);
            OffsetBusinessDays = offsetBusinessDays;
            Priority = priority;
            Name = string.IsNullOrWhiteSpace(name)
                ? string.Format(CultureInfo.InvariantCulture, "Step {0}: {1}", order, NurtureLabels.Of(activityType))
                : name!.Trim();
        }

        public int Order { get; }
        public NurtureActivityType ActivityType { get; }
        public string SubjectTemplate { get; }
        public string DescriptionTemplate { get; }
        public int OffsetBusinessDays { get; }
        public StepPriority Priority { get; }
        public string Name { get; }

        /// <summary>Whether the subject template holds a control character a single-line render drops or turns into a space.</summary>
        internal bool SubjectNeedsCleaning { get; }
        /// <summary>Whether the description template holds a control character other than line breaks and tabs.</summary>
        internal bool DescriptionNeedsCleaning { get; }
    }
}
