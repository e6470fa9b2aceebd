using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Plugins.Services.Workflow
{
    /// <summary>
    /// What the five custom workflow activities do, behind their arguments: checks the input, calls the same services the
    /// plug-ins use, maps the outcome to the activity's outputs and traces one line. Compiled into LeadPlugins.Plugins
    /// (tested through the in-memory Dataverse) and into LeadPlugins.Workflows (the activities only copy arguments).
    /// Every failure leaves as an <see cref="InvalidPluginExecutionException"/> whose message starts with the activity's
    /// name: bad input (no lead, wrong table, unknown or unusable sequence) and faults of the service calls alike.
    /// </summary>
    public sealed class LeadWorkflowService
    {
        /// <summary>Error code of "&lt;table&gt; With Id = &lt;id&gt; Does Not Exist".</summary>
        public const int ObjectDoesNotExist = -2147220969;

        /// <summary>The reason "Stop nurture" writes when the workflow gives none.</summary>
        public const string DefaultStopReason = "Stopped by a workflow";


        private readonly IOrganizationService _service;
        private readonly ITracingService _tracing;
        private readonly Func<DateTime> _utcNow;

        /// <param name="service">The workflow user's service (IOrganizationServiceFactory.CreateOrganizationService(context.UserId)).</param>
        /// <param name="tracing">The workflow's tracing service.</param>
        /// <param name="utcNow">Clock for the services (mpl_endedon of a stopped enrolment); default the system clock.</param>
        public LeadWorkflowService(IOrganizationService service, ITracingService tracing, Func<DateTime>? utcNow = null)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _tracing = tracing ?? throw new ArgumentNullException(nameof(tracing));
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        // ---- Classify marketplace lead --------------------------------------------------------------------------

        /// <summary>
        /// Classifies marketplace text without reading anything: <paramref name="sourceText"/> is a topic or
        /// mpl_leadsource value (the combined <c>Source-Action|publisher.offer</c>, or a source code or label),
        /// <paramref name="actionCode"/> an action code or label sent separately, <paramref name="payloadText"/> a
        /// description (the JSON payload, or free text). Storefront profile from the built-in table (no configuration
        /// rows are read). Empty text is not an error: the result is "not a marketplace lead".
        /// </summary>
        public LeadClassificationOutputs Classify(string? sourceText, string? actionCode, string? payloadText)
        {
            const string activity = LeadWorkflowActivityNames.Classify;
            try
            {
                var fields = new LeadFields { LeadSource = Blank(sourceText), ActionCode = Blank(actionCode), Description = Blank(payloadText) };
                var result = MarketplaceLeadEnricher.Enrich(fields, null);
                var outputs = new LeadClassificationOutputs
                {
                    Storefront = Option((int?)result.Storefront),
                    Audience = Option((int?)result.Audience),
                    CampaignType = Option((int?)result.CampaignType),
                    ListingType = Option((int?)result.ListingType),
                    LeadAction = Option((int?)result.LeadAction),
                    OfferTitle = result.OfferTitle,
                    IsCoSell = result.IsCoSell,
                    IsTestLead = result.IsTestLead,
                    IsMarketplace = result.IsMarketplace,
                    Summary = result.Status + (result.Storefront.HasValue || result.LeadAction.HasValue
                        ? ": " + Show(result.Storefront) + " / " + Show(result.LeadAction) : string.Empty),
                };
                if (fields.LeadSource == null && fields.ActionCode == null && fields.Description == null)
                    Trace(activity + ": no text given; not a marketplace lead.");
                Trace(activity + ": " + outputs.Summary + (result.OfferTitle != null ? ", offer '" + result.OfferTitle + "'" : string.Empty) + ".");
                return outputs;
            }
            catch (Exception e) when (!(e is InvalidPluginExecutionException))
            {
                throw Failure(activity, e);
            }
        }

        // ---- Score lead ----------------------------------------------------------------------------------------

        /// <summary>
        /// Scores a stored lead exactly as enrichment does (same service, same reads: storefront settings, offers,
        /// routing rules, open leads). Writes nothing. Leads enrichment does not score (not marketplace, test, co-sell)
        /// get <see cref="LeadScoreOutputs.Scored"/> false and the reason.
        /// </summary>
        public LeadScoreOutputs Score(EntityReference? lead)
        {
            const string activity = LeadWorkflowActivityNames.Score;
            try
            {
                var enrichment = new LeadEnrichmentService(_service, _tracing, null);
                var row = RetrieveLead(activity, lead, enrichment.InputColumns);
                var result = Evaluate(activity, enrichment, row);
                var score = result.ScoreDetails;
                var outputs = score == null
                    ? new LeadScoreOutputs { Explanation = "Not scored: " + NotProcessedReason(result) + "." }
                    : new LeadScoreOutputs { Score = score.Value, Rating = new OptionSetValue((int)score.Rating), Explanation = result.ScoreReason ?? string.Empty, Scored = true };
                Trace(activity + ": lead " + row.Id.ToString("D") + (outputs.Scored
                    ? " scored " + Number(outputs.Score) + " (" + score!.Rating + ")."
                    : " not scored (" + NotProcessedReason(result) + ")."));
                return outputs;
            }
            catch (Exception e) when (!(e is InvalidPluginExecutionException))
            {
                throw Failure(activity, e);
            }
        }

        // ---- Route lead ----------------------------------------------------------------------------------------

        /// <summary>
        /// Finds the owner routing gives the lead (first matching routing rule, offer owner, storefront default), whoever
        /// owns it now: the workflow asks on purpose, unlike enrichment, which replaces only the platform's default owner.
        /// With <paramref name="assignNow"/> the lead's ownerid is updated (an Update of ownerid, not AssignRequest) when
        /// an owner was found and differs from the current one. When the routing rules cannot be read, no owner is
        /// returned (any other owner could be the wrong one).
        /// </summary>
        public LeadRouteOutputs Route(EntityReference? lead, bool assignNow)
        {
            const string activity = LeadWorkflowActivityNames.Route;
            try
            {
                var enrichment = new LeadEnrichmentService(_service, _tracing, null);
                var row = RetrieveLead(activity, lead, enrichment.InputColumns);
                var current = row.GetAttributeValue<EntityReference>(LeadTable.Columns.OwnerId);
                // Without ownerid the service treats the owner as replaceable, so its changes carry the routed owner.
                var unowned = new Entity(row.LogicalName, row.Id);
                foreach (var pair in row.Attributes)
                {
                    if (pair.Key != LeadTable.Columns.OwnerId) unowned[pair.Key] = pair.Value;
                }
                var outcome = EvaluateOutcome(activity, enrichment, unowned);
                var result = outcome.Result!;
                var owner = outcome.Owner;

                var outputs = new LeadRouteOutputs();
                if (result.Routing == null) outputs.Explanation = "Not routed: " + NotProcessedReason(result) + ".";
                else if (owner == null && result.Owner != null) outputs.Explanation = "Owner not determined: the routing rules could not be read; owner left unchanged.";
                else outputs.Explanation = "Owner from " + result.Routing.Describe() + ".";
                if (owner != null && owner.LogicalName == OwnerReference.UserLogicalName) outputs.OwnerUser = new EntityReference(owner.LogicalName, owner.Id);
                if (owner != null && owner.LogicalName == OwnerReference.TeamLogicalName) outputs.OwnerTeam = new EntityReference(owner.LogicalName, owner.Id);

                string assignment = string.Empty;
                if (assignNow && owner != null)
                {
                    if (current != null && current.LogicalName == owner.LogicalName && current.Id == owner.Id)
                    {
                        assignment = " Assign now: already the owner.";
                    }
                    else
                    {
                        _service.Update(new Entity(LeadTable.LogicalName, row.Id) { [LeadTable.Columns.OwnerId] = new EntityReference(owner.LogicalName, owner.Id) });
                        outputs.OwnerChanged = true;
                        assignment = " Assign now: ownerid updated" + (current != null ? " (was " + current.LogicalName + " " + current.Id.ToString("D") + ")" : string.Empty) + ".";
                    }
                }
                else if (assignNow)
                {
                    assignment = " Assign now: no owner to assign.";
                }
                Trace(activity + ": lead " + row.Id.ToString("D") + ": " + outputs.Explanation + assignment);
                return outputs;
            }
            catch (Exception e) when (!(e is InvalidPluginExecutionException))
            {
                throw Failure(activity, e);
            }
        }

        // ---- Enrol in nurture sequence ---------------------------------------------------------------------------

        /// <summary>
        /// Enrols the lead with <see cref="NurtureEnrollmentService.Enroll"/>: idempotent (a lead with an enrolment gets it
        /// back, nothing is written). A requested <paramref name="sequence"/> must exist, be active and be valid (steps,
        /// offsets...), otherwise the activity fails instead of silently enrolling the lead in another sequence.
        /// </summary>
        public NurtureEnrollOutputs Enroll(EntityReference? lead, EntityReference? sequence)
        {
            const string activity = LeadWorkflowActivityNames.Enroll;
            try
            {
                var leadReference = RequireReference(activity, "Lead", lead, LeadTable.LogicalName);
                RetrieveLead(activity, leadReference, new[] { LeadTable.Columns.LeadId });
                if (sequence != null) RequireUsableSequence(activity, sequence);

                var service = new NurtureEnrollmentService(_service, _tracing, new NurtureOptions(null, _utcNow));
                var outcome = service.Enroll(leadReference, sequence);
                var outputs = new NurtureEnrollOutputs
                {
                    Enrollment = outcome.Enrollment,
                    Result = outcome.Result.ToString(),
                    Reason = outcome.Reason,
                };
                if (outcome.Result == NurtureEnrollmentResult.Enrolled)
                {
                    outputs.StepsScheduled = outcome.ActivitiesCreated + outcome.ActivitiesExisting;
                }
                else if (outcome.Result == NurtureEnrollmentResult.AlreadyEnrolled && outcome.Enrollment != null)
                {
                    // The existing enrolment's own count, so a second call answers like the first.
                    var existing = _service.Retrieve(outcome.Enrollment.LogicalName, outcome.Enrollment.Id, new ColumnSet(NurtureEnrollmentTable.Columns.StepsScheduled));
                    outputs.StepsScheduled = DataverseValues.Int(existing, NurtureEnrollmentTable.Columns.StepsScheduled) ?? 0;
                }
                Trace(activity + ": lead " + leadReference.Id.ToString("D") + ": " + outputs.Result
                    + (outputs.Enrollment != null ? ", enrolment " + outputs.Enrollment.Id.ToString("D") : string.Empty)
                    + (outcome.SequenceName != null ? ", sequence '" + outcome.SequenceName + "'" : string.Empty)
                    + ", " + Number(outputs.StepsScheduled) + " step(s). " + outputs.Reason);
                return outputs;
            }
            catch (Exception e) when (!(e is InvalidPluginExecutionException))
            {
                throw Failure(activity, e);
            }
        }

        // ---- Stop nurture --------------------------------------------------------------------------------------

        /// <summary>
        /// Stops the lead's Active enrolment with <see cref="NurtureStopService.Stop"/> (whatever its stop-on-qualify
        /// setting) and cancels its open step activities. A lead without an Active enrolment is not an error.
        /// </summary>
        public NurtureStopOutputs Stop(EntityReference? lead, string? reason)
        {
            const string activity = LeadWorkflowActivityNames.Stop;
            try
            {
                var leadReference = RequireReference(activity, "Lead", lead, LeadTable.LogicalName);
                RetrieveLead(activity, leadReference, new[] { LeadTable.Columns.LeadId });
                var text = string.IsNullOrWhiteSpace(reason) ? DefaultStopReason : reason!.Trim();

                var outcome = new NurtureStopService(_service, _tracing, new NurtureOptions(null, _utcNow)).Stop(leadReference, text);
                var outputs = new NurtureStopOutputs { ActivitiesCanceled = outcome.ActivitiesCanceled, Stopped = outcome.Stopped, Reason = outcome.Reason };
                Trace(activity + ": lead " + leadReference.Id.ToString("D") + ": " + (outputs.Stopped
                    ? "enrolment " + outcome.Enrollment!.Id.ToString("D") + " stopped, " + Number(outputs.ActivitiesCanceled) + " open activities canceled."
                    : "nothing stopped (" + outputs.Reason + ")."));
                return outputs;
            }
            catch (Exception e) when (!(e is InvalidPluginExecutionException))
            {
                throw Failure(activity, e);
            }
        }

        // ---- input checks --------------------------------------------------------------------------------------

        /// <summary>The reference, checked: present, with an id, of the expected table.</summary>
        public static EntityReference RequireReference(string activity, string argument, EntityReference? reference, string table)
        {
            if (reference == null)
                throw new InvalidPluginExecutionException(activity + ": the input '" + argument + "' is required (a " + table + ").");
            if (reference.Id == Guid.Empty)
                throw new InvalidPluginExecutionException(activity + ": the input '" + argument + "' has no id.");
            if (!string.Equals(reference.LogicalName, table, StringComparison.Ordinal))
                throw new InvalidPluginExecutionException(activity + ": the input '" + argument + "' must be a " + table + ", not "
                    + (string.IsNullOrEmpty(reference.LogicalName) ? "a reference without a table" : "a " + reference.LogicalName) + ".");
            return reference;
        }

        private Entity RetrieveLead(string activity, EntityReference? lead, IReadOnlyList<string> columns)
        {
            var reference = RequireReference(activity, "Lead", lead, LeadTable.LogicalName);
            var names = new string[columns.Count];
            for (int i = 0; i < names.Length; i++) names[i] = columns[i];
            try
            {
                return _service.Retrieve(LeadTable.LogicalName, reference.Id, new ColumnSet(names));
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail != null && fault.Detail.ErrorCode == ObjectDoesNotExist)
            {
                throw NotFound(activity, "lead", reference.Id, fault);
            }
        }

        /// <summary>The requested sequence exists, is active and valid: the same rules the selector applies, checked first.</summary>
        private void RequireUsableSequence(string activity, EntityReference sequence)
        {
            RequireReference(activity, "Nurture sequence", sequence, NurtureSequenceTable.LogicalName);
            NurtureSequenceDefinition? found = null;
            foreach (var candidate in NurtureSequenceReader.Load(_service))
            {
                if (candidate.Id == sequence.Id) found = candidate;
            }
            if (found == null)
                throw new InvalidPluginExecutionException(activity + ": the nurture sequence " + sequence.Id.ToString("D") + " does not exist (or you cannot read it).");
            if (!found.IsActive)
                throw new InvalidPluginExecutionException(activity + ": the nurture sequence '" + found.Name + "' is inactive. Activate it, or leave 'Nurture sequence' empty to use the matching one.");
            var validation = NurtureSequenceValidator.Validate(found);
            if (!validation.IsValid)
                throw new InvalidPluginExecutionException(activity + ": the nurture sequence '" + found.Name + "' cannot be used: " + validation.Summary);
        }

        // ---- enrichment -----------------------------------------------------------------------------------------

        private EnrichmentResult Evaluate(string activity, LeadEnrichmentService enrichment, Entity row) => EvaluateOutcome(activity, enrichment, row).Result!;

        /// <summary>One lead through the enrichment service; a lead it could not evaluate fails the activity with its error.</summary>
        private LeadEnrichmentOutcome EvaluateOutcome(string activity, LeadEnrichmentService enrichment, Entity row)
        {
            var outcome = enrichment.Evaluate(new List<Entity> { row }, new LeadEnrichmentOptions { NowUtc = _utcNow() }).Leads[0];
            if (outcome.Status == EnrichmentStatus.Failed || outcome.Result == null)
                throw new InvalidPluginExecutionException(activity + ": the lead " + row.Id.ToString("D") + " could not be evaluated: " + (outcome.Error ?? outcome.Message ?? "unknown error") + ".");
            return outcome;
        }

        private static string NotProcessedReason(EnrichmentResult result)
        {
            switch (result.Status)
            {
                case EnrichmentStatus.Test: return "a Partner Center test lead";
                case EnrichmentStatus.CoSell: return "a co-sell referral, not a marketplace lead";
                case EnrichmentStatus.NotMarketplace: return "not a marketplace lead (no marketplace source, action or payload found)";
                default: return "no score or owner for this lead (" + result.Status + ")";
            }
        }

        // ---- failures and text ----------------------------------------------------------------------------------

        private InvalidPluginExecutionException NotFound(string activity, string table, Guid id, Exception inner)
        {
            var message = activity + ": the " + table + " " + id.ToString("D") + " does not exist (deleted, or you cannot read it).";
            Trace(message);
            return new InvalidPluginExecutionException(message, inner);
        }

        /// <summary>Any other failure, with the activity's name and what the platform said (never a bare NullReferenceException).</summary>
        private InvalidPluginExecutionException Failure(string activity, Exception e)
        {
            var fault = e as FaultException<OrganizationServiceFault>;
            var detail = fault != null && fault.Detail != null
                ? fault.Detail.Message + " (error " + fault.Detail.ErrorCode.ToString("X8", CultureInfo.InvariantCulture) + ")"
                : e.GetType().Name + ": " + e.Message;
            var message = activity + " failed: " + detail;
            Trace(message);
            return new InvalidPluginExecutionException(message, e);
        }

        private void Trace(string line)
        {
            try
            {
                _tracing.Trace("{0}", line);
            }
            catch (Exception)
            {
                // A tracing problem never fails the activity.
            }
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        private static OptionSetValue? Option(int? value) => value.HasValue ? new OptionSetValue(value.Value) : null;

        private static string Show<T>(T? value) where T : struct => value.HasValue ? value.Value.ToString()! : "-";

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
