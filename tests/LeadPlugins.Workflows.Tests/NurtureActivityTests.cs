using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Workflows.Tests;

/// <summary>"Enrol in nurture sequence" (idempotent) and "Stop nurture" through the nurture services.</summary>
[TestClass]
public sealed class NurtureActivityTests : WorkflowServiceTestBase
{
    // ---- Enrol in nurture sequence ---------------------------------------------------------------------------------

    [TestMethod]
    public void Enrolling_twice_gives_one_enrolment_and_the_same_outputs_without_writing_again()
    {
        var leadId = CreateEnrichedLead();
        Dataverse.Counters.Reset();

        var first = Leads.Enroll(LeadRef(leadId), null);

        Assert.AreEqual("Enrolled", first.Result, first.Reason + "\n" + Tracing);
        Assert.AreEqual(new EntityReference(NurtureEnrollmentTable.LogicalName, NurtureRecordIds.Enrollment(leadId)), first.Enrollment);
        Assert.AreEqual(6, first.StepsScheduled, "built-in Nurture: Contact me has 6 steps");
        Assert.AreEqual(7, Dataverse.Counters["Create"], "the enrolment and its 6 activities");
        Assert.AreEqual(6, Dataverse.Get(NurtureEnrollmentTable.LogicalName, first.Enrollment!.Id)!.GetAttributeValue<int>(NurtureEnrollmentTable.Columns.StepsScheduled));

        Dataverse.Counters.Reset();
        var second = Leads.Enroll(LeadRef(leadId), null);

        Assert.AreEqual("AlreadyEnrolled", second.Result);
        Assert.AreEqual(first.Enrollment, second.Enrollment);
        Assert.AreEqual(6, second.StepsScheduled, "read from the existing enrolment");
        StringAssert.Contains(second.Reason, "already has an enrolment (Active)");
        Assert.AreEqual(0, Dataverse.Counters["Create"] + Dataverse.Counters["Update"], "no write, so no duplicate-key fault in a real-time workflow");
        Assert.HasCount(1, EnrollmentsOf(leadId));
        Assert.HasCount(6, ActivitiesOf(first.Enrollment.Id));
        StringAssert.Contains(Tracing.ToString(), "Enrol in nurture sequence: lead " + leadId.ToString("D") + ": Enrolled, enrolment ");
    }

