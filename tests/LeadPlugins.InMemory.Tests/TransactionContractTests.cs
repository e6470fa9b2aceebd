using System.ServiceModel;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory.Tests;

/// <summary>Transactions, async steps and request counters (anchors.md §1.8 "Rollback", §3.2 "Cancel early and roll back", §4 order of execution).</summary>
[TestClass]
public sealed class TransactionContractTests : DataverseTestBase
{
    private const PipelineStage PreValidation = PipelineStage.PreValidation;
    private const PipelineStage PreOperation = PipelineStage.PreOperation;
    private const PipelineStage PostOperation = PipelineStage.PostOperation;

    [TestMethod]
    public void A_failing_sync_step_rolls_back_every_write_of_the_request_including_nested_plugin_writes()
    {
        // Source: anchors §4 Transactions ("rolls back everything the request did, including writes made by other plugins"),
        // event-framework.md; XrmMockup has no rollback (context-and-oss/XrmMockup#186).
        Step("Create", "lead", PostOperation, s => s.Service.Create(new Entity("account") { ["name"] = "written by plug-in" }), rank: 1);
        Step("Create", "account", PostOperation, s => s.Service.Create(new Entity("contact") { ["lastname"] = "nested deeper" }));
        Step("Create", "lead", PostOperation, _ => throw new InvalidPluginExecutionException("Enrichment refused the lead"), rank: 2, other: true);
        var fault = Fault(() => CreateLead());
        Assert.AreEqual("Enrichment refused the lead", fault.Message);
        Assert.AreEqual(0, Dataverse.Query("lead").Count);
        Assert.AreEqual(0, Dataverse.Query("account").Count);
        Assert.AreEqual(0, Dataverse.Query("contact").Count);
    }

    [TestMethod]
    public void A_failing_core_operation_rolls_back_the_PreOperation_plugin_writes()
    {
        // Source: anchors §4 Transactions; the main operation is inside the same transaction as PreOperation.
        Step("Create", "lead", PreOperation, s =>
        {
            s.Service.Create(new Entity("account") { ["name"] = "side effect" });
            s.Target["mobilephone"] = new string('9', 30);
        });
        Assert.AreEqual(ErrorCodes.StringLengthTooLong, Fault(() => CreateLead()).ErrorCode);
        Assert.AreEqual(0, Dataverse.Query("account").Count);
    }

    [TestMethod]
    public void A_caught_service_fault_inside_a_sync_step_still_dooms_the_request()
    {
        // Source: brief §6; the platform's "There is no active transaction ... plug-ins that ignore errors from service calls" failure.
        var caught = false;
        Step("Create", "lead", PostOperation, s =>
        {
            s.Service.Create(new Entity("account") { ["name"] = "before the fault" });
            try
            {
                s.Service.Retrieve("contact", Guid.NewGuid(), new ColumnSet("fullname"));
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                caught = true;
            }
        });
        var fault = Fault(() => CreateLead());
        Assert.IsTrue(caught);
        Assert.AreEqual(ErrorCodes.TransactionNotStarted, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "There is no active transaction");
        Assert.AreEqual(0, Dataverse.Query("lead").Count);
        Assert.AreEqual(0, Dataverse.Query("account").Count);
    }

    [TestMethod]
    public void After_a_faulted_call_the_next_call_in_the_same_transaction_fails()
    {
        // Source: brief §6 (the doomed transaction rejects further work) [observed platform behaviour, not documented].
        OrganizationServiceFault? second = null;
        Step("Create", "lead", PostOperation, s =>
        {
            try { s.Service.Delete("account", Guid.NewGuid()); } catch (FaultException<OrganizationServiceFault>) { }
            try { s.Service.Create(new Entity("account") { ["name"] = "x" }); } catch (FaultException<OrganizationServiceFault> e) { second = e.Detail; }
        });
        Fault(() => CreateLead());
        Assert.AreEqual(ErrorCodes.TransactionNotStarted, second!.ErrorCode);
    }

    [TestMethod]
    public void PreValidation_runs_outside_the_transaction_so_its_writes_survive_a_later_failure()
    {
        // Source: anchors §3.2/§4 "PreValidation (outside the transaction ...)"; event-framework.md.
        bool? inTransaction = null;
        Step("Create", "lead", PreValidation, s =>
        {
            inTransaction = s.Context.IsInTransaction;
            s.Service.Create(new Entity("account") { ["name"] = "audit of the attempt" });
        });
        Step("Create", "lead", PreOperation, _ => throw new InvalidPluginExecutionException("refused"));
        Fault(() => CreateLead());
        Assert.IsFalse(inTransaction);
        Assert.AreEqual(1, Dataverse.Query("account").Count);
        Assert.AreEqual(0, Dataverse.Query("lead").Count);
    }

