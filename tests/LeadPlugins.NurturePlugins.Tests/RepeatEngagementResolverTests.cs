using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>
/// <see cref="RepeatEngagementResolver"/> on its own: one decision per lead of a batch, the enrolments of originals
/// outside the batch read in one query (none when there are no such leads), chains inside the batch and the lines queued
/// for the enrolment they join. No row is written here; <see cref="NurtureEnrollmentWriter"/> does that.
/// </summary>
[TestClass]
public sealed class RepeatEngagementResolverTests : PluginFreeTestBase
{
    [TestMethod]
    public void A_batch_without_duplicates_is_decided_by_the_eligibility_rules_alone_without_a_query()
    {
        var batch = Batch(Lead(Guid.NewGuid()), Lead(Guid.NewGuid(), l => l[LeadTable.Columns.IsTestLead] = true));

        Decide(batch);

        Assert.IsTrue(batch[0].Decision.IsEligible);
        Assert.AreEqual(NurtureSkipReason.TestLead, batch[1].Decision.Reason);
        Assert.AreEqual(0, Plain.Counters.Total, "no duplicate-of lead, no query");
        Assert.IsEmpty(Tracing.Lines);
    }

    [TestMethod]
    public void A_duplicate_of_a_lead_enrolled_earlier_joins_that_enrolment_and_queues_its_line_for_one_update()
    {
        var originalId = Guid.NewGuid();
        var enrollmentId = SeedEnrollment(originalId, EnrollmentStatus.Active);
        var repeatId = Guid.NewGuid();
        var batch = Batch(Lead(repeatId, DuplicateOf(originalId), LeadAction.GetItNow));

        Decide(batch);

        var repeat = batch[0];
        Assert.AreEqual(NurtureSkipReason.RepeatEngagement, repeat.Decision.Reason);
        Assert.AreEqual(enrollmentId, repeat.Decision.ExistingEnrollmentId);
        Assert.AreEqual(enrollmentId, repeat.RepeatOf!.EnrollmentId);
        Assert.IsNotNull(repeat.RepeatOf.Row, "an existing enrolment: its line is written by an Update");
        Assert.AreEqual("2026-03-02 09:30 UTC repeat engagement: lead " + repeatId.ToString("D") + " (Get it now, Contoso Analytics)", repeat.RepeatOf.Lines.Single());
        Assert.AreEqual(1, Plain.Counters["RetrieveMultiple"], "one query for the originals outside the batch");
        CollectionAssert.Contains(Tracing.Lines, "1 duplicate-of lead(s) looked up: 1 enrolled.");
    }

    [TestMethod]
    public void A_duplicate_whose_original_was_skipped_or_never_enrolled_is_enrolled_itself()
    {
        var skippedOriginal = Guid.NewGuid();
        SeedEnrollment(skippedOriginal, EnrollmentStatus.Skipped);
        var batch = Batch(Lead(Guid.NewGuid(), DuplicateOf(skippedOriginal)), Lead(Guid.NewGuid(), DuplicateOf(Guid.NewGuid())));

        Decide(batch);

        Assert.IsTrue(batch.All(b => b.Decision.IsEligible && b.RepeatOf == null));
        Assert.AreEqual(1, Plain.Counters["RetrieveMultiple"], "both originals in one query");
        CollectionAssert.Contains(Tracing.Lines, "2 duplicate-of lead(s) looked up: 0 enrolled.");
    }

    [TestMethod]
    public void A_chain_inside_the_batch_joins_the_first_leads_new_enrolment_and_its_lines_go_into_that_create()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var third = Guid.NewGuid();
        // Listed out of order: the third points at the second, which points at the first.
        var batch = Batch(Lead(third, DuplicateOf(second)), Lead(first), Lead(second, DuplicateOf(first)));

        Decide(batch);

