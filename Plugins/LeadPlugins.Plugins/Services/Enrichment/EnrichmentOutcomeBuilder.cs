using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>
    /// The outcomes of one enrichment batch, one per lead: a parsed lead and the batch's lookups become its
    /// <see cref="EnrichmentResult"/>, the status and message as written (Partial with "Defaults used: ..." when a read
    /// it needed failed) and the column changes; a lead that throws becomes Failed. No I/O and no tracing.
    /// </summary>
    internal sealed class EnrichmentOutcomeBuilder
    {
        private readonly IList<Entity> _leads;
        private readonly EnrichmentSettings _settings;
        private readonly ReadFailures _failures;
        private readonly Guid? _creatingUserId;
        private readonly DateTime _nowUtc;
        private readonly LeadEnrichmentOutcome?[] _outcomes;

        internal EnrichmentOutcomeBuilder(IList<Entity> leads, EnrichmentSettings settings, ReadFailures failures, LeadEnrichmentOptions options)
        {
            _leads = leads;
            _settings = settings;
            _failures = failures;
            _creatingUserId = options.CreatingUserId;
            _nowUtc = options.NowUtc.HasValue ? DateTime.SpecifyKind(options.NowUtc.Value, DateTimeKind.Utc) : DateTime.UtcNow;
            _outcomes = new LeadEnrichmentOutcome?[leads.Count];
        }

        /// <summary>True once the lead has an outcome (it failed to parse, had no entity, or was completed).</summary>
        internal bool IsDone(int index) => _outcomes[index] != null;

        /// <summary>Every outcome, in batch order; call when each lead has one.</summary>
        internal LeadEnrichmentOutcome[] All()
        {
            var outcomes = new LeadEnrichmentOutcome[_outcomes.Length];
            for (int i = 0; i < outcomes.Length; i++) outcomes[i] = _outcomes[i]!;
            return outcomes;
        }

        /// <summary>A null entry in the batch: Failed, nothing to write.</summary>
        internal void NoEntity(int index) =>
            _outcomes[index] = new LeadEnrichmentOutcome(index, null, EnrichmentStatus.Failed, null, null, new Entity(LeadTable.LogicalName),
                EnrichmentTrace.Summary(index, null, "Failed", "no entity"), "no entity");

        /// <summary>The lead threw: Failed with the reason in its message; the save goes on without enrichment.</summary>
        internal void Fail(int index, Exception e)
        {
            var lead = _leads[index];
            var id = LeadEntityReader.IdOf(lead);
            string error = EnrichmentReader.Describe(e);
            string message = "Enrichment failed: " + error + ". The lead was saved without enrichment.";
            _outcomes[index] = new LeadEnrichmentOutcome(index, id, EnrichmentStatus.Failed, message, null, LeadChangeBuilder.Failed(lead, message),
                EnrichmentTrace.Summary(index, id, "Failed", error), error);
        }

        /// <summary>A defect outside the per-lead code: every lead without an outcome yet is Failed (or has no entity).</summary>
        internal void FailUnfinished(Exception e)
        {
            for (int i = 0; i < _outcomes.Length; i++)
            {
                if (_outcomes[i] == null && _leads[i] != null) Fail(i, e);
                else if (_outcomes[i] == null) NoEntity(i);
            }
        }

        /// <summary>
        /// The lead's outcome from its parse, the batch's reference data and its duplicate match; a lead that throws on
        /// the way is Failed (the rest of the batch goes on).
        /// </summary>
        internal void Complete(int index, ParsedLead parsed, EnrichmentReferenceData reference, DuplicateMatch? duplicate)
        {
            try
            {
                _outcomes[index] = Build(index, parsed, reference, duplicate);
            }
            catch (Exception e)
            {
                Fail(index, e);
            }
        }

        private LeadEnrichmentOutcome Build(int index, ParsedLead parsed, EnrichmentReferenceData reference, DuplicateMatch? duplicate)
        {
            var lead = _leads[index];
            var result = MarketplaceLeadEnricher.Complete(parsed, reference, duplicate);
            if (result.Status == EnrichmentStatus.NotMarketplace)
            {
                return new LeadEnrichmentOutcome(index, parsed.LeadId, result.Status, null, result, LeadChangeBuilder.NotMarketplace(lead),
                    EnrichmentTrace.Summary(index, parsed.LeadId, "NotMarketplace", null), null);
            }

            var status = result.Status;
            var message = result.Message;
            var defaults = DefaultsUsed(parsed, result);
            EntityReference? duplicateOf = DuplicateReference(index, duplicate, ref defaults);
            if (defaults != null)
            {
                if (status == EnrichmentStatus.Enriched) status = EnrichmentStatus.Partial;
                message = message + " Defaults used: " + string.Join("; ", defaults.ToArray()) + ".";
            }
            if (_settings.Diagnostics.Count > 0)
            {
                message = message + " Step configuration has " + EnrichmentTrace.Number(_settings.Diagnostics.Count) + " problem(s); defaults used for them (see trace).";
            }
            var changes = LeadChangeBuilder.Build(lead, result, status, message, duplicateOf, _creatingUserId, _nowUtc);
            // Without the rules any owner could be the wrong one (a rule might have matched): leave the owner alone.
            if (_failures.RoutingRules != null) changes.Attributes.Remove(LeadTable.Columns.OwnerId);
            var written = changes.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage);
            return new LeadEnrichmentOutcome(index, parsed.LeadId, status, written, result, changes,
                EnrichmentTrace.Summary(index, parsed.LeadId, status, result, changes, _failures.RoutingRules != null), null);
        }

        /// <summary>The failed reads this lead needed, as the "Defaults used" parts of its message; null when none.</summary>
        private List<string>? DefaultsUsed(ParsedLead parsed, EnrichmentResult result)
        {
            List<string>? defaults = null;
            if (parsed.Kind == LeadKind.Marketplace || parsed.Kind == LeadKind.Test)
            {
                if (_failures.StorefrontSettings != null) Add(ref defaults, "storefront settings could not be read (" + _failures.StorefrontSettings + "): built-in storefront table used");
                if (_failures.Offers != null && (parsed.OfferId != null || parsed.OfferTitle != null)) Add(ref defaults, "offer catalogue could not be read (" + _failures.Offers + ")");
            }
            if (parsed.Kind == LeadKind.Marketplace)
            {
                if (_failures.RoutingRules != null) Add(ref defaults, "routing rules could not be read (" + _failures.RoutingRules + "): owner left unchanged");
                bool emailChecked = result.NormalizedEmail != null && (result.EmailStatus == EmailStatus.Business || result.EmailStatus == EmailStatus.FreeMail);
                if (emailChecked && _failures.OpenLeads != null) Add(ref defaults, "open leads could not be searched for duplicates (" + _failures.OpenLeads + ")");
                else if (emailChecked && _failures.UncheckedEmails != null && _failures.UncheckedEmails.Contains(result.NormalizedEmail!)) Add(ref defaults, "not checked for duplicates (batch too large)");
            }
            return defaults;
        }

        // An earlier lead of the batch is referenced by the id its Target carries in PreOperation.
        private EntityReference? DuplicateReference(int index, DuplicateMatch? duplicate, ref List<string>? defaults)
        {
            if (duplicate == null) return null;
            if (duplicate.LeadId.HasValue) return new EntityReference(LeadTable.LogicalName, duplicate.LeadId.Value);
            int earlier = duplicate.BatchIndex.GetValueOrDefault(-1);
            var earlierId = earlier >= 0 && earlier < _leads.Count && _leads[earlier] != null ? LeadEntityReader.IdOf(_leads[earlier]) : null;
            if (earlierId.HasValue && earlierId.Value != LeadEntityReader.IdOf(_leads[index])) return new EntityReference(LeadTable.LogicalName, earlierId.Value);
            Add(ref defaults, "duplicate of batch lead #" + EnrichmentTrace.Number(earlier) + " not linked (that lead has no id yet)");
            return null;
        }

        private static void Add(ref List<string>? list, string item)
        {
            if (list == null) list = new List<string>(2);
            list.Add(item);
        }
    }
}
