using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// Checks a configured sequence before it is used. An invalid sequence is skipped by the selector with
    /// <see cref="NurtureSequenceValidation.Summary"/> as the reason.
    /// </summary>
    public static class NurtureSequenceValidator
    {
        /// <summary>Bounds of mpl_offsetdays, mpl_priority (sequence) in the solution.</summary>
        public const int MaxOffsetBusinessDays = 365;
        public const int MinPriority = 0;
        public const int MaxPriority = 1000;

        /// <summary>
        /// Most activities one enrolment may create: the async enrolment step creates them in one execution
        /// and must stay far inside the sandbox's two-minute limit.
        /// </summary>
        public const int MaxSteps = 50;

        public static NurtureSequenceValidation Validate(NurtureSequenceDefinition sequence)
        {
            if (sequence == null) throw new ArgumentNullException(nameof(sequence));
            var problems = new List<string>();

            if (sequence.Name.Length == 0) problems.Add("Name is empty.");
            if (!Enum.IsDefined(typeof(CampaignType), sequence.CampaignType))
                problems.Add(Format("Campaign type {0} is not a known option.", (int)sequence.CampaignType));
            if (sequence.Storefront.HasValue && !Enum.IsDefined(typeof(Storefront), sequence.Storefront.Value))
                problems.Add(Format("Storefront {0} is not a known option.", (int)sequence.Storefront.Value));
            foreach (var action in sequence.LeadActions.Where(a => !Enum.IsDefined(typeof(LeadAction), a)))
                problems.Add(Format("Lead action {0} is not a known option.", (int)action));
            if (sequence.Priority < MinPriority || sequence.Priority > MaxPriority)
                problems.Add(Format("Priority {0} is outside {1}-{2}.", sequence.Priority, MinPriority, MaxPriority));

            if (sequence.MissingStepCount > 0)
                problems.Add(Format("{0} step(s) are missing (null).", sequence.MissingStepCount));
            if (sequence.Steps.Count == 0)
                problems.Add("The sequence has no steps.");
            if (sequence.Steps.Count > MaxSteps)
                problems.Add(Format("It has {0} steps; at most {1} are allowed.", sequence.Steps.Count, MaxSteps));

            foreach (var step in sequence.Steps)
            {
                var label = Format("Step '{0}' (order {1})", step.Name, step.Order);
                if (step.Order < 0) problems.Add(label + ": order is negative.");
                if (!Enum.IsDefined(typeof(NurtureActivityType), step.ActivityType))
                    problems.Add(Format("{0}: activity type {1} is not a known option.", label, (int)step.ActivityType));
                if (!Enum.IsDefined(typeof(StepPriority), step.Priority))
                    problems.Add(Format("{0}: priority {1} is not a known option.", label, (int)step.Priority));
                if (step.OffsetBusinessDays < 0)
                    problems.Add(Format("{0}: offset {1} business days is negative.", label, step.OffsetBusinessDays));
                if (step.OffsetBusinessDays > MaxOffsetBusinessDays)
                    problems.Add(Format("{0}: offset {1} business days is more than {2}.", label, step.OffsetBusinessDays, MaxOffsetBusinessDays));
                if (string.IsNullOrWhiteSpace(step.SubjectTemplate))
                    problems.Add(label + ": subject template is empty.");
            }

            foreach (var group in sequence.Steps.GroupBy(s => s.Order).Where(g => g.Count() > 1))
                problems.Add(Format("Order {0} is used by {1} steps: {2}.", group.Key, group.Count(),
                    string.Join(", ", group.Select(s => "'" + s.Name + "'"))));

            return new NurtureSequenceValidation(sequence, problems.AsReadOnly());
        }

        private static string Format(string format, params object[] args) =>
            string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