        var original = batch[1];
        Assert.IsTrue(original.Decision.IsEligible);
        Assert.AreEqual(NurtureSkipReason.RepeatEngagement, batch[0].Decision.Reason);
        Assert.AreEqual(NurtureSkipReason.RepeatEngagement, batch[2].Decision.Reason);
        Assert.AreSame(original, batch[0].RepeatOf!.NewFor);
        Assert.AreEqual(NurtureRecordIds.Enrollment(first), batch[0].RepeatOf!.EnrollmentId);
        Assert.HasCount(2, original.LinesForThisEnrollment);
        Assert.AreEqual(0, Plain.Counters.Total, "every original is in the batch: no query");
    }

    [TestMethod]
    public void A_duplicate_of_a_batch_lead_that_is_not_eligible_is_enrolled_itself()
    {
        var original = Guid.NewGuid();
        var batch = Batch(Lead(original, action: LeadAction.DoNotContact), Lead(Guid.NewGuid(), DuplicateOf(original)));

        Decide(batch);

        Assert.AreEqual(NurtureSkipReason.DoNotContact, batch[0].Decision.Reason);
        Assert.IsTrue(batch[1].Decision.IsEligible);
        Assert.IsNull(batch[1].RepeatOf);
    }

    [TestMethod]
    public void Two_leads_marked_as_duplicates_of_each_other_do_not_loop_and_one_of_them_is_enrolled()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var batch = Batch(Lead(a, DuplicateOf(b)), Lead(b, DuplicateOf(a)));

        Decide(batch);

        Assert.AreEqual(1, batch.Count(x => x.Decision.IsEligible), "the cycle ends: one enrolment");
        Assert.AreEqual(1, batch.Count(x => x.Decision.Reason == NurtureSkipReason.RepeatEngagement));
    }

    [TestMethod]
    public void The_decision_matches_the_eligibility_rule_given_the_originals_enrolment()
    {
        var originalId = Guid.NewGuid();
        var enrollmentId = SeedEnrollment(originalId, EnrollmentStatus.Active);
        var batch = Batch(Lead(Guid.NewGuid(), DuplicateOf(originalId)));

        Decide(batch);

        var byRule = NurtureEligibility.Decide(new NurtureEligibilityFacts
        {
            IsMarketplace = true, Action = LeadAction.ContactMe, DuplicateOfLeadId = originalId, DuplicateOfEnrollmentId = enrollmentId,
        });
        Assert.AreEqual(byRule.Reason, batch[0].Decision.Reason);
        Assert.AreEqual(byRule.Message, batch[0].Decision.Message);
        Assert.AreEqual(byRule.ExistingEnrollmentId, batch[0].Decision.ExistingEnrollmentId);
    }

    private void Decide(IReadOnlyList<NurtureBatchLead> batch)
    {
        Plain.Counters.Reset();
        new RepeatEngagementResolver(PlainService, Tracing, new NurtureOptions(utcNow: () => Now)).Decide(batch);
    }

    private static List<NurtureBatchLead> Batch(params Entity[] rows)
        => rows.Select((row, i) => new NurtureBatchLead(i, NurtureLead.From(row)!)).ToList();

    private Entity Lead(Guid id, Action<Entity>? more = null, LeadAction action = LeadAction.ContactMe)
    {
        var row = EnrichedLead(action: action, more: more);
        row.Id = id;
        row[LeadTable.Columns.CreatedOn] = Now;
        return row;
    }

    private static Action<Entity> DuplicateOf(Guid originalId) => l => l[LeadTable.Columns.DuplicateOf] = new EntityReference("lead", originalId);

    private Guid SeedEnrollment(Guid leadId, EnrollmentStatus status)
    {
        var id = NurtureRecordIds.Enrollment(leadId);
        Plain.Seed(new Entity(NurtureEnrollmentTable.LogicalName, id)
        {
            [NurtureEnrollmentTable.Columns.Name] = "Enrolment of " + leadId.ToString("D"),
            [NurtureEnrollmentTable.Columns.LeadId] = new EntityReference("lead", leadId),
            [NurtureEnrollmentTable.Columns.Status] = new OptionSetValue((int)status),
            [NurtureEnrollmentTable.Columns.Reason] = "Seeded",
        });
        return id;
    }
}
