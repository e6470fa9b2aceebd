using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>Closing a lead stops its enrolment and cancels the open activities; closing the last activity completes it.</summary>
[TestClass]
public sealed class StopAndCompletionTests : NurtureTestBase
{
    [TestMethod]
    public void Qualifying_stops_the_enrolment_and_cancels_open_activities_with_each_types_pair_but_keeps_completed_ones()
    {
        var leadId = CreateLead(Storefront.AppSource, LeadAction.ContactMe); // call, e-mail, task, e-mail, call, task
        Dataverse.DrainAsync();
        var enrollment = EnrollmentOf(leadId);
        var activities = ActivitiesOf(enrollment.Id);
        var madeCall = activities[0];
        Service.Update(new Entity("phonecall", madeCall.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
        Dataverse.DrainAsync();

        Now = T0.AddDays(2);
        Service.Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", leadId), Status = new OptionSetValue(3), CreateOpportunity = false });
        Assert.AreEqual(EnrollmentStatus.Active, Status(EnrollmentOf(leadId)), "asynchronous: the qualify itself is never held up");
        Dataverse.DrainAsync();

        AssertAllStepsSucceeded();
        var stopped = EnrollmentOf(leadId);
        Assert.AreEqual(EnrollmentStatus.Stopped, Status(stopped));
        Assert.AreEqual("Lead qualified", LastLine(stopped));
        Assert.AreEqual(T0.AddDays(2), stopped.GetAttributeValue<DateTime>(NurtureEnrollmentTable.Columns.EndedOn));
        Assert.IsFalse(stopped.Contains(NurtureEnrollmentTable.Columns.NextDueDate), "nothing is due any more");

        var after = ActivitiesOf(enrollment.Id).ToDictionary(a => a.Id);
        Assert.AreEqual((1, 2), StateStatus(after[madeCall.Id]), "the completed call stays completed");
        foreach (var activity in activities.Skip(1))
        {
            var expected = activity.LogicalName switch { "task" => (2, 6), "phonecall" => (2, 3), "email" => (2, 5), _ => (-1, -1) };
            Assert.AreEqual(expected, StateStatus(after[activity.Id]), activity.LogicalName + " " + activity.GetAttributeValue<int>(TaskTable.Columns.NurtureStepNumber));
        }

        var stop = SingleExecutionOf<StopNurtureWhenLeadClosed>();
        Assert.AreEqual(0, Calls(stop, "SetState"), "Update with the state/status pair, not SetState");
        Assert.AreEqual(1 + 3, Calls(stop, "RetrieveMultiple"), "the enrolment, then open tasks, phone calls and e-mails");
        Assert.AreEqual(5 + 1, Calls(stop, "Update"), "five open activities + the enrolment");
        Assert.AreEqual(0, Calls(stop, "Retrieve"));
    }

    [TestMethod]
    [DataRow(4, "Lost")]
    [DataRow(5, "Cannot Contact")]
    [DataRow(6, "No Longer Interested")]
    public void Disqualifying_stops_with_the_status_reason(int statusCode, string label)
    {
        var leadId = CreateLead(Storefront.AzureMarketplace, LeadAction.TestDrive);
        Dataverse.DrainAsync();

        Service.Update(new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(statusCode) });
        Dataverse.DrainAsync();

        var enrollment = EnrollmentOf(leadId);
        Assert.AreEqual(EnrollmentStatus.Stopped, Status(enrollment));
        Assert.AreEqual("Lead disqualified: " + label, LastLine(enrollment));
        Assert.IsTrue(ActivitiesOf(enrollment.Id).All(a => Option(a, "statecode") == 2));
    }

    [TestMethod]
    public void A_sequence_without_stop_on_qualify_keeps_running_after_the_lead_is_closed()
    {
        SeedSequence("Customer success", CampaignType.Nurture, stopOnQualify: false);
        var leadId = CreateLead();
        Dataverse.DrainAsync();

        Service.Execute(new QualifyLeadRequest { LeadId = new EntityReference("lead", leadId), Status = new OptionSetValue(3) });
        Dataverse.DrainAsync();

        var enrollment = EnrollmentOf(leadId);
        Assert.AreEqual(EnrollmentStatus.Active, Status(enrollment));
        Assert.IsTrue(ActivitiesOf(enrollment.Id).All(a => Option(a, "statecode") == 0));
        StringAssert.Contains(TracesOf<StopNurtureWhenLeadClosed>(), "keeps running. Lead qualified, but the sequence keeps running after the lead is closed.");
    }

    [TestMethod]
    public void Reactivating_a_lead_only_traces_and_costs_no_query()
    {
        var leadId = CreateLead();
        Dataverse.DrainAsync();
        Service.Update(new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });
        Dataverse.DrainAsync();

        Service.Update(new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(2) });
        Dataverse.DrainAsync();

