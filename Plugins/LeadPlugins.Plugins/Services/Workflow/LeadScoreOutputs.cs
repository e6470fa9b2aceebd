using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Workflow
{
    /// <summary>Outputs of "Score lead".</summary>
    public sealed class LeadScoreOutputs
    {
        /// <summary>0..100; 0 when the lead is not scored (see <see cref="Scored"/>).</summary>
        public int Score { get; internal set; }
        /// <summary>leadqualitycode (Hot 1, Warm 2, Cold 3); null when not scored.</summary>
        public OptionSetValue? Rating { get; internal set; }
        /// <summary>One line per contribution, or why the lead is not scored.</summary>
        public string Explanation { get; internal set; } = string.Empty;
        /// <summary>False for leads enrichment does not score: not marketplace, test leads, co-sell referrals.</summary>
        public bool Scored { get; internal set; }
    }
}
