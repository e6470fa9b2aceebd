using System;
using System.Collections.Generic;
using System.Linq;
using LeadPlugins.Schema;

namespace LeadPlugins.Plugins.Domain.Nurture
{
    /// <summary>
    /// A nurture sequence: a row of mpl_nurturesequence with its mpl_nurturestep rows, or a built-in sequence
    /// (<see cref="BuiltInNurtureSequences"/>). Immutable. Steps are kept sorted by <see cref="NurtureStepDefinition.Order"/>
    /// (stable, so duplicates keep their given order; the validator reports them).
    /// </summary>
    public sealed class NurtureSequenceDefinition
    {
        /// <param name="name">mpl_name.</param>
        /// <param name="campaignType">mpl_campaigntype: leads of this campaign type only.</param>
        /// <param name="steps">mpl_nurturestep rows of the sequence, any order.</param>
        /// <param name="id">mpl_nurturesequenceid; null for a built-in or not-yet-saved sequence.</param>
        /// <param name="storefront">mpl_storefront: null = any storefront, else only leads of this storefront.</param>
        /// <param name="leadActions">mpl_leadactions: null or empty = any action, else only leads with one of these actions.</param>
        /// <param name="priority">mpl_priority: higher wins when several sequences match (0-1000).</param>
        /// <param name="isActive">statecode = 0 (Active). Inactive sequences are never selected.</param>
        /// <param name="stopOnQualifyOrDisqualify">mpl_stoponqualify (default yes).</param>
        /// <param name="isBuiltIn">True only for the package's built-in sequences.</param>
        public NurtureSequenceDefinition(
            string? name,
            CampaignType campaignType,
            IEnumerable<NurtureStepDefinition?>? steps,
            Guid? id = null,
            Storefront? storefront = null,
            IEnumerable<LeadAction>? leadActions = null,
            int priority = 0,
            bool isActive = true,
            bool stopOnQualifyOrDisqualify = true,
            bool isBuiltIn = false)
        {
            Name = name?.Trim() ?? string.Empty;
            CampaignType = campaignType;
            Id = id;
            Storefront = storefront;
            LeadActions = (leadActions ?? Enumerable.Empty<LeadAction>()).Distinct().ToList().AsReadOnly();
            Priority = priority;
            IsActive = isActive;
            StopOnQualifyOrDisqualify = stopOnQualifyOrDisqualify;
            IsBuiltIn = isBuiltIn;
            // Null entries are dropped here and counted, so the validator can report them.
            var given = (steps ?? Enumerable.Empty<NurtureStepDefinition?>()).ToList();
            MissingStepCount = given.Count(s => s == null);
            Steps = given.Where(s => s != null).Select(s => s!).OrderBy(s => s.Order).ToList().AsReadOnly();
        }

        public Guid? Id { get; }
        public string Name { get; }
        public CampaignType CampaignType { get; }
        public Storefront? Storefront { get; }
        /// <summary>Distinct actions; empty = any action.</summary>
        public IReadOnlyList<LeadAction> LeadActions { get; }
        public int Priority { get; }
        public bool IsActive { get; }
        public bool StopOnQualifyOrDisqualify { get; }
        public bool IsBuiltIn { get; }
        /// <summary>Steps sorted by order.</summary>
        public IReadOnlyList<NurtureStepDefinition> Steps { get; }
        /// <summary>Null entries passed in <c>steps</c> (reported as a problem by the validator).</summary>
        public int MissingStepCount { get; }

        /// <summary>Name plus id (or "built-in") for traces. Made on first use (a shared built-in sequence's once).</summary>
        public string DisplayName => _displayName ??= IsBuiltIn
            ? "'" + Name + "' (built-in)"
            : Id.HasValue ? "'" + Name + "' (" + Id.Value.ToString("D") + ")" : "'" + Name + "'";

        private string? _displayName;

        /// <summary>True when the sequence applies to leads with this action (empty action list = any; a lead without action only matches "any").</summary>
        public bool AppliesToAction(LeadAction? action) =>
            LeadActions.Count == 0 || (action.HasValue && LeadActions.Contains(action.Value));

        /// <summary>True when the sequence applies to leads of this storefront (no storefront on the sequence = any).</summary>
        public bool AppliesToStorefront(Storefront? storefront) =>
            !Storefront.HasValue || (storefront.HasValue && storefront.Value == Storefront.Value);
    }
}
