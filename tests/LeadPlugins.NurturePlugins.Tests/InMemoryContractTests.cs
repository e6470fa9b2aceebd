using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>
/// Contract tests of what this work added to the in-memory Dataverse (they belong with tests/LeadPlugins.InMemory.Tests
/// and can move there): ReplayAsync, a fresh job context per run, and indexed Equal on choice columns.
/// The async service delivers a job at least once and an admin can resume a system job, so a job may run again with
/// the context it was queued with (Microsoft Learn, "Asynchronous service": system jobs can be resumed and retried).
/// </summary>
[TestClass]
public sealed class InMemoryContractTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    private static InMemoryDataverse NewDataverse() => new(new InMemoryDataverseOptions { Clock = () => T0, IdGenerator = new SequentialIds(1).Next });

    [TestMethod]
    public void ReplayAsync_runs_a_finished_job_again_with_the_context_it_was_queued_with()
    {
        var dataverse = NewDataverse();
        var key = RecordingPlugin.NewKey();
        dataverse.RegisterStep<RecordingPlugin>(new PluginStepAttribute("Create", "lead", PipelineStage.PostOperation, ExecutionMode.Asynchronous)
        {
            Image1Name = "Post", Image1Type = ImageType.PostImage, Image1Attributes = "lastname",
        }, key);
        var leadId = dataverse.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Original" });
        var job = dataverse.DrainAsync().Single();
        dataverse.GetOrganizationService().Update(new Entity("lead", leadId) { ["lastname"] = "Changed later" });

        var replayed = dataverse.ReplayAsync(job);
        dataverse.ReplayAsync(job);

        Assert.AreSame(job, replayed);
        Assert.AreEqual(AsyncJobStatus.Succeeded, job.Status);
        Assert.AreEqual(3, job.Attempts);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, job.Executions.Select(e => e.Attempt).ToArray());
        var runs = RecordingPlugin.Runs[key];
        Assert.HasCount(3, runs);
        foreach (var run in runs)
        {
            Assert.AreEqual("Original", run.TargetLastName, "the Target as queued, not the stored row, and not what run 1 wrote into it");
            Assert.AreEqual("Original", run.ImageLastName, "the post image as queued");
            Assert.IsFalse(run.SawMarker, "shared variables and Target start clean on every run");
            Assert.IsFalse(run.InTransaction);
        }
    }

    [TestMethod]
    public void ReplayAsync_records_a_failure_and_refuses_jobs_that_have_not_run()
    {
        var dataverse = NewDataverse();
        var key = RecordingPlugin.NewKey(failFromRun: 2);
        dataverse.RegisterStep<RecordingPlugin>(new PluginStepAttribute("Create", "lead", PipelineStage.PostOperation, ExecutionMode.Asynchronous), key);
        dataverse.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Doe" });

        var waiting = dataverse.AsyncJobs.Single();
        Assert.ThrowsExactly<InvalidOperationException>(() => dataverse.ReplayAsync(waiting));
        dataverse.DrainAsync();
        Assert.AreEqual(AsyncJobStatus.Succeeded, waiting.Status);

        dataverse.ReplayAsync(waiting);

        Assert.AreEqual(AsyncJobStatus.Failed, waiting.Status);
        StringAssert.Contains(waiting.Error, "run 2 fails");
        Assert.AreEqual(StepOutcome.Failed, waiting.Executions[^1].Outcome);
        Assert.ThrowsExactly<ArgumentException>(() => NewDataverse().ReplayAsync(waiting));
    }

    [TestMethod]
    public void Indexed_equal_on_a_choice_and_on_statecode_matches_int_values()
    {
        var dataverse = NewDataverse();
        var service = dataverse.GetOrganizationService();
        var hot = service.Create(new Entity("lead") { ["lastname"] = "Hot", ["leadqualitycode"] = new OptionSetValue(1) });
        service.Create(new Entity("lead") { ["lastname"] = "Cold", ["leadqualitycode"] = new OptionSetValue(3) });
        service.Update(new Entity("lead", hot) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });

        var byChoice = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        byChoice.Criteria.AddCondition("leadqualitycode", ConditionOperator.Equal, 1);
        var byState = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        byState.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);

        Assert.AreEqual("Hot", service.RetrieveMultiple(byChoice).Entities.Single().GetAttributeValue<string>("lastname"));
        Assert.AreEqual("Cold", service.RetrieveMultiple(byState).Entities.Single().GetAttributeValue<string>("lastname"));
        CollectionAssert.IsSubsetOf(new[] { "leadqualitycode", "statecode" }, dataverse.IndexedColumns("lead").ToList(), "served by the hash index");
    }

    /// <summary>Records what each run saw, then scribbles on its Target and shared variables.</summary>
    public sealed class RecordingPlugin : IPlugin
    {
        public sealed record Run(string? TargetLastName, string? ImageLastName, bool SawMarker, bool InTransaction);

        internal static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<Run>> Runs = new();
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> FailFrom = new();
        private readonly string _key;

        public RecordingPlugin(string unsecureConfiguration, string secureConfiguration) { _key = unsecureConfiguration; }

        public static string NewKey(int failFromRun = 0)
        {
            var key = Guid.NewGuid().ToString("N");
            Runs[key] = new List<Run>();
            FailFrom[key] = failFromRun;
            return key;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var target = (Entity)context.InputParameters["Target"];
            var image = context.PostEntityImages.TryGetValue("Post", out var post) ? post : null;
            var runs = Runs[_key];
            runs.Add(new Run(target.GetAttributeValue<string>("lastname"), image?.GetAttributeValue<string>("lastname"),
                context.SharedVariables.Contains("marker") || target.Contains("firstname"), context.IsInTransaction));
            target["lastname"] = "Scribbled by run " + runs.Count;
            target["firstname"] = "marker";
            if (image != null) image["lastname"] = "Scribbled";
            context.SharedVariables["marker"] = true;
            if (FailFrom[_key] > 0 && runs.Count >= FailFrom[_key]) throw new InvalidPluginExecutionException("run " + runs.Count + " fails");
        }
    }
}
