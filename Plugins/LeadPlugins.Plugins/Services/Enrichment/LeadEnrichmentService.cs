using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>
    /// Enriches a batch of lead entities with the domain services (parse, look up configuration once per batch,
    /// classify, score, route, pair duplicates). Takes only SDK services, so the plug-in and the custom workflow
    /// activities share it. Reads at most <see cref="MaxQueriesPerBatch"/> times per batch whatever its size
    /// (<see cref="EnrichmentReader"/>) and never writes: results (<see cref="EnrichmentOutcomeBuilder"/>) go onto the
    /// entities (<see cref="EnrichInPlace"/>) or into <see cref="LeadEnrichmentOutcome.Changes"/> (<see cref="Evaluate"/>),
    /// and the trace lines come from <see cref="EnrichmentTrace"/>. Never throws: a failing lead is Failed, a failing read
    /// makes the leads that needed it Partial with the built-in defaults, and the rest of the batch goes on.
    /// </summary>
    public sealed class LeadEnrichmentService
    {
        /// <summary>Storefront settings, offers, routing rules, open leads (campaign state is joined to the settings).</summary>
        public const int MaxQueriesPerBatch = 4;

        private readonly IOrganizationService _service;
        private readonly ITracingService _tracing;

        /// <param name="service">Reads configuration and open leads (a plug-in passes a SYSTEM service: see EnrichMarketplaceLead).</param>
        /// <param name="tracing">Receives one summary line per lead and one line per batch-level note.</param>
        /// <param name="settings">Parsed step configuration; null = <see cref="EnrichmentSettings.Default"/>.</param>
        public LeadEnrichmentService(IOrganizationService service, ITracingService tracing, EnrichmentSettings? settings)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _tracing = tracing ?? throw new ArgumentNullException(nameof(tracing));
            Settings = settings ?? EnrichmentSettings.Default;
        }

        public EnrichmentSettings Settings { get; }

        /// <summary>The lead columns the service reads: retrieve these before <see cref="Evaluate"/> on an existing lead.</summary>
        public IReadOnlyList<string> InputColumns => _inputColumns ?? (_inputColumns = LeadEntityReader.InputColumns(Settings));

        // Made on first use: the plug-ins never ask for it.
        private string[]? _inputColumns;

        /// <summary>Evaluates the leads and sets the resulting columns on each of them (a PreOperation Target is saved with them).</summary>
        public LeadEnrichmentBatch EnrichInPlace(IList<Entity> leads, LeadEnrichmentOptions? options = null)
        {
            var batch = Evaluate(leads, options);
            for (int i = 0; i < batch.Leads.Count; i++)
            {
                if (leads[i] == null) continue;
                LeadChangeBuilder.Apply(batch.Leads[i].Changes, leads[i]);
                var cut = LeadChangeBuilder.FitWriterTextToColumns(leads[i]);
                if (cut != null) new EnrichmentTrace(_tracing).InputCut(cut);
            }
            return batch;
        }

        /// <summary>
        /// Evaluates the leads without changing them: each outcome's <see cref="LeadEnrichmentOutcome.Changes"/> holds what
        /// <see cref="EnrichInPlace"/> would set (for an Update by a workflow activity, or to read the classification,
        /// score or owner). Lookups run once for the batch; the entities must carry <see cref="InputColumns"/>.
        /// </summary>
        public LeadEnrichmentBatch Evaluate(IList<Entity> leads, LeadEnrichmentOptions? options = null)
        {
            if (leads == null) throw new ArgumentNullException(nameof(leads));
            options = options ?? new LeadEnrichmentOptions();
            var trace = new EnrichmentTrace(_tracing);
            var reader = new EnrichmentReader(_service, trace.Note);
            var outcomes = new EnrichmentOutcomeBuilder(leads, Settings, reader.Failures, options);
            try
            {
                for (int i = 0; i < Settings.Diagnostics.Count; i++) trace.Note("Step configuration: " + Settings.Diagnostics[i]);

                // 1. The cheap pass: no I/O. Entries of leads that failed here stay null; Collect and Match skip nulls.
                var parsed = new ParsedLead[leads.Count];
                var nonTextExtraColumns = new List<string>();
                for (int i = 0; i < leads.Count; i++)
                {
                    if (leads[i] == null)
                    {
                        outcomes.NoEntity(i);
                        continue;
                    }
                    try
                    {
                        parsed[i] = MarketplaceLeadParser.Parse(LeadEntityReader.Read(leads[i], Settings, options.CreatingUserId, nonTextExtraColumns), Settings);
                    }
                    catch (Exception e)
                    {
                        outcomes.Fail(i, e);
                    }
                }
                foreach (var column in nonTextExtraColumns) trace.Note("Extra source column '" + column + "' holds values that are not text; they were ignored.");

                // 2. One read per concern for the whole batch, only what the batch needs.
                var reference = reader.ReadReferenceData(EnrichmentLookupKeys.Collect(parsed), Settings, out var openLeads);
                // A stored lead (re-evaluated by a workflow) carries createdon: it is never paired with a newer lead.
                var createdOn = new DateTime?[leads.Count];
                for (int i = 0; i < createdOn.Length; i++) createdOn[i] = leads[i].GetAttributeValue<DateTime?>(LeadTable.Columns.CreatedOn);
                var duplicates = DuplicateMatcher.Match(parsed, openLeads, createdOn);

                // 3. Complete each lead.
                for (int i = 0; i < leads.Count; i++)
                {
                    if (!outcomes.IsDone(i)) outcomes.Complete(i, parsed[i], reference, duplicates[i]);
                }
                trace.Outcomes(outcomes.All(), withDetail: true);
            }
            catch (Exception e)
            {
                // A defect outside the per-lead code: every lead not yet finished is Failed, the save goes on.
                outcomes.FailUnfinished(e);
                trace.Note("Enrichment stopped: " + EnrichmentReader.Describe(e));
                trace.Outcomes(outcomes.All(), withDetail: false);
            }
            return new LeadEnrichmentBatch(outcomes.All(), reader.QueryCount, trace.Notes);
        }
    }
}
