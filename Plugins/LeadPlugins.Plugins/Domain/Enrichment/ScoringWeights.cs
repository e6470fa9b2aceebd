using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>
    /// Points per <see cref="ScoreFactor"/> (each -100..100). Immutable; the explanation line of every factor is
    /// built once here so scoring a lead allocates almost nothing.
    /// </summary>
    public sealed class ScoringWeights
    {
        public const int MinPoints = -100;
        public const int MaxPoints = 100;
        internal const int FactorCount = 20;

        /// <summary>Documented defaults (see README, section enrichment).</summary>
        public static readonly ScoringWeights Default = new ScoringWeights(new[]
        {
            40, // GetItNow
            40, // Create
            30, // TestDrive
            30, // FreeTrial
            25, // ContactMe
            0,  // DoNotContact
            5,  // OtherAction
            10, // AppSource
            5,  // AzureMarketplace
            0,  // OtherStorefront
            10, // BusinessEmail
            -5, // FreeMailEmail
            -10, // InvalidEmail
            -10, // MissingEmail
            5,  // PhonePresent
            5,  // CompanyPresent
            15, // SeniorTitle
            8,  // ManagerTitle
            5,  // CountryKnown
            15, // RepeatEngagement
        });

        private readonly int[] _points;
        private readonly string[] _lines;
        private readonly string[] _repeatLines; // by JourneyRank of the earlier action

        private ScoringWeights(int[] points)
        {
            _points = points;
            _lines = new string[FactorCount];
            for (int i = 0; i < FactorCount; i++) _lines[i] = Label((ScoreFactor)i) + " " + Signed(points[i]);
            int repeat = points[(int)ScoreFactor.RepeatEngagement];
            _repeatLines = new[]
            {
                "Repeat engagement " + Signed(repeat),
                "Repeat engagement (was Contact me) " + Signed(repeat),
                "Repeat engagement (was a trial) " + Signed(repeat),
                "Repeat engagement (was Get it now) " + Signed(repeat),
            };
        }

        public int this[ScoreFactor factor] => _points[(int)factor];

        /// <summary>A copy with one factor changed; throws for points outside -100..100 or an undefined factor.</summary>
        public ScoringWeights With(ScoreFactor factor, int points)
        {
            if ((int)factor < 0 || (int)factor >= FactorCount) throw new ArgumentOutOfRangeException(nameof(factor));
            if (points < MinPoints || points > MaxPoints) throw new ArgumentOutOfRangeException(nameof(points));
            var copy = (int[])_points.Clone();
            copy[(int)factor] = points;
            return new ScoringWeights(copy);
        }

        /// <summary>The explanation line of a factor, e.g. "Get it now (INS) +40".</summary>
        public string LineFor(ScoreFactor factor) => _lines[(int)factor];

        internal string RepeatLine(LeadAction? earlierAction) => _repeatLines[LeadCodes.JourneyRank(earlierAction)];

        /// <summary>Human label of a factor, used in explanation lines.</summary>
        public static string Label(ScoreFactor factor)
        {
            switch (factor)
            {
                case ScoreFactor.GetItNow: return "Get it now (INS)";
                case ScoreFactor.Create: return "Create (Azure portal)";
                case ScoreFactor.TestDrive: return "Test drive (StartTestDrive)";
                case ScoreFactor.FreeTrial: return "Free trial";
                case ScoreFactor.ContactMe: return "Contact me (PLT)";
                case ScoreFactor.DoNotContact: return "Do not contact (DNC)";
                case ScoreFactor.OtherAction: return "Other action";
                case ScoreFactor.AppSource: return "AppSource storefront";
                case ScoreFactor.AzureMarketplace: return "Azure Marketplace storefront";
                case ScoreFactor.OtherStorefront: return "Other storefront";
                case ScoreFactor.BusinessEmail: return "Business e-mail";
                case ScoreFactor.FreeMailEmail: return "Free-mail address";
                case ScoreFactor.InvalidEmail: return "Invalid e-mail";
                case ScoreFactor.MissingEmail: return "No e-mail";
                case ScoreFactor.PhonePresent: return "Phone given";
                case ScoreFactor.CompanyPresent: return "Company given";
                case ScoreFactor.SeniorTitle: return "Senior job title";
                case ScoreFactor.ManagerTitle: return "Manager job title";
                case ScoreFactor.CountryKnown: return "Country known";
                case ScoreFactor.RepeatEngagement: return "Repeat engagement";
                default: return "Unknown factor";
            }
        }

        private static string Signed(int points) => (points < 0 ? "" : "+") + points.ToString(CultureInfo.InvariantCulture);
    }
}
