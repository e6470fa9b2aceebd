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
            // The head and the parts joined once (the head is the first part).
            var parts = new List<string>(8) { Head(index, id, DefinedValues<EnrichmentStatus>.Name(status)) };
            if (result.Storefront.HasValue || result.LeadAction.HasValue)
            {
                parts.Add((result.Storefront.HasValue ? DefinedValues<Storefront>.Name(result.Storefront.Value) : "-") + "/"
                    + (result.LeadAction.HasValue ? DefinedValues<LeadAction>.Name(result.LeadAction.Value) : "no action"));
            }
            if (result.OfferId != null) parts.Add(result.PublisherId != null ? "offer " + result.PublisherId + "." + result.OfferId : "offer " + result.OfferId);
            else if (result.OfferTitle != null) parts.Add("offer '" + result.OfferTitle + "'");
            if (result.ScoreDetails != null) parts.Add("score " + Number(result.ScoreDetails.Value) + " " + DefinedValues<Rating>.Name(result.ScoreDetails.Rating));
            if (result.Routing != null && result.Routing.Source != OwnerSource.Unchanged)
            {
                parts.Add(changes.Contains(LeadTable.Columns.OwnerId) ? "owner " + DefinedValues<OwnerSource>.Name(result.Routing.Source) + " " + result.Owner
                    : routingRulesUnread ? "owner unchanged (rules unreadable)" : "owner kept (set by the writer)");
            }
            var duplicateOf = changes.GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf);
            if (duplicateOf != null) parts.Add("duplicate of " + duplicateOf.Id.ToString("D") + (result.Duplicate != null && result.Duplicate.IsRepeatEngagement ? " (repeat)" : ""));
            if (result.IsTestLead && result.TestValidationTimeUtc.HasValue) parts.Add("test sent " + result.TestValidationTimeUtc.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (result.IsCoSell) parts.Add("referral " + (result.ReferralId ?? "-"));
            if (result.Problems.Count > 0) parts.Add("not determined: " + string.Join("; ", result.Problems));
            if (status == EnrichmentStatus.Partial && result.Status != EnrichmentStatus.Partial) parts.Add("defaults used");
            return string.Join(" | ", parts);
        }

        /// <summary>"#0 id: Failed | detail" for a lead without a domain result.</summary>
        internal static string Summary(int index, Guid? id, string status, string? detail) =>
            string.IsNullOrEmpty(detail) ? Head(index, id, status) : Head(index, id, status) + " | " + detail;

        // "#0 id: status", interpolated: the id formatted into the one string made (an index is never negative).
        private static string Head(int index, Guid? id, string status) =>
            id.HasValue ? $"#{index} {id.Value:D}: {status}" : $"#{index} (no id): {status}";

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
