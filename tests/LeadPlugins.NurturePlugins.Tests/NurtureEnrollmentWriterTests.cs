using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>
/// <see cref="NurtureEnrollmentWriter"/> after <see cref="RepeatEngagementResolver"/> decided: what it writes and how
/// many requests that takes (no plug-in registered; the in-memory Dataverse counts the requests).
/// </summary>
[TestClass]
public sealed class NurtureEnrollmentWriterTests : PluginFreeTestBase
{
    [TestMethod]
    public void Two_repeats_of_one_enrolment_become_one_update_and_a_rerun_adds_nothing()
    {
        var originalId = Guid.NewGuid();
        var enrollmentId = NurtureRecordIds.Enrollment(originalId);
        Plain.Seed(new Entity(NurtureEnrollmentTable.LogicalName, enrollmentId)
        {
            [NurtureEnrollmentTable.Columns.Name] = "Original",
            [NurtureEnrollmentTable.Columns.LeadId] = new EntityReference("lead", originalId),
            [NurtureEnrollmentTable.Columns.Status] = new OptionSetValue((int)EnrollmentStatus.Active),
            [NurtureEnrollmentTable.Columns.Reason] = "Matched by campaign type.",
        });
        var repeats = new[] { Guid.NewGuid(), Guid.NewGuid() };

        AppendLines(repeats, originalId);

        Assert.AreEqual(1, Plain.Counters["Update"], "one Update for both lines");
        var reason = Plain.Get(NurtureEnrollmentTable.LogicalName, enrollmentId)!.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason);
        var lines = reason.Split('\n');
        Assert.HasCount(3, lines);
        Assert.AreEqual("Matched by campaign type.", lines[0]);
        StringAssert.Contains(lines[1], repeats[0].ToString("D"));
        StringAssert.Contains(lines[2], repeats[1].ToString("D"));

        AppendLines(repeats, originalId); // an async retry of the same batch

        Assert.AreEqual(0, Plain.Counters["Update"], "the lines are there already");
        Assert.AreEqual(reason, Plain.Get(NurtureEnrollmentTable.LogicalName, enrollmentId)!.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason));
        CollectionAssert.Contains(Tracing.Lines, "Enrolment " + enrollmentId.ToString("D") + " already has the repeat engagement line(s).");
    }

    [TestMethod]
    public void A_lead_that_is_not_from_the_marketplace_is_skipped_without_a_request_and_a_test_lead_gets_one_skipped_row()
    {
        var walkIn = Batch(Lead(l => l[LeadTable.Columns.IsMarketplace] = false));
        Action<Entity> testLead = l => l[LeadTable.Columns.IsTestLead] = true;
        var test = Batch(Lead(testLead, PlainService.Create(EnrichedLead(more: testLead)))); // the Skipped row looks the lead up
        var writer = new NurtureEnrollmentWriter(PlainService, Tracing, Options());

        Plain.Counters.Reset();
        var none = writer.Skip(walkIn[0]);
        Assert.AreEqual(NurtureEnrollmentResult.NotApplicable, none.Result);
        Assert.AreEqual(0, Plain.Counters.Total);

        var skipped = writer.Skip(test[0]);
        Assert.AreEqual(NurtureEnrollmentResult.Skipped, skipped.Result);
        Assert.AreEqual(1, Plain.Counters["Create"]);
        var row = Plain.Get(NurtureEnrollmentTable.LogicalName, skipped.Enrollment!.Id)!;
        Assert.AreEqual(EnrollmentStatus.Skipped, Status(row));
        Assert.AreEqual(NurtureEligibility.TestLeadMessage, row.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason));
    }

    private void AppendLines(Guid[] repeatIds, Guid originalId)
    {
        var batch = Batch(repeatIds.Select(id => Lead(l => l[LeadTable.Columns.DuplicateOf] = new EntityReference("lead", originalId), id)).ToArray());
        new RepeatEngagementResolver(PlainService, Tracing, Options()).Decide(batch);
        Assert.IsTrue(batch.All(b => b.Decision.Reason == NurtureSkipReason.RepeatEngagement));
        Plain.Counters.Reset();
        new NurtureEnrollmentWriter(PlainService, Tracing, Options()).AppendRepeatLinesToExistingEnrollments(batch);
    }

    private NurtureOptions Options() => new(utcNow: () => Now);

    private List<NurtureBatchLead> Batch(params Entity[] rows)
    {
        var batch = rows.Select((row, i) => new NurtureBatchLead(i, NurtureLead.From(row)!)).ToList();
        foreach (var item in batch) item.Decision = NurtureEligibility.Decide(item.Lead.Facts);
        return batch;
    }

    private Entity Lead(Action<Entity> more, Guid? id = null)
    {
        var row = EnrichedLead(more: more);
        row.Id = id ?? Guid.NewGuid();
        row[LeadTable.Columns.CreatedOn] = Now;
        return row;
    }
}
