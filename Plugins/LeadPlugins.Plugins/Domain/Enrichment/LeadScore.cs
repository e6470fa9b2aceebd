using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
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
}
