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
    /// Decides, once per lead of a batch, whether it is enrolled: the eligibility rules, then for an eligible lead that
    /// carries mpl_duplicateof the enrolment of its original, in this batch (being enrolled now: no query) or in
    /// Dataverse (one query, only when such leads point outside the batch). A lead whose original is enrolled becomes a
    /// repeat engagement and its line is queued for the original's enrolment; a lead whose original is not enrolled
    /// (skipped, or never enrolled) is enrolled itself.
    /// </summary>
    internal sealed class RepeatEngagementResolver
    {
        private readonly IOrganizationService _service;
        private readonly ITracingService _tracing;
        private readonly NurtureOptions _options;

        public RepeatEngagementResolver(IOrganizationService service, ITracingService tracing, NurtureOptions options)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _tracing = tracing ?? throw new ArgumentNullException(nameof(tracing));
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>Sets every lead's <see cref="NurtureBatchLead.Decision"/>; the leads have distinct ids.</summary>
        public void Decide(IReadOnlyList<NurtureBatchLead> batch)
        {
            var anyOriginal = false;
            for (var i = 0; i < batch.Count; i++)
            {
                var item = batch[i];
                item.Decision = NurtureEligibility.Decide(item.Lead.Facts);
                anyOriginal |= item.Decision.IsEligible && item.Lead.Facts.DuplicateOfLeadId.HasValue;
            }
            // Only an eligible lead with an original can join another enrolment: most batches have none, and need no tables.
            if (!anyOriginal) return;

            var byLeadId = new Dictionary<Guid, NurtureBatchLead>();
            foreach (var item in batch) byLeadId[item.Lead.Id] = item;

            var enrolledOriginals = FindEnrolledOriginals(batch, byLeadId);
            var resolved = new Dictionary<Guid, EnrollmentTarget?>();
            foreach (var item in batch)
            {
                if (!item.Decision.IsEligible || !item.Lead.Facts.DuplicateOfLeadId.HasValue) continue;
                var target = Resolve(item, byLeadId, enrolledOriginals, resolved, new HashSet<Guid>());
                if (target == null || target.NewFor == item) continue;
                item.RepeatOf = target;
                item.Lead.Facts.DuplicateOfEnrollmentId = target.EnrollmentId;
                item.Decision = NurtureEligibility.RepeatEngagement(target.EnrollmentId);
                // Known before any write, so an original enrolled in this batch is created with its lines.
                var line = NurtureEligibility.RepeatEngagementLine(item.Lead.CreatedOn ?? _options.UtcNow(), item.Lead.Id,
                    item.Lead.Facts.Action, item.Lead.Context.OfferTitle);
                if (target.NewFor != null) target.NewFor.LinesForThisEnrollment.Add(line);
                else target.Lines.Add(line);
            }
        }

        /// <summary>The enrolments (not Skipped) of originals outside the batch, by original lead id: one query, or none.</summary>
        private Dictionary<Guid, EnrollmentTarget> FindEnrolledOriginals(IReadOnlyList<NurtureBatchLead> batch, Dictionary<Guid, NurtureBatchLead> byLeadId)
        {
            var outside = new HashSet<Guid>();
            foreach (var item in batch)
            {
                var original = item.Lead.Facts.DuplicateOfLeadId;
                if (item.Decision.IsEligible && original.HasValue && !byLeadId.ContainsKey(original.Value)) outside.Add(original.Value);
            }

            var enrolled = new Dictionary<Guid, EnrollmentTarget>();
            if (outside.Count == 0) return enrolled;
            var query = new QueryExpression(NurtureEnrollmentTable.LogicalName)
            {
                ColumnSet = new ColumnSet(NurtureEnrollmentTable.Columns.LeadId, NurtureEnrollmentTable.Columns.Status, NurtureEnrollmentTable.Columns.Reason),
            };
            query.Criteria.AddCondition(DataverseValues.In(NurtureEnrollmentTable.Columns.LeadId, outside));
            query.Criteria.AddCondition(NurtureEnrollmentTable.Columns.Status, ConditionOperator.NotEqual, (int)EnrollmentStatus.Skipped);
            foreach (var row in DataverseValues.RetrieveAll(_service, query))
            {
                var leadId = DataverseValues.ReferenceId(row, NurtureEnrollmentTable.Columns.LeadId);
                if (leadId.HasValue) enrolled[leadId.Value] = EnrollmentTarget.Existing(row);
            }
            _tracing.Trace("{0}", outside.Count.ToString(CultureInfo.InvariantCulture) + " duplicate-of lead(s) looked up: "
                + enrolled.Count.ToString(CultureInfo.InvariantCulture) + " enrolled.");
            return enrolled;
        }

        // The enrolment a batch lead joins: a new one for itself, the original's (new in this batch or existing), or
        // null when the lead is not eligible. Follows chains of duplicates inside the batch; a cycle ends the chain.
        // Reads only the eligibility decided before any repeat engagement (results are kept in resolved).
        private static EnrollmentTarget? Resolve(NurtureBatchLead item, Dictionary<Guid, NurtureBatchLead> byLeadId,
            Dictionary<Guid, EnrollmentTarget> enrolledOriginals, Dictionary<Guid, EnrollmentTarget?> resolved, HashSet<Guid> visiting)
        {
            if (resolved.TryGetValue(item.Lead.Id, out var known)) return known;
            EnrollmentTarget? target;
            var originalId = item.Lead.Facts.DuplicateOfLeadId;
            if (!item.Decision.IsEligible) target = null;
            else if (!originalId.HasValue) target = EnrollmentTarget.New(item);
            else if (enrolledOriginals.TryGetValue(originalId.Value, out var enrolled)) target = enrolled;
            else if (byLeadId.TryGetValue(originalId.Value, out var original) && visiting.Add(item.Lead.Id))
                target = Resolve(original, byLeadId, enrolledOriginals, resolved, visiting) ?? EnrollmentTarget.New(item);
            else target = EnrollmentTarget.New(item);
            resolved[item.Lead.Id] = target;
            return target;
        }
    }
}
