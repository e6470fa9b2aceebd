using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
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
}
