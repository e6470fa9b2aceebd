using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    public sealed class NurtureSequenceSelection
    {
        public NurtureSequenceSelection(
            NurtureSequenceDefinition sequence, NurtureSelectionSource source, CampaignType campaignType,
            string reason, IReadOnlyList<string> notes)
        {
            Sequence = sequence;
            Source = source;
            CampaignType = campaignType;
            Reason = reason;
            Notes = notes;
        }

        /// <summary>Always set and always valid.</summary>
        public NurtureSequenceDefinition Sequence { get; }
        public NurtureSelectionSource Source { get; }
        /// <summary>The campaign type the selection used (the lead's, else derived from its storefront, else Nurture).</summary>
        public CampaignType CampaignType { get; }
        /// <summary>One line for the trace: which sequence and why.</summary>
        public string Reason { get; }
        /// <summary>Other trace lines: skipped invalid or inactive sequences, a missing override, a defaulted campaign type.</summary>
        public IReadOnlyList<string> Notes { get; }
    }
}
