using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Scores a marketplace lead 0..100: action, storefront, e-mail status, phone, company, job-title seniority,
    /// known country and repeat engagement, each by its <see cref="ScoringWeights"/> entry; the action line is
    /// always listed, other factors only when they apply and are non-zero.
    /// </summary>
    public static class LeadScorer
    {
        public static LeadScore Score(in ScoreInput input, ScoringWeights? weights, RatingThresholds? thresholds)
        {
            var w = weights ?? ScoringWeights.Default;
            var t = thresholds ?? RatingThresholds.Default;

            // Factors are evaluated in ScoreFactor order, so the reason lines follow that order.
            var lines = new string[10];
            int count = 0;
            int total = 0;
            int mask = 0;

            if (input.Action.HasValue) Add(lines, ref count, ref total, ref mask, w, ActionFactor(input.Action.Value), true);
            if (input.Storefront.HasValue) Add(lines, ref count, ref total, ref mask, w, StorefrontFactor(input.Storefront.Value), false);
            Add(lines, ref count, ref total, ref mask, w, EmailFactor(input.EmailStatus), false);
            if (input.HasPhone) Add(lines, ref count, ref total, ref mask, w, ScoreFactor.PhonePresent, false);
            if (input.HasCompany) Add(lines, ref count, ref total, ref mask, w, ScoreFactor.CompanyPresent, false);
            int seniority = JobTitleSeniority.Level(input.JobTitle);
            if (seniority == 2) Add(lines, ref count, ref total, ref mask, w, ScoreFactor.SeniorTitle, false);
            else if (seniority == 1) Add(lines, ref count, ref total, ref mask, w, ScoreFactor.ManagerTitle, false);
            if (input.CountryKnown) Add(lines, ref count, ref total, ref mask, w, ScoreFactor.CountryKnown, false);
            if (input.IsRepeatEngagement && w[ScoreFactor.RepeatEngagement] != 0)
            {
                lines[count++] = w.RepeatLine(input.EarlierAction);
                total += w[ScoreFactor.RepeatEngagement];
                mask |= 1 << (int)ScoreFactor.RepeatEngagement;
            }

            int value = total < 0 ? 0 : total > 100 ? 100 : total;
            if (value != total)
            {
                lines[count++] = "Total " + total.ToString(CultureInfo.InvariantCulture) + " capped at " + NumberText.Of(value);
            }
            string reason = count == 0 ? string.Empty : string.Join("\n", lines, 0, count);
            return new LeadScore(value, total, t.Rate(value), reason, mask, w, input.EarlierAction);
        }

        private static void Add(string[] lines, ref int count, ref int total, ref int mask, ScoringWeights weights, ScoreFactor factor, bool always)
        {
            int points = weights[factor];
            if (points == 0 && !always) return;
            lines[count++] = weights.LineFor(factor);
            total += points;
            mask |= 1 << (int)factor;
        }

        private static ScoreFactor ActionFactor(LeadAction action)
        {
            switch (action)
            {
                case LeadAction.GetItNow: return ScoreFactor.GetItNow;
                case LeadAction.Create: return ScoreFactor.Create;
                case LeadAction.TestDrive: return ScoreFactor.TestDrive;
                case LeadAction.FreeTrial: return ScoreFactor.FreeTrial;
                case LeadAction.ContactMe: return ScoreFactor.ContactMe;
                case LeadAction.DoNotContact: return ScoreFactor.DoNotContact;
                default: return ScoreFactor.OtherAction;
            }
        }

        private static ScoreFactor StorefrontFactor(Storefront storefront)
        {
            switch (storefront)
            {
                case Storefront.AppSource: return ScoreFactor.AppSource;
                case Storefront.AzureMarketplace: return ScoreFactor.AzureMarketplace;
                default: return ScoreFactor.OtherStorefront;
            }
        }

        private static ScoreFactor EmailFactor(EmailStatus status)
        {
            switch (status)
            {
                case EmailStatus.Business: return ScoreFactor.BusinessEmail;
                case EmailStatus.FreeMail: return ScoreFactor.FreeMailEmail;
                case EmailStatus.Invalid: return ScoreFactor.InvalidEmail;
                default: return ScoreFactor.MissingEmail;
            }
        }
    }
}
