using System;
using System.Collections.Generic;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>The outcome of one batch: one entry per lead (same order), the queries run and batch-level notes.</summary>
    public sealed class LeadEnrichmentBatch
    {
        internal LeadEnrichmentBatch(IReadOnlyList<LeadEnrichmentOutcome> leads, int queryCount, IReadOnlyList<string> notes)
        {
            Leads = leads;
            QueryCount = queryCount;
            Notes = notes;
        }

        public IReadOnlyList<LeadEnrichmentOutcome> Leads { get; }
        /// <summary>RetrieveMultiple requests made for the whole batch (at most <see cref="LeadEnrichmentService.MaxQueriesPerBatch"/>).</summary>
        public int QueryCount { get; }
        /// <summary>Configuration problems, failed or truncated reads, ignored columns: each once per batch.</summary>
        public IReadOnlyList<string> Notes { get; }
    }
}
