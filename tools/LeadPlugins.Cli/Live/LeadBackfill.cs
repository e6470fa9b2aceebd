using LeadPlugins.Schema;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.WebApi;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Live;

/// <summary>
/// Runs the enrichment service the plug-in runs over leads that were never enriched (mpl_enrichmentstatus empty), and
/// with --apply writes the differences in UpdateMultiple batches. Safety rules: only marketplace leads are written; a
/// column that holds a value is never overwritten (owner only as the plug-in's rule allows); test leads are flagged and
/// nothing else; a lead once written has a status, so a second run finds nothing. Reads page by leadid (keyset), so
/// leads dropping out of the filter as they are written never shift a page, and the checkpoint is the last leadid of a
/// fully written chunk.
/// </summary>
public sealed class LeadBackfill
{
    private static readonly string[] StatusColumns = { LeadTable.Columns.EnrichmentStatus, LeadTable.Columns.EnrichmentMessage, LeadTable.Columns.EnrichedOn };
    private static readonly string[] TestLeadColumns = { LeadTable.Columns.IsTestLead, LeadTable.Columns.IsMarketplace, LeadTable.Columns.EnrichmentStatus, LeadTable.Columns.EnrichmentMessage, LeadTable.Columns.EnrichedOn };

    private readonly WebApiOrganizationService _service;
    private readonly BackfillOptions _options;
    private readonly LeadEnrichmentService _enrichment;
    private readonly string[] _columns;

    public LeadBackfill(WebApiOrganizationService service, BackfillOptions options)
    {
        _service = service;
        _options = options;
        _enrichment = new LeadEnrichmentService(service, NullTracing.Instance, null);
        _columns = _enrichment.InputColumns.Concat(OutputColumns()).Append(LeadTable.Columns.LeadId).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every column enrichment may write, read so each change has its "before".</summary>
    internal static IEnumerable<string> OutputColumns() => new[]
        {
            LeadTable.Columns.LeadId, LeadTable.Columns.IsMarketplace, LeadTable.Columns.Storefront, LeadTable.Columns.Audience, LeadTable.Columns.CampaignType,
            LeadTable.Columns.ListingType, LeadTable.Columns.LeadAction, LeadTable.Columns.FunnelStage, LeadTable.Columns.PublisherId, LeadTable.Columns.OfferId,
            LeadTable.Columns.OfferTitle, LeadTable.Columns.TrackedIn, LeadTable.Columns.IsCoSell, LeadTable.Columns.ReferralId, LeadTable.Columns.IsTestLead,
            LeadTable.Columns.CountryCode, LeadTable.Columns.EmailStatus, LeadTable.Columns.LeadScore, LeadTable.Columns.ScoreReason, LeadTable.Columns.SourceCampaignCode,
            LeadTable.Columns.DuplicateOf, LeadTable.Columns.NurtureSequenceId, LeadTable.Columns.EnrichmentStatus, LeadTable.Columns.EnrichmentMessage, LeadTable.Columns.EnrichedOn,
            LeadTable.Columns.LeadQualityCode, LeadTable.Columns.LeadSourceCode, LeadTable.Columns.CampaignId, LeadTable.Columns.OwnerId, LeadTable.Columns.CreatedBy,
            LeadTable.Columns.CreatedOn,
        };

    /// <summary>Runs to the end (or until cancelled: an applied run then resumes from its checkpoint).</summary>
    /// <param name="evaluated">Every lead read, with what the run makes of it (what the dry-run report is made of).</param>
    public async Task<BackfillSummary> RunAsync(Action<LeadChange> changed, Action<BackfillSummary> progress, CancellationToken cancellationToken, Action<BackfillOutcome>? evaluated = null)
    {
        var summary = new BackfillSummary();
        var clock = Stopwatch.StartNew();
        var startRequests = _service.Statistics.Requests;
        var startRetries = _service.Statistics.Retries;
        var startThrottled = _service.Statistics.Throttled;
        var startWaited = _service.Statistics.Waited;
        var checkpoint = ReadCheckpoint();
        summary.Resumed = checkpoint != null;
        var after = checkpoint;
        void Measure()
        {
            summary.Requests = _service.Statistics.Requests - startRequests;
            summary.Retries = _service.Statistics.Retries - startRetries;
            summary.Throttled = _service.Statistics.Throttled - startThrottled;
            summary.Waited = _service.Statistics.Waited - startWaited;
            summary.Elapsed = clock.Elapsed;
        }
        var pending = new List<(LeadChange Change, Entity Update)>();
        var unsaved = new List<Guid>();
        var pages = new LeadPages(_columns, _options.FetchXml, _options.Since, neverEnrichedOnly: true, _options.PageSize);
        await foreach (var page in pages.ReadAsync(_service, after, cancellationToken).ConfigureAwait(false))
        {
            for (var start = 0; start < page.Count; start += _options.EvaluateChunk)
            {
                var chunk = page.Skip(start).Take(_options.EvaluateChunk).ToList();
                summary.Read += chunk.Count;
                var changes = Evaluate(chunk, summary, evaluated);
                foreach (var change in changes) changed(change.Change);
                if (_options.Apply)
                {
                    // Only full batches go out, so requests = reads + ceil(changed / batch size); the rest waits for the next chunk.
                    pending.AddRange(changes);
                    var full = pending.Count / _options.BatchSize * _options.BatchSize;
                    await FlushAsync(pending, full, summary, cancellationToken).ConfigureAwait(false);
                    // The checkpoint moves to the last lead read before the first one still waiting to be written.
                    unsaved.AddRange(chunk.Select(l => l.Id));
                    var firstWaiting = pending.Count == 0 ? unsaved.Count : unsaved.IndexOf(pending[0].Change.LeadId);
                    if (firstWaiting > 0)
                    {
                        WriteCheckpoint(unsaved[firstWaiting - 1]);
                        unsaved.RemoveRange(0, firstWaiting);
                    }
                }
                Measure();
                progress(summary);
            }
        }
        if (_options.Apply)
        {
            await FlushAsync(pending, pending.Count, summary, cancellationToken).ConfigureAwait(false);
            DeleteCheckpoint();
        }
        Measure();
        return summary;
    }

    private List<(LeadChange Change, Entity Update)> Evaluate(List<Entity> leads, BackfillSummary summary, Action<BackfillOutcome>? evaluated)
    {
        var batch = _enrichment.Evaluate(leads, new LeadEnrichmentOptions { NowUtc = _options.Clock() });
        var result = new List<(LeadChange, Entity)>();
        for (var i = 0; i < leads.Count; i++)
        {
            var lead = leads[i];
            var outcome = batch.Leads[i];
            if (outcome.Status == EnrichmentStatus.NotMarketplace || outcome.Result is { IsMarketplace: false })
            {
                summary.NotMarketplace++;
                evaluated?.Invoke(new BackfillOutcome(lead, false, null, null));
                continue;
            }
            summary.Marketplace++;
            var isTest = outcome.Result?.IsTestLead == true;
            var update = new Entity("lead", lead.Id);
            var columns = new List<ColumnChange>();
            foreach (var (column, after) in outcome.Changes.Attributes)
            {
                if (column == LeadTable.Columns.LeadId || after == null) continue;
                if (isTest && !TestLeadColumns.Contains(column)) continue;
                lead.Attributes.TryGetValue(column, out var before);
                var personSet = !IsEmpty(before) && !StatusColumns.Contains(column) && column != LeadTable.Columns.OwnerId;
                if (personSet || SameValue(before, after)) continue;
                update[column] = after;
                columns.Add(new ColumnChange(column, Show(before), Show(after)));
            }
            if (columns.Count == 0)
            {
                evaluated?.Invoke(new BackfillOutcome(lead, true, null, null));
                continue;
            }
            summary.Changed++;
            if (isTest) summary.TestLeadsFlagged++;
            var change = new LeadChange(lead.Id, columns, isTest);
            evaluated?.Invoke(new BackfillOutcome(lead, true, change, update));
            result.Add((change, update));
        }
        return result;
    }

    private async Task FlushAsync(List<(LeadChange Change, Entity Update)> pending, int count, BackfillSummary summary, CancellationToken cancellationToken)
    {
        if (count == 0) return;
        var batch = pending.GetRange(0, count);
        await WriteAsync(batch.Select(c => c.Update).ToList(), summary, cancellationToken).ConfigureAwait(false);
        pending.RemoveRange(0, count);
        if (_options.Enrol) summary.Enrolled += Enrol(batch.Where(c => !c.Change.IsTestLead).Select(c => c.Change.LeadId));
    }

    private async Task WriteAsync(List<Entity> updates, BackfillSummary summary, CancellationToken cancellationToken)
    {
        var batches = updates.Chunk(Math.Max(1, _options.BatchSize)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = _service.RecommendedConcurrency, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var targets = new EntityCollection(batch.ToList()) { EntityName = "lead" };
                await _service.UpdateMultipleAsync(targets, token).ConfigureAwait(false);
                lock (summary)
                {
                    summary.WriteRequests++;
                    summary.Written += batch.Length;
                }
            }).ConfigureAwait(false);
    }

