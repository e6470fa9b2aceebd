using System;
using System.Collections.Generic;
using System.Globalization;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Nurture
{
    /// <summary>
    /// Keeps enrolments in step with their activities: when every step activity is completed or canceled an Active
    /// enrolment becomes Completed (ended on = now, no next due date); otherwise its next due date moves to the earliest
    /// open activity. Stopped, Skipped and Completed enrolments are left alone.
    /// Round trips per batch: 3 queries (task, phonecall, email with mpl_nurtureenrollmentid in the batch's enrolments,
    /// each joined to the enrolment for its status and next due date) + 1 Update per enrolment that changes.
    /// </summary>
    public sealed class NurtureProgressService
    {
        public const string EnrollmentAlias = "enrollment";

        private readonly IOrganizationService _service;
        private readonly ITracingService _tracing;
        private readonly NurtureOptions _options;

        public NurtureProgressService(IOrganizationService service, ITracingService tracing, NurtureOptions? options = null)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _tracing = tracing ?? throw new ArgumentNullException(nameof(tracing));
            _options = options ?? new NurtureOptions();
        }

        public IReadOnlyList<NurtureProgressOutcome> Update(IReadOnlyCollection<Guid> enrollmentIds)
        {
            if (enrollmentIds == null) throw new ArgumentNullException(nameof(enrollmentIds));
            var ids = new List<Guid>();
            foreach (var id in enrollmentIds)
                if (id != Guid.Empty && !ids.Contains(id)) ids.Add(id);
            var outcomes = new List<NurtureProgressOutcome>();
            if (ids.Count == 0) return outcomes;

            var activities = new Dictionary<Guid, List<NurtureActivitySnapshot>>();
            var enrollments = new Dictionary<Guid, Entity>();
            foreach (NurtureActivityType type in new[] { NurtureActivityType.Task, NurtureActivityType.PhoneCall, NurtureActivityType.Email })
            {
                foreach (var row in DataverseValues.RetrieveAll(_service, BuildQuery(type, ids)))
                {
                    var enrollmentId = DataverseValues.ReferenceId(row, TaskTable.Columns.NurtureEnrollmentId);
                    if (!enrollmentId.HasValue) continue;
                    if (!activities.TryGetValue(enrollmentId.Value, out var list)) activities[enrollmentId.Value] = list = new List<NurtureActivitySnapshot>();
                    list.Add(new NurtureActivitySnapshot(type,
                        DataverseValues.Option(row, TaskTable.Columns.StateCode) ?? NurtureActivityStates.OpenState,
                        DataverseValues.Option(row, TaskTable.Columns.StatusCode) ?? 0,
                        DataverseValues.Date(row, TaskTable.Columns.ScheduledEnd),
                        DataverseValues.Int(row, TaskTable.Columns.NurtureStepNumber)));
                    enrollments[enrollmentId.Value] = row;
                }
            }

            foreach (var id in ids)
            {
                var label = "Enrolment " + id.ToString("D");
                if (!enrollments.TryGetValue(id, out var row))
                {
                    Trace(label + ": no step activities found (or the enrolment is gone); nothing to do.");
                    outcomes.Add(new NurtureProgressOutcome(id, null, false, false));
                    continue;
                }
                var status = (EnrollmentStatus)(DataverseValues.Option(row, EnrollmentAlias + "." + NurtureEnrollmentTable.Columns.Status) ?? (int)EnrollmentStatus.Active);
                var currentNext = DataverseValues.Date(row, EnrollmentAlias + "." + NurtureEnrollmentTable.Columns.NextDueDate);
                var progress = NurtureCompletionRule.Evaluate(status, activities[id]);
                var counts = progress.Completed.ToString(CultureInfo.InvariantCulture) + " completed, " + progress.Canceled.ToString(CultureInfo.InvariantCulture)
                    + " canceled, " + progress.Open.ToString(CultureInfo.InvariantCulture) + " open";

                if (progress.StatusChanged)
                {
                    _service.Update(new Entity(NurtureEnrollmentTable.LogicalName, id)
                    {
                        [NurtureEnrollmentTable.Columns.Status] = new OptionSetValue((int)progress.Status),
                        [NurtureEnrollmentTable.Columns.EndedOn] = DataverseValues.Utc(_options.UtcNow()),
                        [NurtureEnrollmentTable.Columns.NextDueDate] = null,
                    });
                    Trace(label + ": every step activity is closed (" + counts + "); enrolment Completed.");
                    outcomes.Add(new NurtureProgressOutcome(id, progress, true, currentNext.HasValue));
                    continue;
                }
                if (status == EnrollmentStatus.Active && !SameInstant(currentNext, progress.NextDueDateUtc))
                {
                    _service.Update(new Entity(NurtureEnrollmentTable.LogicalName, id) { [NurtureEnrollmentTable.Columns.NextDueDate] = progress.NextDueDateUtc });
                    Trace(label + ": " + counts + "; next due date moved to " + DataverseValues.TraceDate(progress.NextDueDateUtc) + ".");
                    outcomes.Add(new NurtureProgressOutcome(id, progress, false, true));
                    continue;
                }
                Trace(label + " is " + NurtureLabels.Of(status) + " (" + counts + "); nothing to change.");
                outcomes.Add(new NurtureProgressOutcome(id, progress, false, false));
            }
            return outcomes;
        }

        private static QueryExpression BuildQuery(NurtureActivityType type, List<Guid> enrollmentIds)
        {
            var query = new QueryExpression(NurtureActivityStates.LogicalName(type))
            {
                ColumnSet = new ColumnSet(TaskTable.Columns.NurtureEnrollmentId, TaskTable.Columns.StateCode, TaskTable.Columns.StatusCode,
                    TaskTable.Columns.ScheduledEnd, TaskTable.Columns.NurtureStepNumber),
            };
            query.Criteria.AddCondition(DataverseValues.In(TaskTable.Columns.NurtureEnrollmentId, enrollmentIds));
            var enrollment = query.AddLink(NurtureEnrollmentTable.LogicalName, TaskTable.Columns.NurtureEnrollmentId, NurtureEnrollmentTable.Columns.NurtureEnrollmentId, JoinOperator.Inner);
            enrollment.EntityAlias = EnrollmentAlias;
            enrollment.Columns = new ColumnSet(NurtureEnrollmentTable.Columns.Status, NurtureEnrollmentTable.Columns.NextDueDate);
            return query;
        }

        private static bool SameInstant(DateTime? a, DateTime? b) =>
            a.HasValue == b.HasValue && (!a.HasValue || DataverseValues.Utc(a.Value) == DataverseValues.Utc(b!.Value));

        private void Trace(string text) => _tracing.TraceLine(text);
    }
}
