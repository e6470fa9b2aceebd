using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using System.Text;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// Writes what <see cref="RepeatEngagementResolver"/> decided: the enrolment row and one activity per step for an
    /// enrolled lead, a Skipped enrolment row for a skipped marketplace lead, and the repeat-engagement lines on
    /// existing enrolments. Creates by deterministic ids; "duplicate key" means "already there".
    /// </summary>
    internal sealed class NurtureEnrollmentWriter
    {
        private readonly IOrganizationService _service;
        private readonly ITracingService _tracing;
        private readonly NurtureOptions _options;
        private readonly TracingLineSink _lines;
        private readonly NurtureRecordIds.Buffers _ids = new NurtureRecordIds.Buffers();
        private readonly NurturePlanner _planner;
        private readonly StringBuilder _renderBuffer = new StringBuilder(); // every plan's texts, lead after lead
        // Every row the writer creates (an enrolment, then its activities) is built in this one row, emptied first:
        // Create copies the row it is given (on the wire in Dataverse, at the service boundary in memory), and a new
        // row's attribute table grew three times to hold its 4 to 11 columns (the SDK's table has no capacity to ask
        // for). An activity's priority and an e-mail's draft status and To party are reused the same way.
        private readonly Entity _row = new Entity();
        private readonly OptionSetValue _priority = new OptionSetValue();
        private OptionSetValue? _emailDraftStatus; // made for the first e-mail, with its To list
        private Entity? _toParty;
        private EntityCollection? _to;

        public NurtureEnrollmentWriter(IOrganizationService service, ITracingService tracing, NurtureOptions options)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _tracing = tracing ?? throw new ArgumentNullException(nameof(tracing));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _lines = new TracingLineSink(tracing);
            _planner = new NurturePlanner(options.Calendar);
        }

        private enum DuplicateKind
        {
            None,
            SameId,
            OtherRowWithSameKey,
        }

        /// <summary>Round trips: one Create for the enrolment and one per step (the activities are written after a "duplicate key" on the same id too, to complete a cut-short run).</summary>
        public NurtureEnrollmentOutcome Enroll(NurtureBatchLead item, IReadOnlyList<NurtureSequenceDefinition> sequences)
        {
            var lead = item.Lead;
            var label = $"Lead {lead.Id:D}"; // the id formatted into the one string made
            var selection = NurtureSequenceSelector.Select(lead.Context, sequences);
            Trace(label, selection.Reason);
            for (var i = 0; i < selection.Notes.Count; i++) Trace(label, selection.Notes[i]);

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
            var plan = _planner.Plan(selection.Sequence, lead.Context, startedOn, _renderBuffer);
            for (var i = 0; i < plan.Diagnostics.Count; i++) Trace(label, plan.Diagnostics[i]);

            var enrollmentId = _ids.Enrollment(lead.Id);
            // One reference to the lead for the enrolment and all its activities, as the owner's is shared.
            var leadReference = lead.Reference;
            var enrollment = Row(NurtureEnrollmentTable.LogicalName, enrollmentId);
            enrollment[NurtureEnrollmentTable.Columns.Name] = plan.EnrollmentName;
            enrollment[NurtureEnrollmentTable.Columns.LeadId] = leadReference;
            enrollment[NurtureEnrollmentTable.Columns.SequenceName] = ColumnText.TruncateWithEllipsis(plan.SequenceName, 200);
            enrollment[NurtureEnrollmentTable.Columns.Status] = new OptionSetValue((int)plan.Status);
            enrollment[NurtureEnrollmentTable.Columns.Reason] = ReasonWithLines(selection.Reason, item.LinesForThisEnrollment);
            enrollment[NurtureEnrollmentTable.Columns.StopOnQualify] = plan.StopOnQualifyOrDisqualify;
            enrollment[NurtureEnrollmentTable.Columns.StartedOn] = plan.EnrolledOnUtc;
            enrollment[NurtureEnrollmentTable.Columns.StepsScheduled] = plan.StepsScheduled;
            enrollment[NurtureEnrollmentTable.Columns.NextDueDate] = plan.NextDueDateUtc;
            if (plan.SequenceId.HasValue) enrollment[NurtureEnrollmentTable.Columns.SequenceId] = new EntityReference(NurtureSequenceTable.LogicalName, plan.SequenceId.Value);
            if (lead.Owner != null) enrollment[NurtureEnrollmentTable.Columns.OwnerId] = lead.Owner;

            var reference = new EntityReference(NurtureEnrollmentTable.LogicalName, enrollmentId);
            var created = TryCreate(enrollment, out var duplicateKind);
            if (!created && duplicateKind == DuplicateKind.OtherRowWithSameKey)
            {
                var reason = "The lead already has another enrolment (alternate key mpl_leadid); nothing was created.";
                Trace(label, reason);
                return new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.AlreadyEnrolled, null, reason);
            }

            var activitiesCreated = 0;
            var activitiesExisting = 0;
            foreach (var activity in plan.Activities)
            {
                if (TryCreate(BuildActivity(activity, lead, leadReference, reference), out _)) activitiesCreated++;
                else activitiesExisting++;
            }

            NurtureEnrollmentOutcome outcome;
            if (created)
            {
                var line = _lines.Start().Append(label).Append(": enrolled in ").Append(plan.Sequence.DisplayName).Append(", ")
                    .Append(activitiesCreated.ToString(CultureInfo.InvariantCulture)).Append(" activities scheduled, next due ");
                DataverseValues.AppendTraceDate(line, plan.NextDueDateUtc).Append('.');
                _lines.End();
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

        /// <summary>A lead that is not enrolled: a Skipped enrolment row (one Create) for a marketplace lead, nothing for others.</summary>
        public NurtureEnrollmentOutcome Skip(NurtureBatchLead item)
        {
            var lead = item.Lead;
            var label = $"Lead {lead.Id:D}"; // the id formatted into the one string made
            var decision = item.Decision;
            if (!lead.Facts.IsMarketplace)
            {
                _lines.Start().Append(label).Append(": not enrolled, ").Append(decision.Message).Append(" (not a marketplace lead: no enrolment row).");
                _lines.End();
                return new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.NotApplicable, null, decision.Message);
            }

            var reason = decision.Message;
            EntityReference? repeatOf = null;
            if (decision.Reason == NurtureSkipReason.RepeatEngagement && item.RepeatOf != null)
            {
                repeatOf = new EntityReference(NurtureEnrollmentTable.LogicalName, item.RepeatOf.EnrollmentId);
                reason += " (lead " + lead.Facts.DuplicateOfLeadId.GetValueOrDefault().ToString("D") + ", enrolment " + repeatOf.Id.ToString("D") + ")";
            }

            var enrollmentId = _ids.Enrollment(lead.Id);
            var skipped = Row(NurtureEnrollmentTable.LogicalName, enrollmentId);
            skipped[NurtureEnrollmentTable.Columns.Name] = NurturePlanner.EnrollmentName("Not enrolled", lead.Context.LeadName);
            skipped[NurtureEnrollmentTable.Columns.LeadId] = lead.Reference;
            skipped[NurtureEnrollmentTable.Columns.Status] = new OptionSetValue((int)EnrollmentStatus.Skipped);
            skipped[NurtureEnrollmentTable.Columns.Reason] = ColumnText.TruncateWithEllipsis(reason, NurtureEnrollmentTable.MaxLength.Reason);
            if (lead.Owner != null) skipped[NurtureEnrollmentTable.Columns.OwnerId] = lead.Owner;
            var created = TryCreate(skipped, out var duplicateKind);
            _lines.Start().Append(label).Append(": skipped, ").Append(reason).Append(created ? "." : " (the enrolment row already existed).");
            _lines.End();
            var reference = duplicateKind == DuplicateKind.OtherRowWithSameKey ? null : new EntityReference(NurtureEnrollmentTable.LogicalName, enrollmentId);
            return new NurtureEnrollmentOutcome(lead.Id, NurtureEnrollmentResult.Skipped, reference, reason) { RepeatOf = repeatOf };
        }

        /// <summary>One Update per existing original enrolment; lines it already holds (an earlier run) are not added again.</summary>
        public void AppendRepeatLinesToExistingEnrollments(IReadOnlyList<NurtureBatchLead> batch)
        {
            var done = new HashSet<EnrollmentTarget>();
            foreach (var item in batch)
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

        /// <summary>The writer's one row, emptied, as a new row of the table with the id.</summary>
        private Entity Row(string logicalName, Guid id)
        {
            _row.LogicalName = logicalName;
            _row.Id = id;
            _row.Attributes.Clear();
            return _row;
        }

        /// <summary>The planned activity's row, written into the writer's one row.</summary>
        private Entity BuildActivity(PlannedNurtureActivity planned, NurtureLead lead, EntityReference leadReference, EntityReference enrollment)
        {
            var activity = Row(planned.LogicalName, _ids.Activity(lead.Id, planned.StepOrder));
            activity[TaskTable.Columns.Subject] = planned.Subject;
            activity[TaskTable.Columns.Description] = planned.ActivityType == NurtureActivityType.Email ? planned.DescriptionHtml : planned.Description;
            activity[TaskTable.Columns.ScheduledEnd] = planned.DueDateUtc;
            _priority.Value = planned.PriorityCode;
            activity[TaskTable.Columns.PriorityCode] = _priority;
            activity[TaskTable.Columns.RegardingObjectId] = leadReference;
            activity[TaskTable.Columns.NurtureEnrollmentId] = enrollment;
            activity[TaskTable.Columns.NurtureStepNumber] = planned.StepOrder;
            if (lead.Owner != null) activity[TaskTable.Columns.OwnerId] = lead.Owner;
            if (planned.ActivityType == NurtureActivityType.Email)
            {
                // A draft for the seller to review and send: outgoing, addressed to the lead, never sent by the package.
                if (_to == null)
                {
                    _emailDraftStatus = new OptionSetValue(NurtureColumnSets.EmailDraftStatus);
                    _toParty = new Entity(NurtureColumnSets.ActivityParty);
                    // Added to the collection's own list: the list constructor would copy a list made only to be copied.
                    _to = new EntityCollection { EntityName = NurtureColumnSets.ActivityParty, Entities = { _toParty } };
                }
                activity[TaskTable.Columns.StatusCode] = _emailDraftStatus;
                activity[EmailTable.Columns.DirectionCode] = true;
                _toParty![NurtureColumnSets.PartyId] = leadReference;
                activity[EmailTable.Columns.To] = _to;
            }
            return activity;
        }

        private static string ReasonWithLines(string first, List<string> lines)
        {
            var text = ColumnText.TruncateWithEllipsis(first, NurtureEnrollmentTable.MaxLength.Reason);
            foreach (var line in lines) text = NurtureEligibility.AppendTraceLine(text, line, NurtureEnrollmentTable.MaxLength.Reason);
            return text;
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

        private void Trace(string text) => _tracing.TraceLine(text);

        // "label: text", built in the trace's line buffer.
        private void Trace(string label, string text)
        {
            _lines.Start().Append(label).Append(": ").Append(text);
            _lines.End();
        }
    }
}
