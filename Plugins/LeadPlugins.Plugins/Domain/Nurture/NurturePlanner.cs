using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// Turns a sequence, the lead and the enrolment instant into the activities to create. Pure and deterministic:
    /// the same input gives the same plan, so an async retry can compare or recreate it. Never throws for a bad
    /// sequence: steps with an unknown activity type are left out, negative offsets count as 0, at most
    /// <see cref="NurtureSequenceValidator.MaxSteps"/> steps are planned; each case adds a diagnostic.
    /// </summary>
    public sealed class NurturePlanner
    {
        public const int EnrollmentNameMaxLength = 200;

        public NurturePlanner(BusinessCalendar? calendar = null)
        {
            Calendar = calendar ?? new BusinessCalendar();
        }

        public BusinessCalendar Calendar { get; }

        /// <param name="sequence">Usually <see cref="NurtureSequenceSelection.Sequence"/>.</param>
        /// <param name="lead">Template values (null = all fallbacks).</param>
        /// <param name="enrolledOn">Enrolment instant; use the lead's createdon so retries plan the same due dates.</param>
        public NurturePlan Plan(NurtureSequenceDefinition sequence, NurtureLeadContext? lead, DateTime enrolledOn) =>
            Plan(sequence, lead, enrolledOn, null);

        /// <summary>
        /// <see cref="Plan(NurtureSequenceDefinition, NurtureLeadContext, DateTime)"/> rendering in <paramref name="buffer"/>
        /// (emptied first), which a caller planning for several leads passes each time.
        /// </summary>
        internal NurturePlan Plan(NurtureSequenceDefinition sequence, NurtureLeadContext? lead, DateTime enrolledOn, StringBuilder? buffer)
        {
            if (sequence == null) throw new ArgumentNullException(nameof(sequence));
            var enrolledOnUtc = BusinessCalendar.ToUtc(enrolledOn);
            var steps = sequence.Steps;
            var activities = new List<PlannedNurtureActivity>(Math.Min(steps.Count, NurtureSequenceValidator.MaxSteps));
            var diagnostics = new List<string>();
            var fallbacks = new List<string>();
            // One buffer for every text of the plan, with room for the longest template and a few values.
            if (buffer == null) buffer = new StringBuilder(RenderBufferCapacity(sequence));
            else buffer.Clear().EnsureCapacity(RenderBufferCapacity(sequence));

            for (var s = 0; s < steps.Count; s++) // indexed: a foreach over the interface boxes its enumerator
            {
                var step = steps[s];
                if (!DefinedValues<NurtureActivityType>.Contains(step.ActivityType))
                {
                    diagnostics.Add(string.Format(CultureInfo.InvariantCulture, "{0} skipped: activity type {1} is not a known option.", Label(step), (int)step.ActivityType));
                    continue;
                }
                if (activities.Count == NurtureSequenceValidator.MaxSteps)
                {
                    diagnostics.Add(string.Format(CultureInfo.InvariantCulture, "Only the first {0} steps are scheduled.", NurtureSequenceValidator.MaxSteps));
                    break;
                }

                var offset = step.OffsetBusinessDays;
                if (offset < 0)
                {
                    diagnostics.Add(string.Format(CultureInfo.InvariantCulture, "{0}: offset {1} counts as 0.", Label(step), offset));
                    offset = 0;
                }

                // E-mails are drafts to the customer; tasks and calls brief the seller.
                var audience = step.ActivityType == NurtureActivityType.Email ? NurtureTemplateAudience.Customer : NurtureTemplateAudience.Seller;
                var subject = NurtureTemplateRenderer.RenderSubject(step, lead, audience, buffer);
                var description = NurtureTemplateRenderer.RenderDescription(step, lead, audience, buffer);
                Report(step, "subject", subject, diagnostics, fallbacks);
                Report(step, "description", description, diagnostics, fallbacks);

                var subjectText = subject.Text.Length > 0
                    ? subject.Text
                    : ColumnText.TruncateWithEllipsis(sequence.Name + ": " + step.Name, NurtureTemplateRenderer.SubjectMaxLength);

                var due = Calendar.DueDateUtc(enrolledOnUtc, offset, out var capped);
                if (capped)
                    diagnostics.Add(string.Format(CultureInfo.InvariantCulture, "{0}: due date capped at {1:yyyy-MM-dd} (the enrolment date is too close to the end of the calendar).", Label(step), BusinessCalendar.LatestDueDateUtc));
                activities.Add(new PlannedNurtureActivity(step.Order, step.Name, step.ActivityType, subjectText, description.Text,
                    due, offset, step.Priority));
            }

            if (fallbacks.Count > 0)
                diagnostics.Add("Empty lead values replaced by fallbacks: " + string.Join(", ", fallbacks) + ".");
            if (activities.Count == 0)
                diagnostics.Add("Sequence " + sequence.DisplayName + " has no step to schedule.");

            return new NurturePlan(sequence, enrolledOnUtc, EnrollmentName(sequence.Name, lead?.LeadName),
                activities.AsReadOnly(), diagnostics.AsReadOnly());
        }

        /// <summary>"sequence: lead" (just the sequence without a lead name), at most 200 characters.</summary>
        public static string EnrollmentName(string? sequenceName, string? leadName)
        {
            var sequencePart = string.IsNullOrWhiteSpace(sequenceName) ? "Nurture" : sequenceName!.Trim();
            var name = string.IsNullOrWhiteSpace(leadName) ? sequencePart : sequencePart + ": " + leadName!.Trim();
            return ColumnText.TruncateWithEllipsis(name.Replace('\r', ' ').Replace('\n', ' '), EnrollmentNameMaxLength);
        }

        /// <summary>Plain text as an HTML e-mail body: encoded, each line break as &lt;br /&gt;.</summary>
        public static string ToHtml(string? text)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            // One encode of the whole text: HtmlEncode leaves line feeds as they are, so this is the text encoded line by line.
            // Carriage returns are rare (rendered texts break lines with line feeds): one scan for them instead of two replaces.
            if (text!.IndexOf('\r') >= 0) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
            return WebUtility.HtmlEncode(text).Replace("\n", "<br />");
        }

        // Room for the longest template and a few values, so the buffer rarely grows.
        private static int RenderBufferCapacity(NurtureSequenceDefinition sequence)
        {
            var longest = 0;
            var steps = sequence.Steps;
            for (var i = 0; i < steps.Count; i++)
                longest = Math.Max(longest, Math.Max(steps[i].SubjectTemplate.Length, steps[i].DescriptionTemplate.Length));
            return longest + 128;
        }

        // Only a diagnostic names the step, and most steps have none: the label is made when one is written.
        private static string Label(NurtureStepDefinition step) => string.Format(CultureInfo.InvariantCulture, "Step {0} '{1}'", step.Order, step.Name);

        private static void Report(NurtureStepDefinition step, string part, RenderedTemplate rendered, List<string> diagnostics, List<string> fallbacks)
        {
            if (rendered.UnknownTokens.Count > 0)
                diagnostics.Add(Label(step) + ": unknown token(s) left in the " + part + ": " + string.Join(", ", rendered.UnknownTokens) + ".");
            if (rendered.WasTruncated)
                diagnostics.Add(Label(step) + ": " + part + " cut to " + (part == "subject" ? NurtureTemplateRenderer.SubjectMaxLength : NurtureTemplateRenderer.DescriptionMaxLength).ToString(CultureInfo.InvariantCulture) + " characters.");
            var tokens = rendered.FallbackTokens;
            for (var i = 0; i < tokens.Count; i++) // indexed: a foreach over the interface boxes its enumerator
                if (!fallbacks.Contains(tokens[i])) fallbacks.Add(tokens[i]);
        }
    }
}