    private long Enrol(IEnumerable<Guid> leads)
    {
        var enrolment = new NurtureEnrollmentService(_service, NullTracing.Instance, new NurtureOptions(null, _options.Clock));
        long count = 0;
        foreach (var id in leads)
        {
            enrolment.Enroll(new EntityReference("lead", id), null);
            count++;
        }
        return count;
    }

    private static bool IsEmpty(object? value) => value == null || value is string s && s.Length == 0 || value is EntityReference r && r.Id == Guid.Empty;

    private static bool SameValue(object? before, object? after) => (before, after) switch
    {
        (null, null) => true,
        (EntityReference a, EntityReference b) => a.Id == b.Id && a.LogicalName == b.LogicalName,
        (OptionSetValue a, OptionSetValue b) => a.Value == b.Value,
        (Money a, Money b) => a.Value == b.Value,
        _ => Equals(before, after),
    };

    internal static string Show(object? value) => value switch
    {
        null => "(empty)",
        EntityReference reference => reference.LogicalName + ":" + reference.Id.ToString("D"),
        OptionSetValue option => option.Value.ToString(CultureInfo.InvariantCulture),
        Money money => money.Value.ToString(CultureInfo.InvariantCulture),
        DateTime date => ODataValues.WriteDateTime(date),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // ---------- checkpoint ----------

    private Guid? ReadCheckpoint()
    {
        if (!_options.Apply || _options.CheckpointPath == null || !File.Exists(_options.CheckpointPath)) return null;
        using var document = JsonDocument.Parse(File.ReadAllText(_options.CheckpointPath));
        return document.RootElement.TryGetProperty("afterLeadId", out var id) && id.TryGetGuid(out var guid) ? guid : null;
    }

    private void WriteCheckpoint(Guid lastLead)
    {
        if (_options.CheckpointPath == null) return;
        var temporary = _options.CheckpointPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new { afterLeadId = lastLead, environment = _service.Connection.Url.ToString(), writtenAt = DateTime.UtcNow }));
        File.Move(temporary, _options.CheckpointPath, overwrite: true);
    }

    private void DeleteCheckpoint()
    {
        if (_options.CheckpointPath != null && File.Exists(_options.CheckpointPath)) File.Delete(_options.CheckpointPath);
    }
}
