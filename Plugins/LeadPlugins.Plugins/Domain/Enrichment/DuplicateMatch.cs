using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Enrichment
{
    /// <summary>The lead a new lead duplicates: an existing open lead, or an earlier lead of the same batch. Immutable.</summary>
    public sealed class DuplicateMatch
    {
        internal DuplicateMatch(Guid? leadId, int? batchIndex, LeadAction? earlierAction, bool isRepeatEngagement)
        {
            LeadId = leadId;
            BatchIndex = batchIndex;
            EarlierAction = earlierAction;
            IsRepeatEngagement = isRepeatEngagement;
        }

        /// <summary>The existing open lead (mpl_duplicateof), or null when the match is in the batch.</summary>
        public Guid? LeadId { get; }
        /// <summary>Index in the batch of the earlier lead, when the match is in the batch.</summary>
        public int? BatchIndex { get; }
        /// <summary>The earlier lead's action.</summary>
        public LeadAction? EarlierAction { get; }
        /// <summary>The customer moved forward (e.g. Contact me, then Get it now): earns the repeat-engagement bonus.</summary>
        public bool IsRepeatEngagement { get; }

        public string Describe()
        {
            string target = LeadId.HasValue ? "open lead " + LeadId.Value.ToString("D") : "batch lead #" + BatchIndex.GetValueOrDefault().ToString(CultureInfo.InvariantCulture);
            string was = EarlierAction.HasValue ? " (was " + LeadCodes.Describe(EarlierAction.Value) + ")" : "";
            return "Duplicate of " + target + was + (IsRepeatEngagement ? ": repeat engagement" : "");
        }
    }
}
