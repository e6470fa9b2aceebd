using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// Enrols marketplace leads in a nurture sequence: <see cref="RepeatEngagementResolver"/> decides (eligibility and
    /// repeat engagements), <see cref="NurtureEnrollmentWriter"/> writes the enrolment row and one activity per step
    /// (task, phone call, draft e-mail to the lead) owned by the lead's owner. Used by the EnrollLeadInNurture
    /// plug-in (post images, no Retrieve) and by the "Enrol in nurture sequence" workflow activity (<see cref="Enroll"/>).
    /// <para>
    /// Idempotent by deterministic ids (<see cref="NurtureRecordIds"/>): a retry creates the same rows, and "duplicate key"
    /// answers mean "already there", so nothing is created twice and a run cut short is completed by the next one.
    /// Round trips: per enrolled lead 1 + number of steps Creates; per batch one query for the configured sequences
    /// (only when a lead is eligible) and one for the enrolments of duplicate-of leads (only when the batch has such leads
    /// outside the batch), plus one Update per original enrolment that gets repeat-engagement lines.
    /// </para>
    /// </summary>
    public sealed class NurtureEnrollmentService
    {
        private readonly IOrganizationService _service;
        private readonly ITracingService _tracing;
        private readonly NurtureOptions _options;

        public NurtureEnrollmentService(IOrganizationService service, ITracingService tracing, NurtureOptions? options = null)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _tracing = tracing ?? throw new ArgumentNullException(nameof(tracing));
            _options = options ?? new NurtureOptions();
        }

        /// <summary>Lead columns <see cref="EnrollLeads"/> reads (the plug-in's post image, the workflow activity's Retrieve).</summary>
        public static string[] LeadColumns => NurtureColumnSets.Split(NurtureColumnSets.EnrollmentLeadColumns);

        /// <summary>
        /// "Enrol in nurture sequence" for one lead (workflow activities): reads the lead, returns its existing enrolment
        /// when it has one (no write), else enrols it. <paramref name="sequence"/> (optional) is used instead of the
        /// matching one when it is active and valid; otherwise the normal choice applies and the trace says why.
        /// Round trips: Retrieve + one enrolment query, then as <see cref="EnrollLeads"/>.
        /// </summary>
        public NurtureEnrollmentOutcome Enroll(EntityReference lead, EntityReference? sequence = null)
        {
            if (lead == null || lead.Id == Guid.Empty) throw new ArgumentException("A lead reference is required.", nameof(lead));
            var row = _service.Retrieve(LeadTable.LogicalName, lead.Id, new ColumnSet(LeadColumns));
            // Checked first so a real-time workflow never sees a "duplicate key" fault (it would doom its transaction).
            var existing = FindEnrollment(lead.Id);
            if (existing != null)
            {
                var status = DataverseValues.Option(existing, NurtureEnrollmentTable.Columns.Status);
                var reason = "The lead already has an enrolment" + (status.HasValue ? " (" + NurtureLabels.Of((EnrollmentStatus)status.Value) + ")" : string.Empty) + "; nothing was created.";
                Trace("Lead " + lead.Id.ToString("D") + ": " + reason);
                return new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.AlreadyEnrolled, existing.ToEntityReference(), reason);
            }
            return EnrollLeads(new[] { row }, sequence?.Id)[0];
        }

        /// <summary>
        /// Enrols a batch of leads (rows with <see cref="LeadColumns"/>, e.g. the post images of Create/CreateMultiple).
        /// Returns one outcome per lead, in order. Faults other than "duplicate key" are not caught: the async job fails
        /// and the platform retries it, which then completes the work without copies.
        /// </summary>
        public IReadOnlyList<NurtureEnrollmentOutcome> EnrollLeads(IReadOnlyList<Entity> leads, Guid? requestedSequenceId = null)
        {
            if (leads == null) throw new ArgumentNullException(nameof(leads));
            var batch = new List<NurtureBatchLead>(leads.Count);
            var leadIds = leads.Count > 1 ? new HashSet<Guid>() : null; // a lead twice in the batch: none in a batch of one
            var outcomes = new NurtureEnrollmentOutcome?[leads.Count];

            for (var i = 0; i < leads.Count; i++)
            {
                var lead = NurtureLead.From(leads[i]);
                if (lead == null)
                {
                    outcomes[i] = new NurtureEnrollmentOutcome(Guid.Empty, NurtureEnrollmentResult.NotApplicable, null, "The row has no lead id.");
                    Trace("Row " + i.ToString(CultureInfo.InvariantCulture) + " has no lead id; skipped.");
                    continue;
                }
                if (leadIds != null && !leadIds.Add(lead.Id))
                {
                    outcomes[i] = new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.AlreadyEnrolled, null, "The lead appears twice in the batch; handled once.");
                    continue;
                }
                if (requestedSequenceId.HasValue)
                {
                    lead.Context.OverrideSequenceId = requestedSequenceId;
                    Trace("Lead " + lead.Id.ToString("D") + ": sequence " + requestedSequenceId.Value.ToString("D") + " requested by the caller.");
                }
                batch.Add(new NurtureBatchLead(i, lead));
            }

            new RepeatEngagementResolver(_service, _tracing, _options).Decide(batch);

            IReadOnlyList<NurtureSequenceDefinition>? sequences = null;
            foreach (var item in batch)
            {
                if (!item.Decision.IsEligible) continue;
                sequences = NurtureSequenceReader.Load(_service);
                Trace(sequences.Count.ToString(CultureInfo.InvariantCulture) + " configured sequence(s) loaded.");
                break;
            }

            var writer = new NurtureEnrollmentWriter(_service, _tracing, _options);
            foreach (var item in batch)
                outcomes[item.Index] = item.Decision.IsEligible ? writer.Enroll(item, sequences!) : writer.Skip(item);
            writer.AppendRepeatLinesToExistingEnrollments(batch);

            var result = new NurtureEnrollmentOutcome[outcomes.Length];
            for (var i = 0; i < outcomes.Length; i++) result[i] = outcomes[i]!;
            return result;
        }

        private Entity? FindEnrollment(Guid leadId)
        {
            var query = new QueryExpression(NurtureEnrollmentTable.LogicalName) { ColumnSet = new ColumnSet(NurtureEnrollmentTable.Columns.Status), TopCount = 1 };
            query.Criteria.AddCondition(NurtureEnrollmentTable.Columns.LeadId, ConditionOperator.Equal, leadId);
            var rows = _service.RetrieveMultiple(query).Entities;
            return rows.Count > 0 ? rows[0] : null;
        }

        private void Trace(string text) => _tracing.TraceLine(text);
    }
}
