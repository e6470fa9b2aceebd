using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// Enrols marketplace leads in a nurture sequence: eligibility, sequence selection, the enrolment row and one activity
    /// per step (task, phone call, draft e-mail to the lead) owned by the lead's owner. Used by the EnrollLeadInNurture
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
            var items = new List<Item>(leads.Count);
            var byLeadId = new Dictionary<Guid, Item>();
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
                if (byLeadId.ContainsKey(lead.Id))
                {
                    outcomes[i] = new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.AlreadyEnrolled, null, "The lead appears twice in the batch; handled once.");
                    continue;
                }
                if (requestedSequenceId.HasValue)
                {
                    lead.Context.OverrideSequenceId = requestedSequenceId;
                    Trace("Lead " + lead.Id.ToString("D") + ": sequence " + requestedSequenceId.Value.ToString("D") + " requested by the caller.");
                }
                var item = new Item(i, lead, NurtureEligibility.Decide(lead.Facts));
                items.Add(item);
                byLeadId[lead.Id] = item;
            }

            ResolveRepeatEngagements(items, byLeadId);

            IReadOnlyList<NurtureSequenceDefinition>? sequences = null;
            foreach (var item in items)
            {
                if (!item.Decision.IsEligible) continue;
                sequences = NurtureSequenceReader.Load(_service);
                Trace(sequences.Count.ToString(CultureInfo.InvariantCulture) + " configured sequence(s) loaded.");
                break;
            }

            foreach (var item in items)
                outcomes[item.Index] = item.Decision.IsEligible ? EnrollOne(item, sequences!) : SkipOne(item);

            AppendRepeatLinesToExistingEnrollments(items);

            var result = new NurtureEnrollmentOutcome[outcomes.Length];
            for (var i = 0; i < outcomes.Length; i++) result[i] = outcomes[i]!;
            return result;
        }

        // ---- eligibility: repeat engagements ---------------------------------------------------------------------

        /// <summary>
        /// For leads that are otherwise eligible and carry mpl_duplicateof: finds the enrolment of the original lead,
        /// in this batch (it is being enrolled now: no query) or in Dataverse (one query, only when such leads exist).
        /// A lead whose original is not enrolled (skipped, or never enrolled) is enrolled itself.
        /// </summary>
        private void ResolveRepeatEngagements(List<Item> items, Dictionary<Guid, Item> byLeadId)
        {
            var outside = new HashSet<Guid>();
            foreach (var item in items)
            {
                var original = item.Lead.Facts.DuplicateOfLeadId;
                if (item.Decision.IsEligible && original.HasValue && !byLeadId.ContainsKey(original.Value)) outside.Add(original.Value);
            }

            var existing = new Dictionary<Guid, Target>();
            if (outside.Count > 0)
            {
                var query = new QueryExpression(NurtureEnrollmentTable.LogicalName)
                {
                    ColumnSet = new ColumnSet(NurtureEnrollmentTable.Columns.LeadId, NurtureEnrollmentTable.Columns.Status, NurtureEnrollmentTable.Columns.Reason),
                };
                query.Criteria.AddCondition(DataverseValues.In(NurtureEnrollmentTable.Columns.LeadId, outside));
                query.Criteria.AddCondition(NurtureEnrollmentTable.Columns.Status, ConditionOperator.NotEqual, (int)EnrollmentStatus.Skipped);
                foreach (var row in DataverseValues.RetrieveAll(_service, query))
                {
                    var leadId = DataverseValues.ReferenceId(row, NurtureEnrollmentTable.Columns.LeadId);
                    if (leadId.HasValue) existing[leadId.Value] = Target.Existing(row);
                }
                Trace(outside.Count.ToString(CultureInfo.InvariantCulture) + " duplicate-of lead(s) looked up: "
                    + existing.Count.ToString(CultureInfo.InvariantCulture) + " enrolled.");
            }

            var resolved = new Dictionary<Guid, Target?>();
            foreach (var item in items)
            {
                if (!item.Decision.IsEligible || !item.Lead.Facts.DuplicateOfLeadId.HasValue) continue;
                var target = Resolve(item, byLeadId, existing, resolved, new HashSet<Guid>());
                if (target == null || target.NewFor == item) continue;
                item.RepeatOf = target;
                item.Lead.Facts.DuplicateOfEnrollmentId = target.EnrollmentId;
                item.Decision = NurtureEligibility.Decide(item.Lead.Facts);
                // Known before any write, so an original enrolled in this batch is created with its lines.
                var line = NurtureEligibility.RepeatEngagementLine(item.Lead.CreatedOn ?? _options.UtcNow(), item.Lead.Id,
                    item.Lead.Facts.Action, item.Lead.Context.OfferTitle);
                if (target.NewFor != null) target.NewFor.LinesForThisEnrollment.Add(line);
                else target.Lines.Add(line);
            }
        }

        // The enrolment a batch lead joins: a new one for itself, the original's (new in this batch or existing), or
        // null when the lead is not eligible. Follows chains of duplicates inside the batch; a cycle ends the chain.
        private static Target? Resolve(Item item, Dictionary<Guid, Item> byLeadId, Dictionary<Guid, Target> existing,
            Dictionary<Guid, Target?> resolved, HashSet<Guid> visiting)
        {
            if (resolved.TryGetValue(item.Lead.Id, out var known)) return known;
            Target? target;
            var originalId = item.Lead.Facts.DuplicateOfLeadId;
            if (!item.Decision.IsEligible) target = null;
            else if (!originalId.HasValue) target = Target.New(item);
            else if (existing.TryGetValue(originalId.Value, out var enrolled)) target = enrolled;
            else if (byLeadId.TryGetValue(originalId.Value, out var original) && visiting.Add(item.Lead.Id))
                target = Resolve(original, byLeadId, existing, resolved, visiting) ?? Target.New(item);
            else target = Target.New(item);
            resolved[item.Lead.Id] = target;
            return target;
        }

        // ---- writes ----------------------------------------------------------------------------------------------

        private NurtureEnrollmentOutcome EnrollOne(Item item, IReadOnlyList<NurtureSequenceDefinition> sequences)
        {
            var lead = item.Lead;
            var label = "Lead " + lead.Id.ToString("D");
            var selection = NurtureSequenceSelector.Select(lead.Context, sequences);
            Trace(label + ": " + selection.Reason);
            foreach (var note in selection.Notes) Trace(label + ": " + note);

            DateTime startedOn;
            if (lead.CreatedOn.HasValue)
            {
                startedOn = DataverseValues.Utc(lead.CreatedOn.Value);
            }
            else
            {
                startedOn = DataverseValues.Utc(_options.UtcNow());
                Trace(label + ": createdon is missing; the enrolment starts now, so a retry may plan other dates.");
            }
            var plan = new NurturePlanner(_options.Calendar).Plan(selection.Sequence, lead.Context, startedOn);
            foreach (var diagnostic in plan.Diagnostics) Trace(label + ": " + diagnostic);

            var enrollmentId = NurtureRecordIds.Enrollment(lead.Id);
            var enrollment = new Entity(NurtureEnrollmentTable.LogicalName, enrollmentId)
            {
                [NurtureEnrollmentTable.Columns.Name] = plan.EnrollmentName,
                [NurtureEnrollmentTable.Columns.LeadId] = lead.Reference,
                [NurtureEnrollmentTable.Columns.SequenceName] = ColumnText.TruncateWithEllipsis(plan.SequenceName, 200),
                [NurtureEnrollmentTable.Columns.Status] = new OptionSetValue((int)plan.Status),
                [NurtureEnrollmentTable.Columns.Reason] = ReasonWithLines(selection.Reason, item.LinesForThisEnrollment),
                [NurtureEnrollmentTable.Columns.StopOnQualify] = plan.StopOnQualifyOrDisqualify,
                [NurtureEnrollmentTable.Columns.StartedOn] = plan.EnrolledOnUtc,
                [NurtureEnrollmentTable.Columns.StepsScheduled] = plan.StepsScheduled,
                [NurtureEnrollmentTable.Columns.NextDueDate] = plan.NextDueDateUtc,
            };
            if (plan.SequenceId.HasValue) enrollment[NurtureEnrollmentTable.Columns.SequenceId] = new EntityReference(NurtureSequenceTable.LogicalName, plan.SequenceId.Value);
            if (lead.Owner != null) enrollment[NurtureEnrollmentTable.Columns.OwnerId] = lead.Owner;

            var reference = new EntityReference(NurtureEnrollmentTable.LogicalName, enrollmentId);
            var created = TryCreate(enrollment, out var duplicateKind);
            if (!created && duplicateKind == DuplicateKind.OtherRowWithSameKey)
            {
                var reason = "The lead already has another enrolment (alternate key mpl_leadid); nothing was created.";
                Trace(label + ": " + reason);
                return new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.AlreadyEnrolled, null, reason);
            }

            var activitiesCreated = 0;
            var activitiesExisting = 0;
            foreach (var activity in plan.Activities)
            {
                if (TryCreate(BuildActivity(activity, lead, reference), out _)) activitiesCreated++;
                else activitiesExisting++;
            }

            NurtureEnrollmentOutcome outcome;
            if (created)
            {
                Trace(label + ": enrolled in " + plan.Sequence.DisplayName + ", " + activitiesCreated.ToString(CultureInfo.InvariantCulture)
                    + " activities scheduled, next due " + FormatDate(plan.NextDueDateUtc) + ".");
                outcome = new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.Enrolled, reference, selection.Reason);
            }
            else if (activitiesCreated > 0)
            {
                Trace(label + ": enrolment existed; " + activitiesCreated.ToString(CultureInfo.InvariantCulture)
                    + " missing activities created by this retry, " + activitiesExisting.ToString(CultureInfo.InvariantCulture) + " already there.");
                outcome = new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.Enrolled, reference, "Completed by a retry: " + selection.Reason);
            }
            else
            {
                Trace(label + ": already enrolled (retry); nothing new was created.");
                outcome = new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.AlreadyEnrolled, reference, "Already enrolled.");
            }
            outcome.SequenceName = plan.SequenceName;
            outcome.ActivitiesCreated = activitiesCreated;
            outcome.ActivitiesExisting = activitiesExisting;
            return outcome;
        }

        private Entity BuildActivity(PlannedNurtureActivity planned, NurtureLead lead, EntityReference enrollment)
        {
            var activity = new Entity(planned.LogicalName, NurtureRecordIds.Activity(lead.Id, planned.StepOrder))
            {
                [TaskTable.Columns.Subject] = planned.Subject,
                [TaskTable.Columns.Description] = planned.ActivityType == NurtureActivityType.Email ? planned.DescriptionHtml : planned.Description,
                [TaskTable.Columns.ScheduledEnd] = planned.DueDateUtc,
                [TaskTable.Columns.PriorityCode] = new OptionSetValue(planned.PriorityCode),
                [TaskTable.Columns.RegardingObjectId] = lead.Reference,
                [TaskTable.Columns.NurtureEnrollmentId] = enrollment,
                [TaskTable.Columns.NurtureStepNumber] = planned.StepOrder,
            };
            if (lead.Owner != null) activity[TaskTable.Columns.OwnerId] = lead.Owner;
            if (planned.ActivityType == NurtureActivityType.Email)
            {
                // A draft for the seller to review and send: outgoing, addressed to the lead, never sent by the package.
                activity[TaskTable.Columns.StatusCode] = new OptionSetValue(NurtureColumnSets.EmailDraftStatus);
                activity[EmailTable.Columns.DirectionCode] = true;
                activity[EmailTable.Columns.To] = new EntityCollection(new List<Entity>
                {
                    new Entity(NurtureColumnSets.ActivityParty) { [NurtureColumnSets.PartyId] = lead.Reference },
                }) { EntityName = NurtureColumnSets.ActivityParty };
            }
            return activity;
        }

        private NurtureEnrollmentOutcome SkipOne(Item item)
        {
            var lead = item.Lead;
            var label = "Lead " + lead.Id.ToString("D");
            var decision = item.Decision;
            if (!lead.Facts.IsMarketplace)
            {
                Trace(label + ": not enrolled, " + decision.Message + " (not a marketplace lead: no enrolment row).");
                return new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.NotApplicable, null, decision.Message);
            }

            var reason = decision.Message;
            EntityReference? repeatOf = null;
            if (decision.Reason == NurtureSkipReason.RepeatEngagement && item.RepeatOf != null)
            {
                repeatOf = new EntityReference(NurtureEnrollmentTable.LogicalName, item.RepeatOf.EnrollmentId);
                reason += " (lead " + lead.Facts.DuplicateOfLeadId.GetValueOrDefault().ToString("D") + ", enrolment " + repeatOf.Id.ToString("D") + ")";
            }

            var enrollmentId = NurtureRecordIds.Enrollment(lead.Id);
            var skipped = new Entity(NurtureEnrollmentTable.LogicalName, enrollmentId)
            {
                [NurtureEnrollmentTable.Columns.Name] = NurturePlanner.EnrollmentName("Not enrolled", lead.Context.LeadName),
                [NurtureEnrollmentTable.Columns.LeadId] = lead.Reference,
                [NurtureEnrollmentTable.Columns.Status] = new OptionSetValue((int)EnrollmentStatus.Skipped),
                [NurtureEnrollmentTable.Columns.Reason] = ColumnText.TruncateWithEllipsis(reason, NurtureEnrollmentTable.MaxLength.Reason),
            };
            if (lead.Owner != null) skipped[NurtureEnrollmentTable.Columns.OwnerId] = lead.Owner;
            var created = TryCreate(skipped, out var duplicateKind);
            Trace(label + ": skipped, " + reason + (created ? "." : " (the enrolment row already existed)."));
            var reference = duplicateKind == DuplicateKind.OtherRowWithSameKey ? null : new EntityReference(NurtureEnrollmentTable.LogicalName, enrollmentId);
            return new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.Skipped, reference, reason) { RepeatOf = repeatOf };
        }

        /// <summary>One Update per original enrolment; lines it already holds (an earlier run) are not added again.</summary>
        private void AppendRepeatLinesToExistingEnrollments(List<Item> items)
        {
            var done = new HashSet<Target>();
            foreach (var item in items)
            {
                var target = item.RepeatOf;
                if (target == null || target.Row == null || target.Lines.Count == 0 || !done.Add(target)) continue;
                var current = DataverseValues.Text(target.Row, NurtureEnrollmentTable.Columns.Reason) ?? string.Empty;
                var updated = current;
                foreach (var line in target.Lines)
                    if (current.IndexOf(line, StringComparison.Ordinal) < 0)
                        updated = NurtureEligibility.AppendTraceLine(updated, line, NurtureEnrollmentTable.MaxLength.Reason);
                if (updated == current)
                {
                    Trace("Enrolment " + target.EnrollmentId.ToString("D") + " already has the repeat engagement line(s).");
                    continue;
                }
                _service.Update(new Entity(NurtureEnrollmentTable.LogicalName, target.EnrollmentId) { [NurtureEnrollmentTable.Columns.Reason] = updated });
                Trace("Enrolment " + target.EnrollmentId.ToString("D") + ": repeat engagement appended ("
                    + target.Lines.Count.ToString(CultureInfo.InvariantCulture) + " line(s)).");
            }
        }

        private static string ReasonWithLines(string first, List<string> lines)
        {
            var text = ColumnText.TruncateWithEllipsis(first, NurtureEnrollmentTable.MaxLength.Reason);
            foreach (var line in lines) text = NurtureEligibility.AppendTraceLine(text, line, NurtureEnrollmentTable.MaxLength.Reason);
            return text;
        }

        private Entity? FindEnrollment(Guid leadId)
        {
            var query = new QueryExpression(NurtureEnrollmentTable.LogicalName) { ColumnSet = new ColumnSet(NurtureEnrollmentTable.Columns.Status), TopCount = 1 };
            query.Criteria.AddCondition(NurtureEnrollmentTable.Columns.LeadId, ConditionOperator.Equal, leadId);
            var rows = _service.RetrieveMultiple(query).Entities;
            return rows.Count > 0 ? rows[0] : null;
        }

        private enum DuplicateKind
        {
            None,
            SameId,
            OtherRowWithSameKey,
        }

        /// <summary>Creates the row; false when it exists already (same id, or another enrolment with the same lead).</summary>
        private bool TryCreate(Entity row, out DuplicateKind duplicate)
        {
            try
            {
                _service.Create(row);
                duplicate = DuplicateKind.None;
                return true;
            }
            catch (FaultException<OrganizationServiceFault> fault) when (DataverseValues.ErrorCode(fault) == DataverseValues.DuplicateRecord)
            {
                duplicate = DuplicateKind.SameId;
                return false;
            }
            catch (FaultException<OrganizationServiceFault> fault) when (DataverseValues.ErrorCode(fault) == DataverseValues.DuplicateRecordEntityKey)
            {
                duplicate = DuplicateKind.OtherRowWithSameKey;
                return false;
            }
        }

        private static string FormatDate(DateTime? value) =>
            value.HasValue ? DataverseValues.Utc(value.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "(none)";

        private void Trace(string text) => _tracing.Trace("{0}", text);

        private sealed class Item
        {
            public Item(int index, NurtureLead lead, NurtureEligibilityDecision decision)
            {
                Index = index;
                Lead = lead;
                Decision = decision;
            }

            public int Index { get; }
            public NurtureLead Lead { get; }
            public NurtureEligibilityDecision Decision { get; set; }
            /// <summary>For a repeat engagement: the enrolment of the original lead.</summary>
            public Target? RepeatOf { get; set; }
            /// <summary>Repeat-engagement lines of later batch leads, written with this lead's new enrolment.</summary>
            public List<string> LinesForThisEnrollment { get; } = new List<string>();
        }

        /// <summary>An enrolment a lead belongs to: one created in this batch for <see cref="NewFor"/>, or an existing <see cref="Row"/>.</summary>
        private sealed class Target
        {
            private Target(Item? newFor, Entity? row, Guid enrollmentId)
            {
                NewFor = newFor;
                Row = row;
                EnrollmentId = enrollmentId;
            }

            public Item? NewFor { get; }
            public Entity? Row { get; }
            public Guid EnrollmentId { get; }
            /// <summary>Repeat-engagement lines for an existing row (one Update at the end of the batch).</summary>
            public List<string> Lines { get; } = new List<string>();

            public static Target New(Item item) => new Target(item, null, NurtureRecordIds.Enrollment(item.Lead.Id));
            public static Target Existing(Entity row) => new Target(null, row, row.Id);
        }
    }
}