    [TestMethod]
    public void A_requested_sequence_is_used_instead_of_the_matching_one()
    {
        var requested = SeedSequence("Partner launch", CampaignType.DemandGeneration, true,
            (1, NurtureActivityType.PhoneCall, 2, "Launch call with {companyname}"), (2, NurtureActivityType.Task, 4, "Send the launch pack"));
        var leadId = CreateEnrichedLead();

        var result = Leads.Enroll(LeadRef(leadId), new EntityReference(NurtureSequenceTable.LogicalName, requested));

        Assert.AreEqual("Enrolled", result.Result, result.Reason);
        Assert.AreEqual(2, result.StepsScheduled);
        var enrolment = Dataverse.Get(NurtureEnrollmentTable.LogicalName, result.Enrollment!.Id)!;
        Assert.AreEqual(requested, enrolment.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId).Id);
        CollectionAssert.AreEqual(new[] { "Launch call with Contoso", "Send the launch pack" },
            ActivitiesOf(result.Enrollment.Id).Select(a => a.GetAttributeValue<string>("subject")).ToArray());
    }

    [TestMethod]
    public void A_test_lead_gets_a_Skipped_enrolment_with_no_steps_and_the_same_answer_again()
    {
        var leadId = CreateEnrichedLead(more: l => l[LeadTable.Columns.IsTestLead] = true);

        var first = Leads.Enroll(LeadRef(leadId), null);
        var second = Leads.Enroll(LeadRef(leadId), null);

        Assert.AreEqual("Skipped", first.Result);
        Assert.IsNotNull(first.Enrollment);
        Assert.AreEqual(0, first.StepsScheduled);
        Assert.AreEqual("Test lead", first.Reason);
        Assert.AreEqual("AlreadyEnrolled", second.Result);
        Assert.AreEqual(first.Enrollment, second.Enrollment);
        Assert.AreEqual(0, second.StepsScheduled);
        Assert.AreEqual((int)EnrollmentStatus.Skipped, Option(EnrollmentsOf(leadId).Single(), NurtureEnrollmentTable.Columns.Status));
    }

    [TestMethod]
    public void A_lead_that_is_not_from_the_marketplace_is_not_applicable_and_gets_no_row()
    {
        var leadId = Service.Create(new Entity("lead") { ["lastname"] = "Walk-in", ["subject"] = "Website enquiry" });

        var result = Leads.Enroll(LeadRef(leadId), null);

        Assert.AreEqual("NotApplicable", result.Result);
        Assert.IsNull(result.Enrollment);
        Assert.AreEqual(0, result.StepsScheduled);
        Assert.IsEmpty(Dataverse.Query(NurtureEnrollmentTable.LogicalName));
    }

    [TestMethod]
    public void An_unknown_sequence_fails_with_its_id_and_enrols_nothing()
    {
        var leadId = CreateEnrichedLead();
        var unknown = new Guid("0b5b7d1e-0000-4000-8000-000000000042");

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => Leads.Enroll(LeadRef(leadId), new EntityReference(NurtureSequenceTable.LogicalName, unknown)));

        Assert.AreEqual("Enrol in nurture sequence: the nurture sequence 0b5b7d1e-0000-4000-8000-000000000042 does not exist (or you cannot read it).", error.Message);
        Assert.IsEmpty(Dataverse.Query(NurtureEnrollmentTable.LogicalName));
    }

    [TestMethod]
    public void An_inactive_sequence_fails_instead_of_silently_using_another()
    {
        var inactive = SeedSequence("Retired sequence", CampaignType.Nurture, false, (1, NurtureActivityType.Task, 0, "Old task"));
        var leadId = CreateEnrichedLead();

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => Leads.Enroll(LeadRef(leadId), new EntityReference(NurtureSequenceTable.LogicalName, inactive)));

        StringAssert.StartsWith(error.Message, "Enrol in nurture sequence: the nurture sequence 'Retired sequence' is inactive.");
        Assert.IsEmpty(Dataverse.Query(NurtureEnrollmentTable.LogicalName));
    }

    [TestMethod]
    public void A_sequence_without_steps_fails_with_the_validation_problem()
    {
        var empty = SeedSequence("Empty sequence", CampaignType.Nurture, true);
        var leadId = CreateEnrichedLead();

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => Leads.Enroll(LeadRef(leadId), new EntityReference(NurtureSequenceTable.LogicalName, empty)));

        StringAssert.StartsWith(error.Message, "Enrol in nurture sequence: the nurture sequence 'Empty sequence' cannot be used: ");
        StringAssert.Contains(error.Message, "step");
        Assert.IsEmpty(Dataverse.Query(NurtureEnrollmentTable.LogicalName));
    }

    [TestMethod]
    public void A_sequence_input_of_another_table_fails()
    {
        var leadId = CreateEnrichedLead();

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => Leads.Enroll(LeadRef(leadId), new EntityReference("campaign", Guid.NewGuid())));

        Assert.AreEqual("Enrol in nurture sequence: the input 'Nurture sequence' must be a mpl_nurturesequence, not a campaign.", error.Message);
    }

    // ---- Stop nurture ----------------------------------------------------------------------------------------------

    [TestMethod]
    public void Stop_cancels_the_open_activities_keeps_completed_ones_and_stops_the_enrolment()
    {
        var leadId = CreateEnrichedLead();
        var enrolment = Leads.Enroll(LeadRef(leadId), null).Enrollment!;
        var activities = ActivitiesOf(enrolment.Id);
        var call = activities.First(a => a.LogicalName == "phonecall");
        Service.Update(new Entity("phonecall", call.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });

        var result = Leads.Stop(LeadRef(leadId), "  Customer asked to pause  ");

        Assert.IsTrue(result.Stopped);
        Assert.AreEqual(activities.Count - 1, result.ActivitiesCanceled);
        Assert.AreEqual("Customer asked to pause", result.Reason);
        var stopped = Dataverse.Get(NurtureEnrollmentTable.LogicalName, enrolment.Id)!;
        Assert.AreEqual((int)EnrollmentStatus.Stopped, Option(stopped, NurtureEnrollmentTable.Columns.Status));
        StringAssert.EndsWith(stopped.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason), "Customer asked to pause");
        Assert.AreEqual(T0, stopped.GetAttributeValue<DateTime>(NurtureEnrollmentTable.Columns.EndedOn));
        var after = ActivitiesOf(enrolment.Id);
        Assert.AreEqual(1, Option(after.Single(a => a.Id == call.Id), "statecode"), "the completed call stays completed");
        Assert.IsTrue(after.Where(a => a.Id != call.Id).All(a => Option(a, "statecode") == 2), "the others are canceled");
        StringAssert.Contains(Tracing.ToString(), "Stop nurture: lead " + leadId.ToString("D") + ": enrolment " + enrolment.Id.ToString("D") + " stopped, 5 open activities canceled.");
    }

    [TestMethod]
    public void Stopping_again_or_a_lead_without_enrolment_stops_nothing_and_is_no_error()
    {
        var enrolled = CreateEnrichedLead();
        Leads.Enroll(LeadRef(enrolled), null);
        Leads.Stop(LeadRef(enrolled), "First stop");
        var neverEnrolled = CreateEnrichedLead();

        var again = Leads.Stop(LeadRef(enrolled), "Second stop");
        var none = Leads.Stop(LeadRef(neverEnrolled), "Stop");

        foreach (var result in new[] { again, none })
        {
            Assert.IsFalse(result.Stopped);
            Assert.AreEqual(0, result.ActivitiesCanceled);
            Assert.AreEqual("No Active enrolment.", result.Reason);
        }
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    public void A_missing_reason_uses_the_default_reason(string? reason)
    {
        var leadId = CreateEnrichedLead();
        var enrolment = Leads.Enroll(LeadRef(leadId), null).Enrollment!;

        var result = Leads.Stop(LeadRef(leadId), reason);

        Assert.AreEqual(Plugins.Services.Workflow.LeadWorkflowService.DefaultStopReason, result.Reason);
        StringAssert.EndsWith(Dataverse.Get(NurtureEnrollmentTable.LogicalName, enrolment.Id)!.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason), "Stopped by a workflow");
    }
}
