using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Enrichment
{
    /// <summary>
    /// Enriches a batch of lead entities with the domain services (parse, look up configuration once per batch,
    /// classify, score, route, pair duplicates). Takes only SDK services, so the plug-in and the custom workflow
    /// activities share it. Reads at most <see cref="MaxQueriesPerBatch"/> times per batch whatever its size and never
    /// writes: results go onto the entities (<see cref="EnrichInPlace"/>) or into <see cref="LeadEnrichmentOutcome.Changes"/>
    /// (<see cref="Evaluate"/>). Never throws: a failing lead is Failed, a failing read makes the leads that needed it
    /// Partial with the built-in defaults, and the rest of the batch goes on.
    /// </summary>
    public sealed class LeadEnrichmentService
    {
        /// <summary>Storefront settings, offers, routing rules, open leads (campaign state is joined to the settings).</summary>
        public const int MaxQueriesPerBatch = 4;

        private static readonly string[] StandardInputColumns =
        {
            LeadTable.Columns.Subject, LeadTable.Columns.Description, LeadTable.Columns.LeadSource, LeadTable.Columns.ActionCode, LeadTable.Columns.FirstName,
            LeadTable.Columns.LastName, LeadTable.Columns.EmailAddress1, LeadTable.Columns.Telephone1, LeadTable.Columns.CompanyName, LeadTable.Columns.JobTitle, LeadTable.Columns.Address1Country,
            LeadTable.Columns.OwnerId, LeadTable.Columns.CreatedBy, LeadTable.Columns.CreatedOn, LeadTable.Columns.LeadQualityCode, LeadTable.Columns.LeadSourceCode,
            LeadTable.Columns.CampaignId, LeadTable.Columns.DuplicateOf, LeadTable.Columns.NurtureSequenceId,
        };

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
            var columns = new List<string>(StandardInputColumns);
            foreach (var extra in Settings.ExtraSourceColumns)
            {
                if (!columns.Contains(extra)) columns.Add(extra);
            }
            InputColumns = columns.ToArray();
        }

        public EnrichmentSettings Settings { get; }

        /// <summary>The lead columns the service reads: retrieve these before <see cref="Evaluate"/> on an existing lead.</summary>
        public IReadOnlyList<string> InputColumns { get; }

        /// <summary>Evaluates the leads and sets the resulting columns on each of them (a PreOperation Target is saved with them).</summary>
        public LeadEnrichmentBatch EnrichInPlace(IList<Entity> leads, LeadEnrichmentOptions? options = null)
        {
            var batch = Evaluate(leads, options);
            for (int i = 0; i < batch.Leads.Count; i++)
            {
                if (leads[i] == null) continue;
                LeadChangeBuilder.Apply(batch.Leads[i].Changes, leads[i]);
                FitWriterTextToColumns(leads[i]);
            }
            return batch;
        }

        /// <summary>
        /// A marketplace lead cannot be re-sent, and a writer's value longer than its column would make the platform
        /// reject the whole Create after this step. So, once enrichment has read the full text, over-long writer values
        /// are cut to their column and the lead is saved as Partial with a note saying what was cut.
        /// </summary>
        private void FitWriterTextToColumns(Entity lead)
        {
            System.Text.StringBuilder? note = null;
            foreach (var column in LeadTextColumns.WriterTextColumns)
            {
                if (!(lead.Attributes.TryGetValue(column.Key, out var value) && value is string text) || text.Length <= column.Value) continue;
                lead[column.Key] = ColumnText.Truncate(text, column.Value);
                note = (note == null ? new System.Text.StringBuilder("Input cut to fit its column so the lead could be saved: ") : note.Append("; "))
                    .Append(column.Key).Append(' ').Append(text.Length.ToString("N0", CultureInfo.InvariantCulture))
                    .Append(" -> ").Append(column.Value.ToString(CultureInfo.InvariantCulture)).Append(" characters");
            }
            if (note == null) return;
            note.Append('.');
            _tracing.Trace("{0}", note.ToString());
            var status = lead.GetAttributeValue<OptionSetValue>(LeadTable.Columns.EnrichmentStatus);
            if (status == null || status.Value == (int)EnrichmentStatus.Enriched) lead[LeadTable.Columns.EnrichmentStatus] = new OptionSetValue((int)EnrichmentStatus.Partial);
            var message = lead.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage);
            lead[LeadTable.Columns.EnrichmentMessage] = ColumnText.Truncate(
                string.IsNullOrEmpty(message) ? note.ToString() : message + " " + note, LeadTable.MaxLength.EnrichmentMessage);
        }

        /// <summary>
        /// Evaluates the leads without changing them: each outcome's <see cref="LeadEnrichmentOutcome.Changes"/> holds what
        /// <see cref="EnrichInPlace"/> would set (for an Update by a workflow activity, or to read the classification,
        /// score or owner). Lookups run once for the batch; the entities must carry <see cref="InputColumns"/>.
        /// </summary>
        public LeadEnrichmentBatch Evaluate(IList<Entity> leads, LeadEnrichmentOptions? options = null)
        {
            if (leads == null) throw new ArgumentNullException(nameof(leads));
            var run = new BatchRun(this, leads, options ?? new LeadEnrichmentOptions());
            try
            {
                run.Execute();
            }
            catch (Exception e)
            {
                // A defect outside the per-lead code: every lead not yet finished is Failed, the save goes on.
                run.FailUnfinished(e);
            }
            return run.ToBatch();
        }

        private void Trace(string line)
        {
            try
            {
                _tracing.Trace("{0}", line);
            }
            catch (Exception)
            {
                // Tracing is a diagnostic: it must never cost a lead.
            }
        }

        /// <summary>The state of one Evaluate call (the service itself stays stateless and reusable).</summary>
        private sealed class BatchRun
        {
            private readonly LeadEnrichmentService _owner;
            private readonly IList<Entity> _leads;
            private readonly LeadEnrichmentOptions _options;
            private readonly DateTime _now;
            private readonly LeadEnrichmentOutcome?[] _outcomes;
            // Entries of leads that failed in the first pass stay null; Collect and Match skip nulls.
            private readonly ParsedLead[] _parsed;
            private readonly List<string> _notes = new List<string>();
            private readonly List<string> _nonTextExtraColumns = new List<string>();
            private readonly EnrichmentReader _reader;

            internal BatchRun(LeadEnrichmentService owner, IList<Entity> leads, LeadEnrichmentOptions options)
            {
                _owner = owner;
                _leads = leads;
                _options = options;
                _now = options.NowUtc.HasValue ? DateTime.SpecifyKind(options.NowUtc.Value, DateTimeKind.Utc) : DateTime.UtcNow;
                _outcomes = new LeadEnrichmentOutcome?[leads.Count];
                _parsed = new ParsedLead[leads.Count];
                _reader = new EnrichmentReader(owner._service, Note);
            }

            private ReadFailures Failures => _reader.Failures;

            private EnrichmentSettings Settings => _owner.Settings;

            internal void Execute()
            {
                for (int i = 0; i < Settings.Diagnostics.Count; i++) Note("Step configuration: " + Settings.Diagnostics[i]);

                // 1. The cheap pass: no I/O.
                for (int i = 0; i < _leads.Count; i++)
                {
                    var lead = _leads[i];
                    if (lead == null)
                    {
                        _outcomes[i] = new LeadEnrichmentOutcome(i, null, EnrichmentStatus.Failed, null, null, new Entity(LeadTable.LogicalName),
                            Summary(i, null, "Failed", "no entity"), "no entity");
                        continue;
                    }
                    try
                    {
                        _parsed[i] = MarketplaceLeadParser.Parse(LeadEntityReader.Read(lead, Settings, _options.CreatingUserId, _nonTextExtraColumns), Settings);
                    }
                    catch (Exception e)
                    {
                        Fail(i, e);
                    }
                }
                foreach (var column in _nonTextExtraColumns) Note("Extra source column '" + column + "' holds values that are not text; they were ignored.");

                // 2. One read per concern for the whole batch, only what the batch needs.
                var parsed = (IReadOnlyList<ParsedLead>)_parsed;
                var keys = EnrichmentLookupKeys.Collect(parsed);
                var reference = EnrichmentReferenceData.Default;
                if (Settings != EnrichmentSettings.Default) reference = new EnrichmentReferenceData(Settings, null, null, null);
                IReadOnlyList<OpenLead>? openLeads = null;
                if (keys.MarketplaceLeadCount > 0)
                {
                    var settings = _reader.ReadStorefrontSettings();
                    var offers = keys.NeedsOffers ? _reader.ReadOffers(keys) : null;
                    var rules = _reader.ReadRoutingRules();
                    openLeads = keys.NeedsDuplicates ? _reader.ReadOpenLeads(keys) : null;
                    reference = new EnrichmentReferenceData(Settings, settings, offers, rules);
                }
                // A stored lead (re-evaluated by a workflow) carries createdon: it is never paired with a newer lead.
                var createdOn = new DateTime?[_leads.Count];
                for (int i = 0; i < createdOn.Length; i++) createdOn[i] = _leads[i].GetAttributeValue<DateTime?>(LeadTable.Columns.CreatedOn);
                var duplicates = DuplicateMatcher.Match(parsed, openLeads, createdOn);

                // 3. Complete each lead.
                for (int i = 0; i < _leads.Count; i++)
                {
                    if (_outcomes[i] != null) continue;
                    try
                    {
                        _outcomes[i] = Complete(i, _parsed[i], reference, duplicates[i]);
                    }
                    catch (Exception e)
                    {
                        Fail(i, e);
                    }
                }
                for (int i = 0; i < _outcomes.Length; i++) _owner.Trace(_outcomes[i]!.Summary);
                if (_leads.Count == 1 && _outcomes[0]!.Result != null)
                {
                    foreach (var line in _outcomes[0]!.Result!.BuildTrace()) _owner.Trace("  " + line);
                }
            }

            internal void FailUnfinished(Exception e)
            {
                for (int i = 0; i < _outcomes.Length; i++)
                {
                    if (_outcomes[i] == null && _leads[i] != null) Fail(i, e);
                    else if (_outcomes[i] == null) _outcomes[i] = new LeadEnrichmentOutcome(i, null, EnrichmentStatus.Failed, null, null,
                        new Entity(LeadTable.LogicalName), Summary(i, null, "Failed", "no entity"), "no entity");
                }
                Note("Enrichment stopped: " + Describe(e));
                for (int i = 0; i < _outcomes.Length; i++) _owner.Trace(_outcomes[i]!.Summary);
            }

            internal LeadEnrichmentBatch ToBatch()
            {
                var outcomes = new LeadEnrichmentOutcome[_outcomes.Length];
                for (int i = 0; i < outcomes.Length; i++) outcomes[i] = _outcomes[i]!;
                return new LeadEnrichmentBatch(outcomes, _reader.QueryCount, _notes.ToArray());
            }

            private LeadEnrichmentOutcome Complete(int index, ParsedLead parsed, EnrichmentReferenceData reference, DuplicateMatch? duplicate)
            {
                var lead = _leads[index];
                var result = MarketplaceLeadEnricher.Complete(parsed, reference, duplicate);
                if (result.Status == EnrichmentStatus.NotMarketplace)
                {
                    return new LeadEnrichmentOutcome(index, parsed.LeadId, result.Status, null, result, LeadChangeBuilder.NotMarketplace(lead),
                        Summary(index, parsed.LeadId, "NotMarketplace", null), null);
                }

                var status = result.Status;
                var message = result.Message;
                List<string>? defaults = null;
                if (parsed.Kind == LeadKind.Marketplace || parsed.Kind == LeadKind.Test)
                {
                    if (Failures.StorefrontSettings != null) Add(ref defaults, "storefront settings could not be read (" + Failures.StorefrontSettings + "): built-in storefront table used");
                    if (Failures.Offers != null && (parsed.OfferId != null || parsed.OfferTitle != null)) Add(ref defaults, "offer catalogue could not be read (" + Failures.Offers + ")");
                }
                if (parsed.Kind == LeadKind.Marketplace)
                {
                    if (Failures.RoutingRules != null) Add(ref defaults, "routing rules could not be read (" + Failures.RoutingRules + "): owner left unchanged");
                    bool emailChecked = result.NormalizedEmail != null && (result.EmailStatus == EmailStatus.Business || result.EmailStatus == EmailStatus.FreeMail);
                    if (emailChecked && Failures.OpenLeads != null) Add(ref defaults, "open leads could not be searched for duplicates (" + Failures.OpenLeads + ")");
                    else if (emailChecked && Failures.UncheckedEmails != null && Failures.UncheckedEmails.Contains(result.NormalizedEmail!)) Add(ref defaults, "not checked for duplicates (batch too large)");
                }
                EntityReference? duplicateOf = DuplicateReference(index, duplicate, ref defaults);
                if (defaults != null)
                {
                    if (status == EnrichmentStatus.Enriched) status = EnrichmentStatus.Partial;
                    message = message + " Defaults used: " + string.Join("; ", defaults.ToArray()) + ".";
                }
                if (Settings.Diagnostics.Count > 0)
                {
                    message = message + " Step configuration has " + Number(Settings.Diagnostics.Count) + " problem(s); defaults used for them (see trace).";
                }
                var changes = LeadChangeBuilder.Build(lead, result, status, message, duplicateOf, _options.CreatingUserId, _now);
                // Without the rules any owner could be the wrong one (a rule might have matched): leave the owner alone.
                if (Failures.RoutingRules != null) changes.Attributes.Remove(LeadTable.Columns.OwnerId);
                var written = changes.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage);
                return new LeadEnrichmentOutcome(index, parsed.LeadId, status, written, result, changes, Summary(index, parsed.LeadId, status, result, changes), null);
            }

            // An earlier lead of the batch is referenced by the id its Target carries in PreOperation.
            private EntityReference? DuplicateReference(int index, DuplicateMatch? duplicate, ref List<string>? defaults)
            {
                if (duplicate == null) return null;
                if (duplicate.LeadId.HasValue) return new EntityReference(LeadTable.LogicalName, duplicate.LeadId.Value);
                int earlier = duplicate.BatchIndex.GetValueOrDefault(-1);
                var earlierId = earlier >= 0 && earlier < _leads.Count && _leads[earlier] != null ? LeadEntityReader.IdOf(_leads[earlier]) : null;
                if (earlierId.HasValue && earlierId.Value != LeadEntityReader.IdOf(_leads[index])) return new EntityReference(LeadTable.LogicalName, earlierId.Value);
                Add(ref defaults, "duplicate of batch lead #" + Number(earlier) + " not linked (that lead has no id yet)");
                return null;
            }

            private void Fail(int index, Exception e)
            {
                var lead = _leads[index];
                var id = LeadEntityReader.IdOf(lead);
                string error = Describe(e);
                string message = "Enrichment failed: " + error + ". The lead was saved without enrichment.";
                _outcomes[index] = new LeadEnrichmentOutcome(index, id, EnrichmentStatus.Failed, message, null, LeadChangeBuilder.Failed(lead, message),
                    Summary(index, id, "Failed", error), error);
            }

            // ---------- text ----------

            private void Note(string note)
            {
                _notes.Add(note);
                _owner.Trace(note);
            }

            private static void Add(ref List<string>? list, string item)
            {
                if (list == null) list = new List<string>(2);
                list.Add(item);
            }

            private string Summary(int index, Guid? id, EnrichmentStatus status, EnrichmentResult result, Entity changes)
            {
                var parts = new List<string>(8);
                if (result.Storefront.HasValue || result.LeadAction.HasValue)
                {
                    parts.Add((result.Storefront.HasValue ? result.Storefront.Value.ToString() : "-") + "/"
                        + (result.LeadAction.HasValue ? result.LeadAction.Value.ToString() : "no action"));
                }
                if (result.OfferId != null) parts.Add("offer " + (result.PublisherId != null ? result.PublisherId + "." : "") + result.OfferId);
                else if (result.OfferTitle != null) parts.Add("offer '" + result.OfferTitle + "'");
                if (result.Score.HasValue) parts.Add("score " + Number(result.Score.Value) + " " + result.Rating);
                if (result.Routing != null && result.Routing.Source != OwnerSource.Unchanged)
                {
                    parts.Add(changes.Contains(LeadTable.Columns.OwnerId) ? "owner " + result.Routing.Source + " " + result.Owner
                        : Failures.RoutingRules != null ? "owner unchanged (rules unreadable)" : "owner kept (set by the writer)");
                }
                var duplicateOf = changes.GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf);
                if (duplicateOf != null) parts.Add("duplicate of " + duplicateOf.Id.ToString("D") + (result.Duplicate != null && result.Duplicate.IsRepeatEngagement ? " (repeat)" : ""));
                if (result.IsTestLead && result.TestValidationTimeUtc.HasValue) parts.Add("test sent " + result.TestValidationTimeUtc.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                if (result.IsCoSell) parts.Add("referral " + (result.ReferralId ?? "-"));
                if (result.Problems.Count > 0) parts.Add("not determined: " + string.Join("; ", ToArray(result.Problems)));
                if (status == EnrichmentStatus.Partial && result.Status != EnrichmentStatus.Partial) parts.Add("defaults used");
                return Summary(index, id, status.ToString(), string.Join(" | ", parts.ToArray()));
            }

            private static string Summary(int index, Guid? id, string status, string? detail) =>
                "#" + Number(index) + " " + (id.HasValue ? id.Value.ToString("D") : "(no id)") + ": " + status + (string.IsNullOrEmpty(detail) ? "" : " | " + detail);

            private static string[] ToArray(IReadOnlyList<string> items)
            {
                var array = new string[items.Count];
                for (int i = 0; i < array.Length; i++) array[i] = items[i];
                return array;
            }

            private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

            private static string Describe(Exception e) => EnrichmentReader.Describe(e);
        }
    }
}
