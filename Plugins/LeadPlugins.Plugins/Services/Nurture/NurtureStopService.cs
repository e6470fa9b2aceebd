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
    /// Stops Active enrolments: cancels their OPEN step activities with each type's canceled pair (task 2/6, phone call
    /// 2/3, e-mail 2/5) through Update (no SetState), then sets the enrolment to Stopped with the reason and ended on.
    /// Completed and canceled activities are left as they are. Activities are canceled first so a retry after a partial
    /// run still finds the enrolment Active and finishes the job.
    /// Round trips per batch: 1 enrolment query + 3 activity queries (task, phonecall, email; only when an enrolment
    /// stops) + 1 Update per open activity + 1 Update per stopped enrolment.
    /// </summary>
    public sealed class NurtureStopService
    {
        private readonly IOrganizationService _service;
        private readonly ITracingService _tracing;
        private readonly NurtureOptions _options;

        public NurtureStopService(IOrganizationService service, ITracingService tracing, NurtureOptions? options = null)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _tracing = tracing ?? throw new ArgumentNullException(nameof(tracing));
            _options = options ?? new NurtureOptions();
        }

        /// <summary>
        /// "Stop nurture" (workflow activities): stops the lead's Active enrolment with <paramref name="reason"/>, whatever
        /// its stop-on-qualify setting (an explicit request), and cancels its open activities.
        /// </summary>
        public NurtureStopOutcome Stop(EntityReference lead, string? reason)
        {
            if (lead == null || lead.Id == Guid.Empty) throw new ArgumentException("A lead reference is required.", nameof(lead));
            var text = string.IsNullOrWhiteSpace(reason) ? "Stopped on request" : reason!.Trim();
            return StopEnrollments(new[] { lead.Id }, _ => new NurtureStopDecision(true, text))[0];
        }

        /// <summary>
        /// For the lead Update step: qualified ("Lead qualified") and disqualified ("Lead disqualified: &lt;status&gt;") leads
        /// stop their Active enrolment when it says stop-on-qualify. Reactivated (open) leads are only traced: a stopped
        /// enrolment stays stopped and no query is made.
        /// </summary>
        public IReadOnlyList<NurtureStopOutcome> StopForClosedLeads(IReadOnlyList<LeadStateChange> changes)
        {
            if (changes == null) throw new ArgumentNullException(nameof(changes));
            var outcomes = new List<NurtureStopOutcome>();
            var closed = new Dictionary<Guid, LeadStateChange>();
            var order = new List<Guid>();
            foreach (var change in changes)
            {
                if (change == null || change.LeadId == Guid.Empty) continue;
                if (change.StateCode == NurtureStopRule.LeadOpenState)
                {
                    var note = "Lead is open (reactivated or still open): a stopped enrolment stays stopped (one enrolment per lead).";
                    Trace("Lead " + change.LeadId.ToString("D") + ": " + note);
                    outcomes.Add(new NurtureStopOutcome(change.LeadId, null, false, note, 0));
                    continue;
                }
                if (!closed.ContainsKey(change.LeadId)) order.Add(change.LeadId);
                closed[change.LeadId] = change;
            }
            if (order.Count == 0) return outcomes;

            outcomes.AddRange(StopEnrollments(order, enrollment =>
            {
                var change = closed[enrollment.LeadId];
                var decision = NurtureStopRule.Evaluate(change.StateCode, EnrollmentStatus.Active, enrollment.StopOnQualify);
                if (!decision.ShouldStop || change.StateCode != NurtureStopRule.LeadDisqualifiedState) return decision;
                return new NurtureStopDecision(true, NurtureStopRule.DisqualifiedReason + ": " + StatusLabel(change));
            }));
            return outcomes;
        }

        /// <summary>Label of a lead status reason: the caller's, else the system's (Lost, Cannot Contact, ...), else the number.</summary>
        public static string StatusLabel(LeadStateChange change)
        {
            if (!string.IsNullOrWhiteSpace(change.StatusLabel)) return change.StatusLabel!.Trim();
            switch (change.StatusCode)
            {
                case 3: return "Qualified";
                case 4: return "Lost";
                case 5: return "Cannot Contact";
                case 6: return "No Longer Interested";
                case 7: return "Canceled";
                case null: return "no status reason";
                default: return "status " + change.StatusCode.Value.ToString(CultureInfo.InvariantCulture);
            }
        }

        private IReadOnlyList<NurtureStopOutcome> StopEnrollments(IReadOnlyList<Guid> leadIds, Func<ActiveEnrollment, NurtureStopDecision> decide)
        {
            var query = new QueryExpression(NurtureEnrollmentTable.LogicalName)
            {
                ColumnSet = new ColumnSet(NurtureEnrollmentTable.Columns.LeadId, NurtureEnrollmentTable.Columns.StopOnQualify, NurtureEnrollmentTable.Columns.Reason),
            };
            query.Criteria.AddCondition(DataverseValues.In(NurtureEnrollmentTable.Columns.LeadId, new List<Guid>(leadIds)));
            query.Criteria.AddCondition(NurtureEnrollmentTable.Columns.Status, ConditionOperator.Equal, (int)EnrollmentStatus.Active);
            var byLead = new Dictionary<Guid, List<ActiveEnrollment>>();
            foreach (var row in DataverseValues.RetrieveAll(_service, query))
            {
                var leadId = DataverseValues.ReferenceId(row, NurtureEnrollmentTable.Columns.LeadId);
                if (!leadId.HasValue) continue;
                if (!byLead.TryGetValue(leadId.Value, out var list)) byLead[leadId.Value] = list = new List<ActiveEnrollment>();
                list.Add(new ActiveEnrollment(row.Id, leadId.Value, DataverseValues.Bool(row, NurtureEnrollmentTable.Columns.StopOnQualify) ?? true,
                    DataverseValues.Text(row, NurtureEnrollmentTable.Columns.Reason)));
            }

            var outcomes = new List<NurtureStopOutcome>();
            var stopping = new List<KeyValuePair<ActiveEnrollment, string>>();
            foreach (var leadId in leadIds)
            {
                if (!byLead.TryGetValue(leadId, out var enrollments))
                {
                    Trace("Lead " + leadId.ToString("D") + ": no Active enrolment; nothing to stop.");
                    outcomes.Add(new NurtureStopOutcome(leadId, null, false, "No Active enrolment.", 0));
                    continue;
                }
                foreach (var enrollment in enrollments)
                {
                    var decision = decide(enrollment);
                    if (decision.ShouldStop)
                    {
                        stopping.Add(new KeyValuePair<ActiveEnrollment, string>(enrollment, decision.Reason));
                        continue;
                    }
                    Trace("Lead " + leadId.ToString("D") + ": enrolment " + enrollment.Id.ToString("D") + " keeps running. " + decision.Reason);
                    outcomes.Add(new NurtureStopOutcome(leadId, enrollment.Reference, false, decision.Reason, 0));
                }
            }
            if (stopping.Count == 0) return outcomes;

            var ids = new List<Guid>();
            foreach (var stop in stopping) ids.Add(stop.Key.Id);
            var canceled = CancelOpenActivities(ids);

            var endedOn = DataverseValues.Utc(_options.UtcNow());
            foreach (var stop in stopping)
            {
                var enrollment = stop.Key;
                var reason = stop.Value;
                _service.Update(new Entity(NurtureEnrollmentTable.LogicalName, enrollment.Id)
                {
                    [NurtureEnrollmentTable.Columns.Status] = new OptionSetValue((int)EnrollmentStatus.Stopped),
                    [NurtureEnrollmentTable.Columns.Reason] = NurtureEligibility.AppendTraceLine(enrollment.Reason, reason, NurtureEnrollmentTable.MaxLength.Reason),
                    [NurtureEnrollmentTable.Columns.EndedOn] = endedOn,
                    [NurtureEnrollmentTable.Columns.NextDueDate] = null,
                });
                var count = canceled.TryGetValue(enrollment.Id, out var n) ? n : 0;
                Trace("Lead " + enrollment.LeadId.ToString("D") + ": enrolment " + enrollment.Id.ToString("D") + " stopped (" + reason + "), "
                    + count.ToString(CultureInfo.InvariantCulture) + " open activities canceled.");
                outcomes.Add(new NurtureStopOutcome(enrollment.LeadId, enrollment.Reference, true, reason, count));
            }
            return outcomes;
        }

        /// <summary>Cancels the open step activities of the enrolments; returns the count per enrolment.</summary>
        private Dictionary<Guid, int> CancelOpenActivities(List<Guid> enrollmentIds)
        {
            var counts = new Dictionary<Guid, int>();
            foreach (NurtureActivityType type in new[] { NurtureActivityType.Task, NurtureActivityType.PhoneCall, NurtureActivityType.Email })
            {
                var table = NurtureActivityStates.LogicalName(type);
                var query = new QueryExpression(table) { ColumnSet = new ColumnSet(TaskTable.Columns.NurtureEnrollmentId) };
                query.Criteria.AddCondition(DataverseValues.In(TaskTable.Columns.NurtureEnrollmentId, enrollmentIds));
                query.Criteria.AddCondition(TaskTable.Columns.StateCode, ConditionOperator.Equal, NurtureActivityStates.OpenState);
                var canceled = NurtureActivityStates.Canceled(type);
                foreach (var row in DataverseValues.RetrieveAll(_service, query))
                {
                    _service.Update(new Entity(table, row.Id)
                    {
                        [TaskTable.Columns.StateCode] = new OptionSetValue(canceled.StateCode),
                        [TaskTable.Columns.StatusCode] = new OptionSetValue(canceled.StatusCode),
                    });
                    var enrollmentId = DataverseValues.ReferenceId(row, TaskTable.Columns.NurtureEnrollmentId) ?? Guid.Empty;
                    counts[enrollmentId] = (counts.TryGetValue(enrollmentId, out var n) ? n : 0) + 1;
                }
            }
            return counts;
        }

        private void Trace(string text) => _tracing.TraceLine(text);

        /// <summary>An Active enrolment as the stop query read it.</summary>
        private sealed class ActiveEnrollment
        {
            internal ActiveEnrollment(Guid id, Guid leadId, bool stopOnQualify, string? reason)
            {
                Id = id;
                LeadId = leadId;
                StopOnQualify = stopOnQualify;
                Reason = reason;
            }

            public Guid Id { get; }
            public Guid LeadId { get; }
            public bool StopOnQualify { get; }
            public string? Reason { get; }
            public EntityReference Reference => new EntityReference(NurtureEnrollmentTable.LogicalName, Id);
        }
    }
}
