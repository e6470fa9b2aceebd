using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>What a score point can come from. The configuration keys are these names (any casing).</summary>
    public enum ScoreFactor
    {
        GetItNow,
        Create,
        TestDrive,
        FreeTrial,
        ContactMe,
        DoNotContact,
        OtherAction,
        AppSource,
        AzureMarketplace,
        OtherStorefront,
        BusinessEmail,
        FreeMailEmail,
        InvalidEmail,
        MissingEmail,
        PhonePresent,
        CompanyPresent,
        SeniorTitle,
        ManagerTitle,
        CountryKnown,
        RepeatEngagement,
    }

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

    /// <summary>Rating thresholds: Hot at or above <see cref="Hot"/>, Warm at or above <see cref="Warm"/>, else Cold.</summary>
    public sealed class RatingThresholds
    {
        public static readonly RatingThresholds Default = new RatingThresholds(70, 40);

        /// <summary>Throws unless 0 &lt;= warm &lt;= hot &lt;= 100 (configuration goes through <see cref="EnrichmentSettings.Parse"/>).</summary>
        public RatingThresholds(int hot, int warm)
        {
            if (!AreValid(hot, warm)) throw new ArgumentOutOfRangeException(nameof(hot), "Expected 0 <= warm <= hot <= 100.");
            Hot = hot;
            Warm = warm;
        }

        public int Hot { get; }
        public int Warm { get; }

        public Rating Rate(int score) => score >= Hot ? Rating.Hot : score >= Warm ? Rating.Warm : Rating.Cold;

        internal static bool AreValid(int hot, int warm) => warm >= 0 && hot <= 100 && warm <= hot;
    }

    /// <summary>Cached invariant text of 0..100 (scores), so messages do not allocate numbers.</summary>
    internal static class NumberText
    {
        private static readonly string[] Small = Build();

        internal static string Of(int value) => value >= 0 && value < Small.Length ? Small[value] : value.ToString(CultureInfo.InvariantCulture);

        private static string[] Build()
        {
            var texts = new string[101];
            for (int i = 0; i < texts.Length; i++) texts[i] = i.ToString(CultureInfo.InvariantCulture);
            return texts;
        }
    }

    /// <summary>Job-title seniority from keywords, token by token, without allocating.</summary>
    public static class JobTitleSeniority
    {
        private static readonly string[] SeniorWords =
        {
            "ceo", "cio", "cto", "cfo", "coo", "cmo", "cdo", "cso", "ciso", "cpo", "cro", "chief", "founder", "cofounder",
            "president", "vp", "svp", "evp", "avp", "director", "head", "partner", "principal", "chairman", "chair",
            "board", "md", "gm", "geschäftsführer", "geschaeftsfuehrer", "geschaftsfuhrer", "inhaber", "vorstand", "directeur",
            "directrice", "gérant", "gerant", "direttore", "presidente", "diretor", "directora", "gerente", "dyrektor", "prezes",
        };

        private static readonly string[] ManagerWords =
        {
            "manager", "mgr", "lead", "leader", "teamlead", "supervisor", "architect", "senior", "sr", "leiter", "leiterin",
            "responsable", "coordinator",
        };

        private static readonly string[][] SeniorByLength = ByLength(SeniorWords);
        private static readonly string[][] ManagerByLength = ByLength(ManagerWords);

        /// <summary>2 for an executive/owner/director keyword, 1 for a manager/lead/senior keyword, else 0.</summary>
        public static int Level(string? title)
        {
            if (title == null) return 0;
            int level = 0;
            int i = 0;
            while (i < title.Length)
            {
                while (i < title.Length && !char.IsLetter(title[i])) i++;
                int start = i;
                while (i < title.Length && char.IsLetter(title[i])) i++;
                int length = i - start;
                if (length == 0) break;
                if (IsWord(SeniorByLength, title, start, length)) return 2;
                if (level == 0 && IsWord(ManagerByLength, title, start, length)) level = 1;
            }
            return level;
        }

        private static bool IsWord(string[][] byLength, string text, int start, int length)
        {
            if (length >= byLength.Length) return false;
            var words = byLength[length];
            for (int w = 0; w < words.Length; w++)
            {
                if (string.Compare(text, start, words[w], 0, length, StringComparison.OrdinalIgnoreCase) == 0) return true;
            }
            return false;
        }

        private static string[][] ByLength(string[] words)
        {
            int max = 0;
            for (int i = 0; i < words.Length; i++) max = Math.Max(max, words[i].Length);
            var lists = new List<string>[max + 1];
            for (int i = 0; i <= max; i++) lists[i] = new List<string>();
            for (int i = 0; i < words.Length; i++) lists[words[i].Length].Add(words[i]);
            var result = new string[max + 1][];
            for (int i = 0; i <= max; i++) result[i] = lists[i].ToArray();
            return result;
        }
    }

    /// <summary>What the scorer looks at; a plain value (a struct, so scoring a lead allocates no input object).</summary>
    public readonly struct ScoreInput
    {
        public ScoreInput(LeadAction? action, Storefront? storefront, EmailStatus emailStatus, bool hasPhone, bool hasCompany,
            string? jobTitle, bool countryKnown, bool isRepeatEngagement, LeadAction? earlierAction)
        {
            Action = action;
            Storefront = storefront;
            EmailStatus = emailStatus;
            HasPhone = hasPhone;
            HasCompany = hasCompany;
            JobTitle = jobTitle;
            CountryKnown = countryKnown;
            IsRepeatEngagement = isRepeatEngagement;
            EarlierAction = earlierAction;
        }

        public LeadAction? Action { get; }
        public Storefront? Storefront { get; }
        public EmailStatus EmailStatus { get; }
        public bool HasPhone { get; }
        public bool HasCompany { get; }
        public string? JobTitle { get; }
        public bool CountryKnown { get; }
        public bool IsRepeatEngagement { get; }
        /// <summary>The duplicate's action, for the "(was Contact me)" wording.</summary>
        public LeadAction? EarlierAction { get; }
    }

    /// <summary>One contribution to a score.</summary>
    public readonly struct ScoreContribution
    {
        internal ScoreContribution(ScoreFactor factor, int points, string line)
        {
            Factor = factor;
            Points = points;
            Line = line;
        }

        public ScoreFactor Factor { get; }
        public int Points { get; }
        /// <summary>E.g. "Get it now (INS) +40".</summary>
        public string Line { get; }
    }

    /// <summary>A computed score. Immutable.</summary>
    public sealed class LeadScore
    {
        private readonly int _factorMask;
        private readonly ScoringWeights _weights;
        private readonly LeadAction? _earlierAction;

        internal LeadScore(int value, int rawTotal, Rating rating, string reason, int factorMask, ScoringWeights weights, LeadAction? earlierAction)
        {
            Value = value;
            RawTotal = rawTotal;
            Rating = rating;
            Reason = reason;
            _factorMask = factorMask;
            _weights = weights;
            _earlierAction = earlierAction;
        }

        /// <summary>0..100.</summary>
        public int Value { get; }
        /// <summary>Sum of the contributions before clamping to 0..100.</summary>
        public int RawTotal { get; }
        public Rating Rating { get; }
        /// <summary>One line per contribution, separated by "\n"; ends with a "Total ... capped" line when clamped.</summary>
        public string Reason { get; }

        /// <summary>The contributions in reason order (built on demand).</summary>
        public IReadOnlyList<ScoreContribution> Contributions
        {
            get
            {
                var list = new List<ScoreContribution>();
                for (int i = 0; i < ScoringWeights.FactorCount; i++)
                {
                    if ((_factorMask & (1 << i)) == 0) continue;
                    var factor = (ScoreFactor)i;
                    string line = factor == ScoreFactor.RepeatEngagement ? _weights.RepeatLine(_earlierAction) : _weights.LineFor(factor);
                    list.Add(new ScoreContribution(factor, _weights[factor], line));
                }
                return list;
            }
        }
    }

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
