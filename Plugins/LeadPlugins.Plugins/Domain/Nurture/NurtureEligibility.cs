using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// Decides whether a lead is enrolled. Checks in this order, first hit wins: test lead, co-sell referral,
    /// not a marketplace lead, do not contact (DNC), lead not open, repeat engagement (duplicate of an enrolled lead).
    /// </summary>
    public static class NurtureEligibility
    {
        public const string EligibleMessage = "Eligible";
        public const string TestLeadMessage = "Test lead";
        public const string CoSellMessage = "Co-sell referral";
        public const string NotMarketplaceMessage = "Not a marketplace lead";
        public const string DoNotContactMessage = "Do not contact (DNC)";
        public const string LeadNotOpenMessage = "Lead is not open";
        public const string RepeatEngagementMessage = "Repeat engagement: duplicate of an enrolled lead";

        public static NurtureEligibilityDecision Decide(NurtureEligibilityFacts? facts)
        {
            if (facts == null) return Skip(NurtureSkipReason.NotMarketplace, NotMarketplaceMessage);
            if (facts.IsTestLead) return Skip(NurtureSkipReason.TestLead, TestLeadMessage);
            if (facts.IsCoSell) return Skip(NurtureSkipReason.CoSell, CoSellMessage);
            if (!facts.IsMarketplace) return Skip(NurtureSkipReason.NotMarketplace, NotMarketplaceMessage);
            if (facts.Action == LeadAction.DoNotContact) return Skip(NurtureSkipReason.DoNotContact, DoNotContactMessage);
            if (!facts.IsOpen) return Skip(NurtureSkipReason.LeadNotOpen, LeadNotOpenMessage);
            if (facts.DuplicateOfLeadId.HasValue && facts.DuplicateOfEnrollmentId.HasValue)
                return RepeatEngagement(facts.DuplicateOfEnrollmentId.Value);
            return new NurtureEligibilityDecision(NurtureSkipReason.None, EligibleMessage, null);
        }

        /// <summary>
        /// The decision for an otherwise eligible lead whose original is enrolled in <paramref name="originalEnrollmentId"/>:
        /// no new enrolment, a line on the original's instead (what <see cref="Decide"/> answers once the facts hold that id).
        /// </summary>
        public static NurtureEligibilityDecision RepeatEngagement(Guid originalEnrollmentId) =>
            new NurtureEligibilityDecision(NurtureSkipReason.RepeatEngagement, RepeatEngagementMessage, originalEnrollmentId);

        /// <summary>
        /// The line appended to the existing enrolment's trace for a repeat engagement, e.g.
        /// "2026-03-14 09:12 UTC repeat engagement: lead 1b2c… (Get it now, Contoso SaaS Analytics)".
        /// </summary>
        public static string RepeatEngagementLine(DateTime occurredOn, Guid? newLeadId, LeadAction? action, string? offerTitle)
        {
            var when = BusinessCalendar.ToUtc(occurredOn).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var line = when + " UTC repeat engagement";
            var details = new List<string>();
            if (action.HasValue) details.Add(NurtureLabels.Of(action.Value));
            if (!string.IsNullOrWhiteSpace(offerTitle)) details.Add(offerTitle!.Trim());
            if (newLeadId.HasValue) line += ": lead " + newLeadId.Value.ToString("D");
            if (details.Count > 0) line += " (" + string.Join(", ", details) + ")";
            return ColumnText.TruncateWithEllipsis(line.Replace('\r', ' ').Replace('\n', ' '), 400);
        }

        /// <summary>
        /// Appends <paramref name="line"/> to a trace text kept in a column of <paramref name="maxLength"/>
        /// characters (mpl_reason holds 400), dropping the oldest lines when it no longer fits.
        /// </summary>
        public static string AppendTraceLine(string? existing, string line, int maxLength)
        {
            var lines = new List<string>();
            if (!string.IsNullOrEmpty(existing))
                foreach (var l in existing!.Split('\n'))
                    if (l.Trim().Length > 0) lines.Add(l.TrimEnd('\r'));
            lines.Add(line ?? string.Empty);
            var text = string.Join("\n", lines);
            while (text.Length > maxLength && lines.Count > 1)
            {
                lines.RemoveAt(0);
                text = string.Join("\n", lines);
            }
            return ColumnText.TruncateWithEllipsis(text, maxLength);
        }

        private static NurtureEligibilityDecision Skip(NurtureSkipReason reason, string message) =>
            new NurtureEligibilityDecision(reason, message, null);
    }
}
