using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>The async service may run the enrolment job again: nothing is created twice, and a cut-short run is completed.</summary>
[TestClass]
public sealed class RetryTests : NurtureTestBase
{
    [TestMethod]
    public void Running_the_enrolment_job_three_times_creates_one_enrolment_and_one_set_of_activities()
    {
        var leadId = CreateLead(Storefront.AzureMarketplace, LeadAction.ContactMe);
        var job = Dataverse.DrainAsync().Single(j => j.Step.PluginType == typeof(EnrollLeadInNurture));
        var enrollment = EnrollmentOf(leadId);
        var firstActivities = ActivitiesOf(enrollment.Id).Select(a => (a.LogicalName, a.Id, a.GetAttributeValue<DateTime>("scheduledend"))).ToList();

        Now = T0.AddHours(30); // retries run later: due dates must still come from the lead's createdon
        Dataverse.ReplayAsync(job);
        Dataverse.ReplayAsync(job);

        Assert.AreEqual(AsyncJobStatus.Succeeded, job.Status, job.Error);
        Assert.AreEqual(3, job.Attempts);
        AssertAllStepsSucceeded();
        Assert.AreEqual(enrollment.Id, EnrollmentOf(leadId).Id);
        Assert.HasCount(1, Dataverse.Query(NurtureEnrollmentTable.LogicalName));
        CollectionAssert.AreEqual(firstActivities, ActivitiesOf(enrollment.Id).Select(a => (a.LogicalName, a.Id, a.GetAttributeValue<DateTime>("scheduledend"))).ToList());
        Assert.AreEqual(6, AllActivityCount());
        Assert.HasCount(2, Dataverse.Query("activityparty"), "the two drafts' To parties, not four or six");

        var runs = ExecutionsOf<EnrollLeadInNurture>();
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, runs.Select(r => r.Attempt).ToArray());
        foreach (var replay in runs.Skip(1))
        {
            Assert.AreEqual(1 + 6, Calls(replay, "Create"), "a replay tries the same deterministic rows, each answered 'duplicate key'");
            Assert.AreEqual(1, Calls(replay, "RetrieveMultiple"));
            Assert.AreEqual(0, Calls(replay, "Update") + Calls(replay, "Upsert"), "nothing a seller changed is overwritten");
            Assert.IsTrue(replay.Traces.Any(t => t.EndsWith("already enrolled (retry); nothing new was created.", StringComparison.Ordinal)), string.Join("\n", replay.Traces));
        }
    }

    [TestMethod]
    public void A_replay_after_the_lead_was_qualified_does_not_restart_the_stopped_enrolment()
    {
        var leadId = CreateLead();
        var job = Dataverse.DrainAsync().Single();
        Service.Update(new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });
        Dataverse.DrainAsync();
        Assert.AreEqual(EnrollmentStatus.Stopped, Status(EnrollmentOf(leadId)), string.Join("\n", Dataverse.Audit.Select(a => a + ": " + a.Error + "\n" + string.Join("\n", a.Traces))));

        Dataverse.ReplayAsync(job);
        Dataverse.DrainAsync();

        var enrollment = EnrollmentOf(leadId);
        Assert.AreEqual(EnrollmentStatus.Stopped, Status(enrollment));
        Assert.IsTrue(ActivitiesOf(enrollment.Id).All(a => Option(a, "statecode") == 2), "canceled activities stay canceled");
    }

    [TestMethod]
    public void A_run_cut_short_by_a_failure_is_completed_by_the_retry_without_copies()
    {
        Recreate(asyncRetryCount: 1);
        // The first e-mail Create fails once (say, a timeout): the enrolment and the call before it are already written.
        Dataverse.RegisterStep<FailOnceOnCreate>(new PluginStepAttribute("Create", "email", PipelineStage.PreOperation, ExecutionMode.Synchronous), FailOnceOnCreate.Register());

        var leadId = CreateLead(Storefront.AppSource, LeadAction.ContactMe);
        var job = Dataverse.DrainAsync().Single(j => j.Step.PluginType == typeof(EnrollLeadInNurture));

        Assert.AreEqual(AsyncJobStatus.Succeeded, job.Status, job.Error);
        Assert.AreEqual(2, job.Attempts);
        var runs = ExecutionsOf<EnrollLeadInNurture>();
        Assert.AreEqual(StepOutcome.Failed, runs[0].Outcome);
        Assert.AreEqual(3, Calls(runs[0], "Create"), "enrolment, call, then the failing e-mail");
        var enrollment = EnrollmentOf(leadId);
        Assert.AreEqual(6, ActivitiesOf(enrollment.Id).Count);
        Assert.AreEqual(6, AllActivityCount());
        Assert.IsTrue(runs[1].Traces.Any(t => t.Contains("enrolment existed; 5 missing activities created by this retry, 1 already there.", StringComparison.Ordinal)),
            string.Join("\n", runs[1].Traces));
    }

    /// <summary>Throws on the first Create it sees for its key, then lets every Create through.</summary>
    public sealed class FailOnceOnCreate : IPlugin
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Seen = new();
        private readonly string _key;

        public FailOnceOnCreate(string unsecureConfiguration, string secureConfiguration) { _key = unsecureConfiguration; }

        public static string Register() => Guid.NewGuid().ToString("N");

        public void Execute(IServiceProvider serviceProvider)
        {
            if (Seen.AddOrUpdate(_key, 1, (_, n) => n + 1) == 1) throw new InvalidPluginExecutionException("Simulated timeout");
        }
    }
}
