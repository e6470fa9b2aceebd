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
            // The head and each part written into one buffer (no string per part, no list of them to join).
            var text = AppendHead(new StringBuilder(SummaryCapacity), index, id, DefinedValues<EnrichmentStatus>.Name(status));
            if (result.Storefront.HasValue || result.LeadAction.HasValue)
            {
                NextPart(text).Append(result.Storefront.HasValue ? DefinedValues<Storefront>.Name(result.Storefront.Value) : "-").Append('/')
                    .Append(result.LeadAction.HasValue ? DefinedValues<LeadAction>.Name(result.LeadAction.Value) : "no action");
            }
            if (result.OfferId != null)
            {
                NextPart(text).Append("offer ");
                if (result.PublisherId != null) text.Append(result.PublisherId).Append('.');
                text.Append(result.OfferId);
            }
            else if (result.OfferTitle != null)
            {
                NextPart(text).Append("offer '").Append(result.OfferTitle).Append('\'');
            }
            if (result.ScoreDetails != null)
                NextPart(text).Append("score ").Append(Number(result.ScoreDetails.Value)).Append(' ').Append(DefinedValues<Rating>.Name(result.ScoreDetails.Rating));
            if (result.Routing != null && result.Routing.Source != OwnerSource.Unchanged)
            {
                if (changes.Contains(LeadTable.Columns.OwnerId))
                    NextPart(text).Append("owner ").Append(DefinedValues<OwnerSource>.Name(result.Routing.Source)).Append(' ').Append(result.Owner);
                else
                    NextPart(text).Append(routingRulesUnread ? "owner unchanged (rules unreadable)" : "owner kept (set by the writer)");
            }
            var duplicateOf = changes.GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf);
            if (duplicateOf != null)
            {
                NextPart(text).Append("duplicate of ").Append(duplicateOf.Id.ToString("D"));
                if (result.Duplicate != null && result.Duplicate.IsRepeatEngagement) text.Append(" (repeat)");
            }
            if (result.IsTestLead && result.TestValidationTimeUtc.HasValue)
                NextPart(text).Append("test sent ").Append(result.TestValidationTimeUtc.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (result.IsCoSell) NextPart(text).Append("referral ").Append(result.ReferralId ?? "-");
            if (result.Problems.Count > 0)
            {
                NextPart(text).Append("not determined: ");
                for (var i = 0; i < result.Problems.Count; i++)
                {
                    if (i > 0) text.Append("; ");
                    text.Append(result.Problems[i]);
                }
            }
            if (status == EnrichmentStatus.Partial && result.Status != EnrichmentStatus.Partial) NextPart(text).Append("defaults used");
            return text.ToString();
        }

        /// <summary>"#0 id: Failed | detail" for a lead without a domain result.</summary>
        internal static string Summary(int index, Guid? id, string status, string? detail)
        {
            var text = AppendHead(new StringBuilder(SummaryCapacity), index, id, status);
            if (!string.IsNullOrEmpty(detail)) NextPart(text).Append(detail);
            return text.ToString();
        }

        // Room for a usual summary line (90 to 140 characters), so its buffer rarely grows.
        private const int SummaryCapacity = 160;

        // "#0 id: status", interpolated: on .NET the index and the id are formatted into the buffer (an index is never negative).
        private static StringBuilder AppendHead(StringBuilder text, int index, Guid? id, string status) =>
            id.HasValue ? text.Append($"#{index} {id.Value:D}: ").Append(status) : text.Append($"#{index} (no id): ").Append(status);

        // The separator before each part after the head.
        private static StringBuilder NextPart(StringBuilder text) => text.Append(" | ");

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
