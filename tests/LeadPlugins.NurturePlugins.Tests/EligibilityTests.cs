using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>Who is not enrolled, and what is written instead: a Skipped row for marketplace leads, nothing for the rest.</summary>
[TestClass]
public sealed class EligibilityTests : NurtureTestBase
{
    [TestMethod]
    public void A_test_lead_gets_a_skipped_enrolment_and_no_activities()
    {
        var leadId = CreateLead(more: l => l[LeadTable.Columns.IsTestLead] = true);
        Dataverse.DrainAsync();

        AssertSkipped(leadId, NurtureEligibility.TestLeadMessage);
    }

    [TestMethod]
    public void A_do_not_contact_lead_gets_a_skipped_enrolment_and_no_activities()
    {
        var leadId = CreateLead(action: LeadAction.DoNotContact);
        Dataverse.DrainAsync();

        AssertSkipped(leadId, NurtureEligibility.DoNotContactMessage);
    }

    [TestMethod]
    public void A_co_sell_referral_flagged_as_marketplace_is_skipped_with_its_reason()
    {
        var leadId = CreateLead(more: l => l[LeadTable.Columns.ReferralId] = "b2c1a2e4-0000-4000-8000-000000000001");
        Dataverse.DrainAsync();

        AssertSkipped(leadId, NurtureEligibility.CoSellMessage);
    }

    [TestMethod]
    public void A_co_sell_referral_as_enrichment_writes_it_is_not_a_marketplace_lead_so_only_the_trace_tells()
    {
        // Enrichment leaves mpl_ismarketplace false for co-sell referrals.
        var leadId = CreateLead(more: l =>
        {
            l[LeadTable.Columns.IsMarketplace] = false;
            l[LeadTable.Columns.IsCoSell] = true;
        });
        Dataverse.DrainAsync();

        Assert.IsEmpty(EnrollmentsOf(leadId));
        Assert.AreEqual(0, AllActivityCount());
        StringAssert.Contains(TracesOf<EnrollLeadInNurture>(), "not enrolled, " + NurtureEligibility.CoSellMessage);
    }

    [TestMethod]
    public void A_lead_that_is_not_from_the_marketplace_gets_nothing_and_costs_no_query()
    {
        var leadId = Service.Create(new Entity("lead") { ["lastname"] = "Walk-in", ["companyname"] = "Tailspin" });
        Dataverse.DrainAsync();

        Assert.IsEmpty(Dataverse.Query(NurtureEnrollmentTable.LogicalName));
        Assert.AreEqual(0, AllActivityCount());
        var execution = SingleExecutionOf<EnrollLeadInNurture>();
        Assert.AreEqual(0, execution.ServiceCalls, "no sequence query when nobody in the batch is eligible");
        StringAssert.Contains(TracesOf<EnrollLeadInNurture>(), "Lead " + leadId.ToString("D") + ": not enrolled, " + NurtureEligibility.NotMarketplaceMessage);
    }

