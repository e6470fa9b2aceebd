using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
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
}
