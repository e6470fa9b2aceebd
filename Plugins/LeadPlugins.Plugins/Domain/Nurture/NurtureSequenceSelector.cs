using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// Picks the sequence for a lead: (1) the offer's override sequence when it is among the configured ones,
    /// active and valid; else (2) the highest-priority active, valid configured sequence of the lead's campaign
    /// type whose storefront (if set) and actions (if any) include the lead's, ties broken by name (ignoring
    /// case, then ordinal) and then id; else (3) <see cref="BuiltInNurtureSequences.For"/>.
    /// </summary>
    public static class NurtureSequenceSelector
    {
        public static NurtureSequenceSelection Select(NurtureLeadContext? lead, IEnumerable<NurtureSequenceDefinition?>? configured)
        {
            lead ??= new NurtureLeadContext();
            List<string>? notes = null; // most selections have none: made when first needed
            var sequences = NonNull(configured);

            var campaignType = ResolveCampaignType(lead.CampaignType, lead.Storefront, out var campaignNote);
            if (campaignNote != null) Add(ref notes, campaignNote);

            if (lead.OverrideSequenceId.HasValue)
            {
                var overrideId = lead.OverrideSequenceId.Value;
                NurtureSequenceDefinition? chosen = null;
                for (var i = 0; i < sequences.Count && chosen == null; i++)
                    if (sequences[i].Id == overrideId) chosen = sequences[i];
                if (chosen == null)
                {
                    Add(ref notes, "Offer override sequence " + overrideId.ToString("D") + " was not found among the configured sequences; ignored.");
                }
                else if (!chosen.IsActive)
                {
                    Add(ref notes, "Offer override sequence " + chosen.DisplayName + " is inactive; ignored.");
                }
                else
                {
                    var validation = NurtureSequenceValidator.Validate(chosen);
                    if (validation.IsValid)
                        return new NurtureSequenceSelection(chosen, NurtureSelectionSource.OfferOverride, campaignType,
                            "Offer override: sequence " + chosen.DisplayName + ".", ReadOnly(notes));
                    Add(ref notes, "Offer override skipped. " + validation.Summary);
                }
            }

            // The best matching sequence: the first of the lowest in selection order (what a stable sort's first is).
            NurtureSequenceDefinition? best = null;
            var matching = 0;
            for (var i = 0; i < sequences.Count; i++)
            {
                var sequence = sequences[i];
                if (!sequence.IsActive || sequence.CampaignType != campaignType
                    || !sequence.AppliesToStorefront(lead.Storefront) || !sequence.AppliesToAction(lead.Action))
                    continue;
                var validation = NurtureSequenceValidator.Validate(sequence);
                if (!validation.IsValid)
                {
                    Add(ref notes, "Skipped. " + validation.Summary);
                    continue;
                }
                matching++;
                if (best == null || CompareForSelection(sequence, best) < 0) best = sequence;
            }

            if (best != null)
            {
                var reason = string.Format(CultureInfo.InvariantCulture,
                    "Configured sequence {0}, priority {1}, matches {2} (best of {3} matching).",
                    best.DisplayName, best.Priority, Describe(campaignType, lead.Storefront, lead.Action), matching);
                return new NurtureSequenceSelection(best, NurtureSelectionSource.Configured, campaignType, reason, ReadOnly(notes));
            }

            var builtIn = BuiltInNurtureSequences.For(campaignType, lead.Action);
            return new NurtureSequenceSelection(builtIn, NurtureSelectionSource.BuiltIn, campaignType,
                $"No active, valid configured sequence matches {Describe(campaignType, lead.Storefront, lead.Action)}; built-in sequence '{builtIn.Name}' is used.",
                ReadOnly(notes));
        }

        // The configured sequences without the nulls, read once whatever 'configured' is.
        private static IReadOnlyList<NurtureSequenceDefinition> NonNull(IEnumerable<NurtureSequenceDefinition?>? configured)
        {
            if (configured == null || configured is IReadOnlyCollection<NurtureSequenceDefinition?> { Count: 0 }) return Array.Empty<NurtureSequenceDefinition>();
            var sequences = new List<NurtureSequenceDefinition>();
            foreach (var sequence in configured)
                if (sequence != null) sequences.Add(sequence);
            return sequences;
        }

        private static void Add(ref List<string>? notes, string note) => (notes ??= new List<string>()).Add(note);

        private static IReadOnlyList<string> ReadOnly(List<string>? notes) =>
            notes == null ? (IReadOnlyList<string>)Array.Empty<string>() : notes.AsReadOnly();

        /// <summary>
        /// The lead's campaign type; when it has none, the storefront's default (AppSource → Nurture, Azure
        /// Marketplace → Demand generation); else Nurture. <paramref name="note"/> explains any defaulting.
        /// </summary>
        public static CampaignType ResolveCampaignType(CampaignType? campaignType, Storefront? storefront, out string? note)
        {
            note = null;
            if (campaignType.HasValue && DefinedValues<CampaignType>.Contains(campaignType.Value)) return campaignType.Value;
            var given = campaignType.HasValue ? "Campaign type " + ((int)campaignType.Value).ToString(CultureInfo.InvariantCulture) + " is unknown" : "The lead has no campaign type";
            switch (storefront)
            {
                case Storefront.AppSource:
                    note = given + "; Nurture is used (AppSource).";
                    return CampaignType.Nurture;
                case Storefront.AzureMarketplace:
                    note = given + "; Demand generation is used (Azure Marketplace).";
                    return CampaignType.DemandGeneration;
                default:
                    note = given + " and no storefront decides it; Nurture is used.";
                    return CampaignType.Nurture;
            }
        }

        /// <summary>Selection order: priority (high first), name ignoring case, name ordinal, id (none last).</summary>
        public static int CompareForSelection(NurtureSequenceDefinition x, NurtureSequenceDefinition y)
        {
            var byPriority = y.Priority.CompareTo(x.Priority);
            if (byPriority != 0) return byPriority;
            var byName = StringComparer.OrdinalIgnoreCase.Compare(x.Name, y.Name);
            if (byName != 0) return byName;
            byName = StringComparer.Ordinal.Compare(x.Name, y.Name);
            if (byName != 0) return byName;
            if (x.Id.HasValue && y.Id.HasValue) return x.Id.Value.CompareTo(y.Id.Value);
            return x.Id.HasValue ? -1 : y.Id.HasValue ? 1 : 0;
        }

        private static string Describe(CampaignType campaignType, Storefront? storefront, LeadAction? action) =>
            $"{NurtureLabels.Of(campaignType)} / {(storefront.HasValue ? NurtureLabels.Of(storefront.Value) : "no storefront")} / {(action.HasValue ? NurtureLabels.Of(action.Value) : "no action")}";
    }
}
