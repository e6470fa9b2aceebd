using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>
    /// The trace lines of one enrichment batch: batch-level notes (kept for <see cref="LeadEnrichmentBatch.Notes"/>),
    /// one summary line per lead and, for a batch of one, the lead's detail lines. Writing a line never throws: tracing
    /// is a diagnostic and must never cost a lead.
    /// </summary>
    internal sealed class EnrichmentTrace
    {
        private readonly ITracingService _tracing;
        private readonly List<string> _notes = new List<string>();

        internal EnrichmentTrace(ITracingService tracing)
        {
            _tracing = tracing;
        }

        /// <summary>The notes written so far (configuration problems, failed or truncated reads, ignored columns).</summary>
        internal string[] Notes => _notes.ToArray();

        internal void Note(string note)
        {
            _notes.Add(note);
            Line(note);
        }

        /// <summary>Each lead's summary in batch order, then for a batch of one enriched lead its detail lines.</summary>
        internal void Outcomes(IReadOnlyList<LeadEnrichmentOutcome> outcomes, bool withDetail)
        {
            for (int i = 0; i < outcomes.Count; i++) Line(outcomes[i].Summary);
            if (!withDetail || outcomes.Count != 1 || outcomes[0].Result == null) return;
            outcomes[0].Result!.WriteTrace(new DetailLines(_tracing));
        }

        /// <summary>The detail lines, indented by two spaces. Like <see cref="Line"/>, tracing one never throws.</summary>
        private sealed class DetailLines : TracingLineSink
        {
            internal DetailLines(ITracingService tracing) : base(tracing)
            {
            }

            public override StringBuilder Start() => base.Start().Append("  ");

            public override void End()
            {
                try
                {
                    base.End();
                }
                catch (Exception)
                {
                    // Tracing is a diagnostic: it must never cost a lead.
                }
            }
        }

        /// <summary>
        /// The note on writer text cut to fit its column (<see cref="LeadEnrichmentService.EnrichInPlace"/>, after the
        /// batch). Not guarded, unlike the batch's lines: it is written outside Evaluate's isolation, as it always was.
        /// </summary>
        internal void InputCut(string note) => _tracing.TraceLine(note);

        /// <summary>"#0 id: Enriched | AzureMarketplace/GetItNow | offer p.o | score 85 Hot | ...".</summary>
        internal static string Summary(int index, Guid? id, EnrichmentStatus status, EnrichmentResult result, Entity changes, bool routingRulesUnread)
        {
            // The parts are appended to the head one by one, each after " | ", in the thread's cached builder.
            var summary = Head(StringBuilderCache.Acquire(), index, id, status.ToString());
            if (result.Storefront.HasValue || result.LeadAction.HasValue)
            {
                summary.Append(" | ").Append(result.Storefront.HasValue ? result.Storefront.Value.ToString() : "-").Append('/')
                    .Append(result.LeadAction.HasValue ? result.LeadAction.Value.ToString() : "no action");
            }
            if (result.OfferId != null)
            {
                summary.Append(" | offer ");
                if (result.PublisherId != null) summary.Append(result.PublisherId).Append('.');
                summary.Append(result.OfferId);
            }
            else if (result.OfferTitle != null)
            {
                summary.Append(" | offer '").Append(result.OfferTitle).Append('\'');
            }
            if (result.Score.HasValue) summary.Append(" | score ").Append(Number(result.Score.Value)).Append(' ').Append(result.Rating.ToString());
            if (result.Routing != null && result.Routing.Source != OwnerSource.Unchanged)
            {
                summary.Append(" | ");
                if (changes.Contains(LeadTable.Columns.OwnerId)) summary.Append("owner ").Append(result.Routing.Source.ToString()).Append(' ').Append(result.Owner);
                else summary.Append(routingRulesUnread ? "owner unchanged (rules unreadable)" : "owner kept (set by the writer)");
            }
            var duplicateOf = changes.GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf);
            if (duplicateOf != null)
            {
                summary.Append(" | duplicate of ").Append(duplicateOf.Id.ToString("D"));
                if (result.Duplicate != null && result.Duplicate.IsRepeatEngagement) summary.Append(" (repeat)");
            }
            if (result.IsTestLead && result.TestValidationTimeUtc.HasValue) summary.Append(" | test sent ").Append(result.TestValidationTimeUtc.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (result.IsCoSell) summary.Append(" | referral ").Append(result.ReferralId ?? "-");
            if (result.Problems.Count > 0)
            {
                summary.Append(" | not determined: ");
                for (int i = 0; i < result.Problems.Count; i++)
                {
                    if (i > 0) summary.Append("; ");
                    summary.Append(result.Problems[i]);
                }
            }
            if (status == EnrichmentStatus.Partial && result.Status != EnrichmentStatus.Partial) summary.Append(" | defaults used");
            return StringBuilderCache.GetStringAndRelease(summary);
        }

        /// <summary>"#0 id: Failed | detail" for a lead without a domain result.</summary>
        internal static string Summary(int index, Guid? id, string status, string? detail)
        {
            var summary = Head(StringBuilderCache.Acquire(), index, id, status);
            if (!string.IsNullOrEmpty(detail)) summary.Append(" | ").Append(detail);
            return StringBuilderCache.GetStringAndRelease(summary);
        }

        // "#0 id: status"
        private static StringBuilder Head(StringBuilder summary, int index, Guid? id, string status) =>
            summary.Append('#').Append(Number(index)).Append(' ').Append(id.HasValue ? id.Value.ToString("D") : "(no id)").Append(": ").Append(status);

        internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private void Line(string line)
        {
            try
            {
                _tracing.TraceLine(line);
            }
            catch (Exception)
            {
                // Tracing is a diagnostic: it must never cost a lead.
            }
        }
    }
}