    [TestMethod]
    public void Async_steps_run_only_when_drained_after_commit_in_their_own_context()
    {
        // Source: anchors §4 "Async PostOperation is queued and runs after commit, in its own context" (event-framework.md).
        var runs = new List<(int Mode, bool InTransaction, Guid OperationId)>();
        Step("Create", "lead", PostOperation, s => runs.Add((s.Context.Mode, s.Context.IsInTransaction, s.Context.OperationId)), mode: ExecutionMode.Asynchronous);
        var id = CreateLead();
        Assert.AreEqual(0, runs.Count);
        Assert.AreEqual(1, Dataverse.PendingAsyncJobs);
        var jobs = Dataverse.DrainAsync();
        Assert.AreEqual(1, runs.Count);
        Assert.AreEqual((1, false), (runs[0].Mode, runs[0].InTransaction));
        Assert.AreEqual(jobs[0].Id, runs[0].OperationId);
        Assert.AreEqual(AsyncJobStatus.Succeeded, jobs[0].Status);
        Assert.AreEqual(id, Dataverse.Audit.Single().PrimaryEntityId);
    }

    [TestMethod]
    public void A_failing_async_step_does_not_roll_back_the_core_operation_and_is_retried_up_to_the_limit()
    {
        // Source: MicrosoftDocs/dynamics-365-customer-engagement#507 (async steps are outside the transaction); brief §5 retries.
        Dataverse = NewDataverse(o => o.AsyncRetryCount = 2);
        Service = Dataverse.GetOrganizationService();
        var attempts = 0;
        Step("Create", "lead", PostOperation, s =>
        {
            attempts++;
            s.Service.Create(new Entity("task") { ["subject"] = "attempt " + attempts });
            throw new InvalidPluginExecutionException("nurture service unavailable");
        }, mode: ExecutionMode.Asynchronous);
        var id = CreateLead();
        var job = Dataverse.DrainAsync().Single();
        Assert.AreEqual(AsyncJobStatus.Failed, job.Status);
        Assert.AreEqual(3, job.Attempts);
        Assert.AreEqual("nurture service unavailable", job.Error);
        Assert.IsNotNull(Dataverse.Get("lead", id));
        // No transaction around an async plug-in: each of its calls committed on its own, so retries must be idempotent.
        Assert.AreEqual(3, Dataverse.Query("task").Count);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, job.Executions.Select(e => e.Attempt).ToArray());
    }

    [TestMethod]
    public void An_async_step_is_not_queued_when_its_transaction_rolls_back()
    {
        // Source: anchors §4 order "PostOperation sync -> commit -> async": nothing is queued without a commit.
        Step("Create", "lead", PostOperation, _ => { }, mode: ExecutionMode.Asynchronous);
        Step("Create", "lead", PostOperation, _ => throw new InvalidPluginExecutionException("no"), other: true);
        Fault(() => CreateLead());
        Assert.AreEqual(0, Dataverse.PendingAsyncJobs);
        Assert.AreEqual(0, Dataverse.AsyncJobs.Count);
    }

    [TestMethod]
    public void Async_context_is_a_snapshot_with_its_images()
    {
        // Source: anchors §4 images in PostOperation; async contexts are serialized at queue time (event-framework.md).
        Entity? image = null;
        string? target = null;
        Step("Create", "lead", PostOperation, s => { image = s.Context.PostEntityImages["post"]; target = (string)s.Target["lastname"]; },
            mode: ExecutionMode.Asynchronous, image: "post", imageType: LeadPlugins.Plugins.Registration.ImageType.PostImage, imageAttributes: "lastname,ownerid");
        var id = CreateLead("Before");
        Service.Update(new Entity("lead", id) { ["lastname"] = "After" });
        Dataverse.DrainAsync();
        Assert.AreEqual("Before", image!.GetAttributeValue<string>("lastname"));
        Assert.AreEqual("Before", target);
        Assert.AreEqual(Dataverse.CallerId, image.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public void Counters_separate_the_callers_requests_from_the_plugins_and_count_per_execution()
    {
        // Source: anchors §3.3 service protection limits count requests; brief §7 (plug-in calls counted separately).
        var id = CreateLead();
        Dataverse.Counters.Reset();
        Step("Update", "lead", PostOperation, s =>
        {
            s.Service.Retrieve("lead", id, new ColumnSet("lastname"));
            s.Service.Create(new Entity("task") { ["subject"] = "follow up" });
        }, filter: "jobtitle");
        Service.Update(new Entity("lead", id) { ["jobtitle"] = "CTO" });
        Service.Retrieve("lead", id, new ColumnSet("jobtitle"));
        var counters = Dataverse.Counters;
        Assert.AreEqual((2, 2, 4), (counters.FromCaller, counters.FromPlugins, counters.Total));
        Assert.AreEqual(1, counters.ByMessageFromCaller["Update"]);
        Assert.AreEqual(1, counters.ByMessageFromPlugins["Create"]);
        Assert.AreEqual(2, counters["Retrieve"]);
        var execution = Dataverse.Audit.Single();
        Assert.AreEqual(2, execution.ServiceCalls);
        Assert.AreEqual(1, execution.ServiceCallsByMessage["Retrieve"]);
    }

    [TestMethod]
    public void Platform_sub_operations_are_not_counted_as_requests()
    {
        // Source: brief §7 counts organization-service round trips; SetState's internal Update is not a round trip [inferred].
        var id = CreateLead();
        Dataverse.Counters.Reset();
        Service.Execute(new Microsoft.Crm.Sdk.Messages.SetStateRequest { EntityMoniker = new EntityReference("lead", id), State = new OptionSetValue(2), Status = new OptionSetValue(4) });
        Assert.AreEqual(1, Dataverse.Counters.Total);
        Assert.AreEqual(1, Dataverse.Counters["SetState"]);
    }
}