        Assert.AreEqual(EnrollmentStatus.Stopped, Status(EnrollmentOf(leadId)), "stays stopped");
        var reactivation = ExecutionsOf<StopNurtureWhenLeadClosed>()[^1];
        Assert.AreEqual(0, reactivation.ServiceCalls);
        Assert.IsTrue(reactivation.Traces.Any(t => t.Contains("a stopped enrolment stays stopped", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Lead_updates_of_other_columns_do_not_run_the_stop_step()
    {
        var leadId = CreateLead();
        Dataverse.DrainAsync();

        Service.Update(new Entity("lead", leadId) { ["jobtitle"] = "CTO" });
        Dataverse.DrainAsync();

        Assert.IsEmpty(ExecutionsOf<StopNurtureWhenLeadClosed>(), "filtering attributes statecode, statuscode");
    }

    [TestMethod]
    public void Completing_the_last_open_activity_completes_the_enrolment_and_each_step_moves_the_next_due_date()
    {
        var leadId = CreateLead(Storefront.AppSource, LeadAction.TestDrive); // 5 steps: days 1, 3, 7, 11, 15
        Dataverse.DrainAsync();
        var enrollment = EnrollmentOf(leadId);
        var activities = ActivitiesOf(enrollment.Id);
        Assert.AreEqual(Utc(2026, 3, 3, 17), enrollment.GetAttributeValue<DateTime>(NurtureEnrollmentTable.Columns.NextDueDate));

        Complete(activities[0]);
        Dataverse.DrainAsync();
        Assert.AreEqual(Utc(2026, 3, 5, 17), EnrollmentOf(leadId).GetAttributeValue<DateTime>(NurtureEnrollmentTable.Columns.NextDueDate), "moved to step 2 (day 3)");
        Assert.AreEqual(EnrollmentStatus.Active, Status(EnrollmentOf(leadId)));
        var progress = SingleExecutionOf<CompleteNurtureEnrollment>();
        Assert.AreEqual(3, Calls(progress, "RetrieveMultiple"), "task, phone call and e-mail queries, each joined to the enrolment");
        Assert.AreEqual(1, Calls(progress, "Update"));
        Assert.AreEqual(0, Calls(progress, "Retrieve"));

        Cancel(activities[2]);
        Complete(activities[1]);
        Complete(activities[3]);
        Dataverse.DrainAsync();
        Assert.AreEqual(EnrollmentStatus.Active, Status(EnrollmentOf(leadId)), "one activity is still open");
        Assert.AreEqual(Utc(2026, 3, 23, 17), EnrollmentOf(leadId).GetAttributeValue<DateTime>(NurtureEnrollmentTable.Columns.NextDueDate));

        Now = T0.AddDays(20);
        Complete(activities[4]);
        Dataverse.DrainAsync();

        AssertAllStepsSucceeded();
        var completed = EnrollmentOf(leadId);
        Assert.AreEqual(EnrollmentStatus.Completed, Status(completed));
        Assert.AreEqual(T0.AddDays(20), completed.GetAttributeValue<DateTime>(NurtureEnrollmentTable.Columns.EndedOn));
        Assert.IsFalse(completed.Contains(NurtureEnrollmentTable.Columns.NextDueDate));
        StringAssert.Contains(TracesOf<CompleteNurtureEnrollment>(), "every step activity is closed (4 completed, 1 canceled, 0 open); enrolment Completed.");
    }

    [TestMethod]
    public void Closing_an_activity_that_is_not_a_nurture_step_costs_no_query()
    {
        var taskId = Service.Create(new Entity("task") { ["subject"] = "Unrelated" });
        Service.Update(new Entity("task", taskId) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) });
        Dataverse.DrainAsync();

        var execution = SingleExecutionOf<CompleteNurtureEnrollment>();
        Assert.AreEqual(0, execution.ServiceCalls);
    }

    [TestMethod]
    public void Activities_canceled_by_a_stop_leave_the_enrolment_stopped_not_completed()
    {
        var leadId = CreateLead(Storefront.AppSource, LeadAction.GetItNow);
        Dataverse.DrainAsync();

        Service.Update(new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(7) });
        Dataverse.DrainAsync();

        Assert.AreEqual(EnrollmentStatus.Stopped, Status(EnrollmentOf(leadId)));
        Assert.AreEqual("Lead disqualified: Canceled", LastLine(EnrollmentOf(leadId)));
        Assert.IsNotEmpty(ExecutionsOf<CompleteNurtureEnrollment>(), "the cancels ran the completion step, which left the Stopped enrolment alone");
    }

    [TestMethod]
    public void The_stop_nurture_service_stops_on_request_whatever_the_sequence_says()
    {
        SeedSequence("Customer success", CampaignType.Nurture, stopOnQualify: false);
        var leadId = CreateLead();
        Dataverse.DrainAsync();
        var tracing = new ListTracing();

        var outcome = new NurtureStopService(Service, tracing).Stop(new EntityReference("lead", leadId), "Customer asked to stop");

        Assert.IsTrue(outcome.Stopped, tracing.ToString());
        Assert.AreEqual(1, outcome.ActivitiesCanceled);
        Assert.AreEqual(EnrollmentOf(leadId).ToEntityReference(), outcome.Enrollment);
        Assert.AreEqual("Customer asked to stop", LastLine(EnrollmentOf(leadId)));
        var again = new NurtureStopService(Service, tracing).Stop(new EntityReference("lead", leadId), "twice");
        Assert.IsFalse(again.Stopped, "nothing Active any more");
        Assert.AreEqual("Customer asked to stop", LastLine(EnrollmentOf(leadId)));
    }

    private void Complete(Entity activity) => SetState(activity, 1, activity.LogicalName switch { "task" => 5, "phonecall" => 2, _ => 2 });

    private void Cancel(Entity activity) => SetState(activity, 2, activity.LogicalName switch { "task" => 6, "phonecall" => 3, _ => 5 });

    private void SetState(Entity activity, int state, int status)
        => Service.Update(new Entity(activity.LogicalName, activity.Id) { ["statecode"] = new OptionSetValue(state), ["statuscode"] = new OptionSetValue(status) });

    private static (int, int) StateStatus(Entity activity) => (Option(activity, "statecode"), Option(activity, "statuscode"));

    private static string LastLine(Entity enrollment) => enrollment.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason).Split('\n')[^1];
}