    [TestMethod]
    public void A_closed_lead_enrolled_through_the_workflow_service_is_skipped_as_not_open()
    {
        // On Create a lead is always open; a closed one can only reach enrolment through the workflow activity.
        var (dataverse, service) = WithoutPlugins();
        var leadId = service.Create(EnrichedLead());
        service.Update(new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6) });

        var outcome = new NurtureEnrollmentService(service, new ListTracing()).Enroll(new EntityReference("lead", leadId));

        Assert.AreEqual(NurtureEnrollmentResult.Skipped, outcome.Result);
        Assert.AreEqual(NurtureEligibility.LeadNotOpenMessage, outcome.Reason);
        var row = dataverse.Query(NurtureEnrollmentTable.LogicalName).Single();
        Assert.AreEqual(EnrollmentStatus.Skipped, Status(row));
        Assert.AreEqual(NurtureEligibility.LeadNotOpenMessage, row.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason));
        Assert.AreEqual(outcome.Enrollment, row.ToEntityReference());
    }

    [TestMethod]
    public void A_duplicate_of_an_enrolled_lead_is_skipped_and_the_original_enrolment_gets_a_repeat_engagement_line()
    {
        var originalId = CreateLead(Storefront.AppSource, LeadAction.ContactMe);
        Dataverse.DrainAsync();
        var original = EnrollmentOf(originalId);
        var activitiesBefore = AllActivityCount();

        Now = T0.AddDays(3);
        var repeatId = CreateLead(Storefront.AppSource, LeadAction.GetItNow, l => l[LeadTable.Columns.DuplicateOf] = new EntityReference("lead", originalId), offer: "Contoso Analytics Pro");
        Dataverse.DrainAsync();

        AssertAllStepsSucceeded();
        var skipped = EnrollmentOf(repeatId);
        Assert.AreEqual(EnrollmentStatus.Skipped, Status(skipped));
        StringAssert.StartsWith(skipped.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason), NurtureEligibility.RepeatEngagementMessage);
        StringAssert.Contains(skipped.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason), original.Id.ToString("D"));
        Assert.AreEqual(activitiesBefore, AllActivityCount(), "no second sequence");

        var updated = EnrollmentOf(originalId);
        Assert.AreEqual(EnrollmentStatus.Active, Status(updated));
        var lines = updated.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason).Split('\n');
        Assert.AreEqual("2026-03-05 09:30 UTC repeat engagement: lead " + repeatId.ToString("D") + " (Get it now, Contoso Analytics Pro)", lines[^1]);

        var execution = ExecutionsOf<EnrollLeadInNurture>()[1];
        Assert.AreEqual(1, Calls(execution, "RetrieveMultiple"), "the duplicate-of enrolment lookup; no sequence query (nobody to enrol)");
        Assert.AreEqual(1, Calls(execution, "Create"), "the Skipped row");
        Assert.AreEqual(1, Calls(execution, "Update"), "the repeat engagement line");
    }

    [TestMethod]
    public void A_duplicate_of_a_lead_that_was_never_enrolled_is_enrolled_itself()
    {
        var originalId = CreateLead(action: LeadAction.DoNotContact); // skipped, so not "enrolled"
        Dataverse.DrainAsync();

        var repeatId = CreateLead(action: LeadAction.ContactMe, more: l => l[LeadTable.Columns.DuplicateOf] = new EntityReference("lead", originalId));
        Dataverse.DrainAsync();

        Assert.AreEqual(EnrollmentStatus.Skipped, Status(EnrollmentOf(originalId)));
        Assert.AreEqual(EnrollmentStatus.Active, Status(EnrollmentOf(repeatId)));
        Assert.HasCount(6, ActivitiesOf(EnrollmentOf(repeatId).Id));
    }

    private void AssertSkipped(Guid leadId, string reason)
    {
        AssertAllStepsSucceeded();
        var enrollment = EnrollmentOf(leadId);
        Assert.AreEqual(EnrollmentStatus.Skipped, Status(enrollment));
        Assert.AreEqual(reason, enrollment.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason));
        Assert.AreEqual("Not enrolled: Ada Lovelace", enrollment.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Name));
        Assert.AreEqual(0, AllActivityCount());
        var execution = SingleExecutionOf<EnrollLeadInNurture>();
        Assert.AreEqual(1, execution.ServiceCalls, "only the Skipped row: no sequence query");
    }

    private (LeadPlugins.InMemory.InMemoryDataverse Dataverse, IOrganizationService Service) WithoutPlugins()
    {
        var dataverse = NewDataverse();
        return (dataverse, dataverse.GetOrganizationService());
    }
}

/// <summary>A tracing service for calling the services directly (as a workflow activity would).</summary>
public sealed class ListTracing : ITracingService
{
    public List<string> Lines { get; } = new();

    public void Trace(string format, params object[] args) => Lines.Add(args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public override string ToString() => string.Join("\n", Lines);
}
