using System.ServiceModel;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory.Tests;

/// <summary>Pipeline behaviours (anchors.md §4 "Pipeline", §3.2, §3.4).</summary>
[TestClass]
public sealed class PipelineContractTests : DataverseTestBase
{
    private const PipelineStage PreValidation = PipelineStage.PreValidation;
    private const PipelineStage PreOperation = PipelineStage.PreOperation;
    private const PipelineStage PostOperation = PipelineStage.PostOperation;

    [TestMethod]
    public void PreOperation_changes_to_Target_persist()
    {
        // Source: anchors §4 "PreOperation changes to Target persist" (understand-the-data-context.md; FXE v2 PipelineProcessor.cs).
        Step("Create", "lead", PreOperation, s => s.Target["jobtitle"] = "set in PreOperation");
        var id = CreateLead();
        Assert.AreEqual("set in PreOperation", Row("lead", id).GetAttributeValue<string>("jobtitle"));
    }

    [TestMethod]
    public void PostOperation_changes_to_Target_do_not_persist()
    {
        // Source: anchors §4 "PostOperation changes to Target don't persist. The row is already written".
        Step("Create", "lead", PostOperation, s => s.Target["jobtitle"] = "too late");
        var id = CreateLead();
        Assert.IsFalse(Row("lead", id).Contains("jobtitle"));
    }

    [TestMethod]
    public void PreValidation_knows_the_new_id_before_Target_has_it_and_PreOperation_sees_the_platform_defaults()
    {
        // Source: anchors §4 "Owner and system defaults on Create, by stage" (DynamicsValue/fake-xrm-easy#234, #262 trace dumps).
        Guid preValidationTargetId = Guid.NewGuid(), preValidationPrimaryId = Guid.Empty;
        string[] preOperationColumns = Array.Empty<string>();
        Step("Create", "lead", PreValidation, s => { preValidationTargetId = s.Target.Id; preValidationPrimaryId = s.Context.PrimaryEntityId; });
        Step("Create", "lead", PreOperation, s => preOperationColumns = s.Target.Attributes.Keys.ToArray());
        var id = CreateLead();
        Assert.AreEqual(Guid.Empty, preValidationTargetId);
        Assert.AreEqual(id, preValidationPrimaryId);
        foreach (var column in new[] { "leadid", "createdon", "createdby", "modifiedon", "modifiedby", "ownerid", "owningbusinessunit", "owninguser", "statecode", "statuscode" })
            CollectionAssert.Contains(preOperationColumns, column);
    }

    [TestMethod]
    public void PostOperation_Create_has_the_new_id_in_OutputParameters()
    {
        // Source: anchors §4 "OutputParameters["id"] is available in PostOperation" (PowerApps-Samples FollowupPlugin.cs).
        object? output = null;
        var preOperationHadOutput = true;
        Step("Create", "lead", PreOperation, s => preOperationHadOutput = s.Context.OutputParameters.Contains("id"));
        Step("Create", "lead", PostOperation, s => output = s.Context.OutputParameters["id"]);
        var id = CreateLead();
        Assert.AreEqual(id, output);
        Assert.IsFalse(preOperationHadOutput);
    }

    [TestMethod]
    public void Steps_run_by_stage_then_by_rank()
    {
        // Source: anchors §4 "Order of execution ... Rank orders steps within a stage".
        var order = new List<string>();
        Step("Create", "lead", PostOperation, _ => order.Add("post"), rank: 1);
        Step("Create", "lead", PreOperation, _ => order.Add("pre rank 2"), rank: 2);
        Step("Create", "lead", PreOperation, _ => order.Add("pre rank 1"), rank: 1);
        Step("Create", "lead", PreValidation, _ => order.Add("validation"), rank: 5);
        CreateLead();
        CollectionAssert.AreEqual(new[] { "validation", "pre rank 1", "pre rank 2", "post" }, order);
    }

    [TestMethod]
    public void Filtering_attributes_are_evaluated_after_earlier_PreOperation_steps_changed_Target()
    {
        // Source: DynamicsValue/fake-xrm-easy#195 (anchors §4 "Filtering attributes ... evaluate per step").
        var id = CreateLead();
        var fired = 0;
        Step("Update", "lead", PreOperation, s => s.Target[LeadTable.Columns.LeadScore] = 10, rank: 1);
        Step("Update", "lead", PreOperation, _ => fired++, rank: 2, filter: LeadTable.Columns.LeadScore);
        Service.Update(new Entity("lead", id) { ["jobtitle"] = "CTO" });
        Assert.AreEqual(1, fired);
    }

    [TestMethod]
    public void Update_step_does_not_run_when_Target_has_none_of_its_filtering_attributes()
    {
        // Source: anchors §3.2 "Without them an Update step runs on every update" / §4 filtering attributes.
        var id = CreateLead();
        var fired = 0;
        Step("Update", "lead", PostOperation, _ => fired++, filter: "statecode,statuscode");
        Service.Update(new Entity("lead", id) { ["jobtitle"] = "CTO" });
        Assert.AreEqual(0, fired);
        Service.Update(new Entity("lead", id) { ["statuscode"] = new OptionSetValue(2) });
        Assert.AreEqual(1, fired);
    }

    [TestMethod]
    public void Pre_image_holds_only_its_registered_columns_and_post_image_includes_existing_columns()
    {
        // Source: anchors §4 Images (FXE PreImage.cs/PostImage.cs; DynamicsValue/fake-xrm-easy#102 post images include pre-existing columns).
        var id = CreateLead("Doe", "jane@contoso.example", l => l["companyname"] = "Contoso");
        Entity? pre = null, post = null;
        Step("Update", "lead", PostOperation, s => { pre = s.Context.PreEntityImages["pre"]; }, image: "pre", imageType: ImageType.PreImage, imageAttributes: "jobtitle,emailaddress1");
        Step("Update", "lead", PostOperation, s => { post = s.Context.PostEntityImages["post"]; }, image: "post", imageType: ImageType.PostImage, imageAttributes: "jobtitle,companyname");
        Service.Update(new Entity("lead", id) { ["jobtitle"] = "CTO" });
        CollectionAssert.AreEquivalent(new[] { "emailaddress1" }, pre!.Attributes.Keys.ToArray());
        Assert.AreEqual("CTO", post!.GetAttributeValue<string>("jobtitle"));
        Assert.AreEqual("Contoso", post.GetAttributeValue<string>("companyname"));
        Assert.AreEqual(2, post.Attributes.Count);
    }

    [TestMethod]
    public void An_image_lists_columns_by_name_whatever_the_rows_before_held_at_the_same_position()
    {
        // The image remembers the answer first found at each position of a row: another name at that position, or the
        // same name in another string, must be looked up as its own column.
        var images = new List<string>();
        Step("Create", "lead", PostOperation, s => images.Add(string.Join(",", s.Context.PostEntityImages["post"].Attributes.Keys)),
            image: "post", imageType: ImageType.PostImage, imageAttributes: "companyname,jobtitle");
        Service.Create(new Entity("lead") { ["lastname"] = "A", ["companyname"] = "Contoso" });
        Service.Create(new Entity("lead") { ["lastname"] = "B", ["jobtitle"] = "CTO" });
        Service.Create(new Entity("lead") { ["lastname"] = "C", [new string("companyname".AsSpan())] = "Fabrikam" });
        Service.Create(new Entity("lead") { ["lastname"] = "D", ["subject"] = "Not listed" });
        CollectionAssert.AreEqual(new[] { "companyname", "jobtitle", "companyname", "" }, images);
    }

    [TestMethod]
    public void Impossible_image_and_mode_registrations_are_rejected()
    {
        // Source: anchors §1.4 PluginStepValidator: no pre image on Create, no post image on Delete, post only in PostOperation, async only in PostOperation.
        Assert.ThrowsExactly<ArgumentException>(() => Step("Create", "lead", PostOperation, _ => { }, image: "pre", imageType: ImageType.PreImage));
        Assert.ThrowsExactly<ArgumentException>(() => Step("Delete", "lead", PostOperation, _ => { }, image: "post", imageType: ImageType.PostImage));
        Assert.ThrowsExactly<ArgumentException>(() => Step("Update", "lead", PreOperation, _ => { }, image: "post", imageType: ImageType.PostImage));
        Assert.ThrowsExactly<ArgumentException>(() => Step("Update", "lead", PreOperation, _ => { }, mode: ExecutionMode.Asynchronous));
    }

    [TestMethod]
    public void Delete_step_gets_a_pre_image_of_the_deleted_row()
    {
        // Source: anchors §4 Images: "no post image for Delete" -> the pre image is how a Delete step sees the row.
        var id = CreateLead("Gone");
        Entity? pre = null;
        Step("Delete", "lead", PostOperation, s => pre = s.Context.PreEntityImages["before"], image: "before", imageType: ImageType.PreImage, imageAttributes: "lastname");
        Service.Delete("lead", id);
        Assert.AreEqual("Gone", pre!.GetAttributeValue<string>("lastname"));
    }

    [TestMethod]
    public void A_plugins_call_runs_at_depth_plus_one_with_the_plugin_as_parent_context()
    {
        // Source: anchors §4 "Re-entry ... Depth = parent + 1 and ParentContext set" (RemoteExecutionContext.Depth doc).
        int accountDepth = 0;
        IPluginExecutionContext? parentOfAccountValidation = null;
        IPluginExecutionContext? leadContext = null;
        Step("Create", "lead", PostOperation, s => { leadContext = s.Context; s.Service.Create(new Entity("account") { ["name"] = "From plug-in" }); });
        Step("Create", "account", PreValidation, s => { accountDepth = s.Context.Depth; parentOfAccountValidation = s.Context.ParentContext; });
        CreateLead();
        Assert.AreEqual(1, leadContext!.Depth);
        Assert.AreEqual(2, accountDepth);
        Assert.AreSame(leadContext, parentOfAccountValidation);
    }

    [TestMethod]
    public void Depth_above_8_faults_with_SdkCorrelationTokenDepthTooHigh()
    {
        // Source: anchors §4 "At depth > 8 the platform aborts: SdkCorrelationTokenDepthTooHigh -2147204734" (FXE PipelineOptions.MaxDepth = 8).
        var id = CreateLead();
        var deepest = 0;
        Step("Update", "lead", PostOperation, s =>
        {
            deepest = Math.Max(deepest, s.Context.Depth);
            s.Service.Update(new Entity("lead", id) { ["description"] = "depth " + s.Context.Depth });
        }, filter: "description");
        var fault = Fault(() => Service.Update(new Entity("lead", id) { ["description"] = "start" }));
        Assert.AreEqual(ErrorCodes.SdkCorrelationTokenDepthTooHigh, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "infinite loop");
        Assert.AreEqual(8, deepest);
        Assert.IsFalse(Row("lead", id).Contains("description"));
    }

    [TestMethod]
    public void PluginBase_recursion_guard_stops_a_step_that_updates_its_own_row()
    {
        // Source: anchors §2.3 DLaB PreventRecursiveCall (SharedVariables key, not Depth), implemented by the product's PluginBase.
        var id = CreateLead();
        Dataverse.RegisterStep<TouchLeadDescription>(new PluginStepAttribute("Update", "lead", PostOperation, ExecutionMode.Synchronous) { FilteringAttributes = "jobtitle,description" });
        Service.Update(new Entity("lead", id) { ["jobtitle"] = "CTO" });
        Assert.AreEqual("touched at depth 1", Row("lead", id).GetAttributeValue<string>("description"));
        Assert.AreEqual(2, Dataverse.Audit.Count);
        Assert.IsTrue(Dataverse.Audit[1].Traces.Any(t => t.Contains("recursion guard", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Shared_variables_from_PreValidation_reach_PreOperation_through_ParentContext()
    {
        // Source: anchors §3.2 "SharedVariables subtlety" (understand-the-data-context.md).
        object? seen = null, direct = "unset";
        Step("Create", "lead", PreValidation, s => s.Context.SharedVariables["checked"] = "yes");
        Step("Create", "lead", PreOperation, s =>
        {
            seen = s.Context.ParentContext.SharedVariables["checked"];
            direct = s.Context.SharedVariables.Contains("checked") ? "visible" : "not visible";
        });
        CreateLead();
        Assert.AreEqual("yes", seen);
        Assert.AreEqual("not visible", direct);
    }

    [TestMethod]
    public void Shared_variables_pass_from_PreOperation_to_PostOperation()
    {
        // Source: anchors §4 "Shared variables pass between steps of one pipeline".
        object? seen = null;
        Step("Create", "lead", PreOperation, s => s.Context.SharedVariables["score"] = 42);
        Step("Create", "lead", PostOperation, s => seen = s.Context.SharedVariables["score"]);
        CreateLead();
        Assert.AreEqual(42, seen);
    }

    [TestMethod]
    public void Each_item_of_a_CreateMultiple_runs_Create_steps_with_its_own_shared_variables()
    {
        // Source: anchors §3.4 (merged pipeline: a Create step runs once per item of CreateMultiple, in that item's
        // pipeline) and §4 "Shared variables pass between steps of one pipeline": PreOperation to PostOperation of the
        // same item, never to the next item.
        var seenInPost = new List<string>();
        var countsInPre = new List<int>();
        Step("Create", "lead", PreOperation, s =>
        {
            countsInPre.Add(s.Context.SharedVariables.Count);
            s.Context.SharedVariables["item"] = s.Target.GetAttributeValue<string>("lastname");
        });
        Step("Create", "lead", PostOperation, s => seenInPost.Add((string)s.Context.SharedVariables["item"]));
        var targets = new EntityCollection(new[] { "One", "Two", "Three" }.Select(n => new Entity("lead") { ["lastname"] = n }).ToList()) { EntityName = "lead" };
        Service.Execute(new CreateMultipleRequest { Targets = targets });
        CollectionAssert.AreEqual(new[] { "One", "Two", "Three" }, seenInPost);
        CollectionAssert.AreEqual(new[] { 0, 0, 0 }, countsInPre, "no item sees another item's variables");
    }

    [TestMethod]
    public void RunAs_System_step_gets_the_SYSTEM_UserId_and_the_caller_as_InitiatingUserId()
    {
        // Source: anchors §4 Bookkeeping "UserId is the step's run-as user; InitiatingUserId is the caller".
        Guid user = Guid.Empty, initiating = Guid.Empty, createdBy = Guid.Empty;
        Step("Create", "lead", PostOperation, s =>
        {
            user = s.Context.UserId;
            initiating = s.Context.InitiatingUserId;
            var account = s.Service.Create(new Entity("account") { ["name"] = "as system" });
            createdBy = s.Service.Retrieve("account", account, new ColumnSet("createdby")).GetAttributeValue<EntityReference>("createdby").Id;
        }, runAs: StepRunAs.System);
        CreateLead();
        Assert.AreEqual(Dataverse.SystemUserId, user);
        Assert.AreEqual(Dataverse.CallerId, initiating);
        Assert.AreEqual(Dataverse.SystemUserId, createdBy);
    }

    [TestMethod]
    public void The_audit_records_the_user_each_service_call_ran_as_and_the_contexts_users()
    {
        // Harness bookkeeping for security tests: CreateOrganizationService(id) runs as id, (null) as SYSTEM (anchors §4 Bookkeeping).
        var seller = Dataverse.AddUser("Seller");
        Step("Create", "lead", PostOperation, s =>
        {
            s.Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") });
            s.Factory.CreateOrganizationService(null).RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") });
            s.Factory.CreateOrganizationService(null).Create(new Entity("account") { ["name"] = "as system" });
        });
        Dataverse.GetOrganizationService(seller).Create(new Entity("lead") { ["lastname"] = "Doe" });

        var execution = Dataverse.Audit.Single();
        Assert.AreEqual(seller, execution.UserId);
        Assert.AreEqual(seller, execution.InitiatingUserId);
        Assert.AreEqual(1, execution.ServiceCallsByUser[seller]);
        Assert.AreEqual(2, execution.ServiceCallsByUser[Dataverse.SystemUserId]);
        Assert.HasCount(2, execution.ServiceCallsByUser);
    }

    [TestMethod]
    public void Unsecure_and_secure_configuration_reach_the_plugin_constructor()
    {
        // Source: anchors §1.4 "Steps can carry secure/unsecure configuration" (DynamicsValue/fake-xrm-easy#103; v1#546).
        Dataverse.RegisterPlugin<ConfiguredCampaignPlugin>(secureConfiguration: "secret");
        var id = Service.Create(new Entity("campaign") { ["name"] = "Spring" });
        Assert.AreEqual("from-attribute|secret", Row("campaign", id).GetAttributeValue<string>("description"));
    }

    [TestMethod]
    public void RegisterPluginAssembly_reads_the_step_attributes_and_applies_configuration_overrides()
    {
        // Source: anchors §0.3 "Drive step registrations from one source of truth" (the PluginStep attributes).
        Dataverse.RegisterPluginAssembly(typeof(ConfiguredCampaignPlugin).Assembly, new PluginConfiguration(typeof(ConfiguredCampaignPlugin), "override", "secret"));
        CollectionAssert.AreEquivalent(new[] { typeof(ConfiguredCampaignPlugin), typeof(InstanceCountingPlugin) }, Dataverse.Steps.Select(s => s.PluginType).ToArray());
        var id = Service.Create(new Entity("campaign") { ["name"] = "Spring" });
        Assert.AreEqual("override|secret", Row("campaign", id).GetAttributeValue<string>("description"));
    }

    [TestMethod]
    public void Plugin_instances_are_cached_per_step_like_the_platform()
    {
        // Source: anchors §3.2 "The platform caches the plugin instance ... The constructor isn't called per execution".
        Dataverse.RegisterPlugin<InstanceCountingPlugin>();
        var before = InstanceCountingPlugin.Constructed;
        var id = Service.Create(new Entity("campaign") { ["name"] = "Spring" });
        for (var i = 0; i < 3; i++) Service.Update(new Entity("campaign", id) { ["codename"] = "C" + i });
        Assert.AreEqual(1, InstanceCountingPlugin.Constructed - before);
        Assert.AreEqual(3, Dataverse.Audit.Count);
    }

    [TestMethod]
    public void Plugin_exception_reaches_the_caller_as_a_fault_with_its_message_code_and_details()
    {
        // Source: anchors §4 "Errors seen by the caller" (IsvAborted -2147220891 unless given; ExceptionDetails -> ErrorDetails).
        Step("Create", "lead", PreOperation, _ => throw new InvalidPluginExecutionException("Lead rejected", new Dictionary<string, string> { ["failedRecordIndex"] = "0" }));
        var fault = Fault(() => CreateLead());
        Assert.AreEqual("Lead rejected", fault.Message);
        Assert.AreEqual(ErrorCodes.IsvAborted, fault.ErrorCode);
        Assert.AreEqual("0", fault.ErrorDetails["failedRecordIndex"]);
        Step("Create", "account", PreOperation, _ => throw new InvalidPluginExecutionException(OperationStatus.Failed, -2147220970, "with code"));
        Assert.AreEqual(-2147220970, Fault(() => Service.Create(new Entity("account") { ["name"] = "x" })).ErrorCode);
    }

    [TestMethod]
    public void Unexpected_plugin_exception_becomes_an_IsvUnExpected_fault_with_the_traces()
    {
        // Source: anchors §4 errors; the platform reports "Unexpected exception from plug-in (Execute)" with the trace log.
        Step("Create", "lead", PreOperation, s => { s.Tracing.Trace("about to fail"); throw new NullReferenceException("boom"); });
        var fault = Fault(() => CreateLead());
        Assert.AreEqual(ErrorCodes.IsvUnExpected, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "Unexpected exception from plug-in (Execute)");
        StringAssert.Contains(fault.Message, "System.NullReferenceException: boom");
        StringAssert.Contains(fault.TraceText, "about to fail");
    }

    [TestMethod]
    public void Traces_and_the_audit_record_each_step_execution()
    {
        // Source: anchors §1.4 "UsePluginStepAudit records each step that ran"; §5.1 FakeTracingService.
        Step("Create", "lead", PreOperation, s => s.Tracing.Trace("score {0}", 40));
        Step("Create", "lead", PostOperation, s => s.Tracing.Trace("enrolled"), mode: ExecutionMode.Asynchronous, other: true);
        var id = CreateLead();
        Assert.AreEqual(1, Dataverse.Audit.Count);
        var first = Dataverse.Audit[0];
        Assert.AreEqual(typeof(LambdaPlugin), first.PluginType);
        Assert.AreEqual(("Create", 20, 0, id, 1, StepOutcome.Succeeded), (first.MessageName, first.Stage, first.Mode, first.PrimaryEntityId, first.Depth, first.Outcome));
        CollectionAssert.AreEqual(new[] { "score 40" }, first.Traces.ToArray());
        Dataverse.DrainAsync();
        Assert.AreEqual(typeof(OtherLambdaPlugin), Dataverse.Audit[1].PluginType);
        CollectionAssert.AreEqual(new[] { "score 40", "enrolled" }, Dataverse.Traces.Select(t => t.Text).ToArray());
    }

    [TestMethod]
    public void Forgetting_history_drops_executions_traces_and_succeeded_jobs_but_keeps_rows_counters_queued_and_failed_jobs()
    {
        // Harness API (not a server behaviour): long simulations forget what they have read so memory stays flat.
        Step("Create", "lead", PreOperation, s => s.Tracing.Trace("score {0}", 40));
        Step("Create", "lead", PostOperation, s =>
        {
            if (s.Target.GetAttributeValue<string>("lastname") == "Crash") throw new InvalidPluginExecutionException("async crash");
            s.Tracing.Trace("enrolled");
        }, mode: ExecutionMode.Asynchronous, other: true);
        var first = CreateLead();
        var crashed = CreateLead("Crash");
        Dataverse.DrainAsync();
        var second = CreateLead(); // its async job is still queued
        Assert.AreEqual(5, Dataverse.Audit.Count);
        Assert.AreEqual(3, Dataverse.AsyncJobs.Count);

        Dataverse.ForgetHistory();

        Assert.AreEqual(0, Dataverse.Audit.Count);
        Assert.AreEqual(0, Dataverse.Traces.Count);
        CollectionAssert.AreEqual(new[] { AsyncJobStatus.Failed, AsyncJobStatus.Waiting }, Dataverse.AsyncJobs.Select(j => j.Status).ToArray(),
            "the failed job and the queued one stay");
        Assert.AreEqual(crashed, Dataverse.AsyncJobs[0].Executions.Single().PrimaryEntityId);
        Assert.IsNotNull(Dataverse.Get("lead", first));
        Assert.AreEqual(3, Dataverse.Counters.ByMessageFromCaller["Create"]);
        Dataverse.DrainAsync();
        Assert.AreEqual(1, Dataverse.Audit.Count);
        Assert.AreEqual((typeof(OtherLambdaPlugin), second), (Dataverse.Audit[0].PluginType, Dataverse.Audit[0].PrimaryEntityId));
        CollectionAssert.AreEqual(new[] { "enrolled" }, Dataverse.Traces.Select(t => t.Text).ToArray());
    }

    [TestMethod]
    public void The_service_provider_answers_IPluginExecutionContext4()
    {
        // Source: anchors §3.4 "available on IPluginExecutionContext4, so the PluginBase must expose IPluginExecutionContext4".
        IPluginExecutionContext4? context4 = null;
        Step("Create", "lead", PreOperation, s => context4 = (IPluginExecutionContext4?)s.Provider.GetService(typeof(IPluginExecutionContext4)));
        CreateLead();
        Assert.IsNotNull(context4);
        Assert.AreEqual(2, context4.IsolationMode);
        Assert.AreEqual("lead", context4.PrimaryEntityName);
    }

    [TestMethod]
    public void SetState_runs_the_Update_pipeline_so_steps_filtered_on_statecode_fire()
    {
        // Source: anchors §4 "Updating statecode/statuscode through Update has been supported since CRM 2015 Update 1" (AlexaCRM/php-crm-toolkit#24).
        var id = CreateLead();
        var messages = new List<string>();
        Step("Update", "lead", PostOperation, s => messages.Add(s.Context.MessageName + " " + ((OptionSetValue)s.Target["statuscode"]).Value), filter: "statecode");
        Step("SetState", "lead", PreOperation, s => messages.Add(s.Context.MessageName), other: true);
        Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", id), State = new OptionSetValue(2), Status = new OptionSetValue(-1) });
        CollectionAssert.AreEqual(new[] { "SetState", "Update 4" }, messages);
        Assert.AreEqual(ErrorCodes.InvalidStateCodeStatusCode,
            Fault(() => Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", id), State = new OptionSetValue(1), Status = new OptionSetValue(5) })).ErrorCode);
    }

    [TestMethod]
    public void QualifyLead_creates_the_opportunity_through_the_pipeline_and_qualifies_the_lead()
    {
        // Source: brief §3 QualifyLead (originatingleadid, campaign from SourceCampaignId or the lead, name from subject, lead -> Qualified 1/3).
        var campaign = Service.Create(new Entity("campaign") { ["name"] = "Marketplace" });
        var lead = CreateLead("Doe", "jane@contoso.example", l => { l["companyname"] = "Contoso"; l["campaignid"] = new EntityReference("campaign", campaign); });
        var seen = new List<string>();
        Step("Create", "opportunity", PreOperation, s => seen.Add("opportunity create at depth " + s.Context.Depth));
        Step("Update", "lead", PostOperation, s => seen.Add("lead update state " + ((OptionSetValue)s.Target["statecode"]).Value), filter: "statecode", other: true);
        var response = (QualifyLeadResponse)Service.Execute(new QualifyLeadRequest
        {
            LeadId = new EntityReference("lead", lead), CreateOpportunity = true, CreateAccount = true, Status = new OptionSetValue(3),
        });
        var opportunityRef = response.CreatedEntities.Single(e => e.LogicalName == "opportunity");
        var opportunity = Row("opportunity", opportunityRef.Id);
        Assert.AreEqual("Lead Doe", opportunity.GetAttributeValue<string>("name"));
        Assert.AreEqual(lead, opportunity.GetAttributeValue<EntityReference>("originatingleadid").Id);
        Assert.AreEqual(campaign, opportunity.GetAttributeValue<EntityReference>("campaignid").Id);
        Assert.AreEqual("account", opportunity.GetAttributeValue<EntityReference>("customerid").LogicalName);
        var qualified = Row("lead", lead);
        Assert.AreEqual((1, 3), (qualified.GetAttributeValue<OptionSetValue>("statecode").Value, qualified.GetAttributeValue<OptionSetValue>("statuscode").Value));
        CollectionAssert.AreEqual(new[] { "opportunity create at depth 1", "lead update state 1" }, seen);
    }

    [TestMethod]
    public void Create_step_fires_per_item_of_CreateMultiple_with_Target()
    {
        // Source: anchors §3.4 "Merged pipelines. A bulk message raises the single-item Create event for every entity in Targets" (bulk-operations.md).
        var seen = new List<string>();
        Step("Create", "lead", PreOperation, s => { seen.Add(s.Context.MessageName + ":" + s.Target["lastname"]); s.Target["jobtitle"] = "enriched"; });
        var targets = new EntityCollection(new List<Entity> { new("lead") { ["lastname"] = "A" }, new("lead") { ["lastname"] = "B" } }) { EntityName = "lead" };
        var response = (CreateMultipleResponse)Service.Execute(new CreateMultipleRequest { Targets = targets });
        CollectionAssert.AreEqual(new[] { "Create:A", "Create:B" }, seen);
        Assert.AreEqual(2, response.Ids.Length);
        Assert.IsTrue(response.Ids.All(id => Row("lead", id).GetAttributeValue<string>("jobtitle") == "enriched"));
    }

    [TestMethod]
    public void A_request_steps_see_is_checked_column_by_column_and_holds_all_its_targets()
    {
        // Describing the request for its steps checks columns by position (as the main operation does): another case
        // at a position a column held before still faults; a CreateMultiple of more targets than a list's first room
        // keeps every item, id and post image.
        var seen = new List<string>();
        Step("Create", "lead", PostOperation, s => seen.Add(s.Target.GetAttributeValue<string>("lastname") + ":" + s.Context.PostEntityImages.Contains("post")), image: "post", imageType: ImageType.PostImage);
        Service.Create(new Entity("lead") { ["lastname"] = "First", ["numberofemployees"] = 5 });
        Assert.AreEqual(ErrorCodes.QueryBuilderNoAttribute, Fault(() => Service.Create(new Entity("lead") { ["lastname"] = "x", ["NumberOfEmployees"] = 5 })).ErrorCode);
        var names = new[] { "A", "B", "C", "D", "E", "F" };
        var targets = new EntityCollection(names.Select(n => new Entity("lead") { ["lastname"] = n }).ToList()) { EntityName = "lead" };
        var response = (CreateMultipleResponse)Service.Execute(new CreateMultipleRequest { Targets = targets });
        CollectionAssert.AreEqual(new[] { "First:True" }.Concat(names.Select(n => n + ":True")).ToArray(), seen);
        CollectionAssert.AreEqual(names, response.Ids.Select(id => Row("lead", id).GetAttributeValue<string>("lastname")).ToArray());
    }

    [TestMethod]
    public void CreateMultiple_step_fires_once_for_a_single_Create_with_a_one_item_Targets()
    {
        // Source: anchors §3.4 "A single message raises the bulk event with a one-item Targets".
        var counts = new List<int>();
        Step("CreateMultiple", "lead", PreOperation, s =>
        {
            var targets = (EntityCollection)s.Context.InputParameters["Targets"];
            counts.Add(targets.Entities.Count);
            targets.Entities[0]["jobtitle"] = "from bulk step";
        });
        var id = CreateLead();
        CollectionAssert.AreEqual(new[] { 1 }, counts);
        Assert.AreEqual("from bulk step", Row("lead", id).GetAttributeValue<string>("jobtitle"));
    }

    [TestMethod]
    public void CreateMultiple_validates_Targets_EntityName_and_one_logical_name()
    {
        // Source: anchors §1.3 FXE v3 CreateMultipleRequestExecutor validation.
        StringAssert.Contains(Fault(() => Service.Execute(new CreateMultipleRequest())).Message, "Required field 'Targets' is missing");
        StringAssert.Contains(Fault(() => Service.Execute(new CreateMultipleRequest { Targets = new EntityCollection(new List<Entity> { new("lead") }) })).Message,
            "Required member 'EntityName' missing for field 'Targets'");
        var mixed = new EntityCollection(new List<Entity> { new("lead") { ["lastname"] = "a" }, new("contact") { ["lastname"] = "b" } }) { EntityName = "lead" };
        StringAssert.Contains(Fault(() => Service.Execute(new CreateMultipleRequest { Targets = mixed })).Message, "PlatformName = lead while this entity has Platform Name: contact");
    }

    [TestMethod]
    public void CreateMultiple_with_a_duplicate_id_faults_and_writes_nothing()
    {
        // Source: anchors §1.3 "A duplicate id raises DuplicateRecord ('Cannot insert duplicate key')".
        var id = Guid.NewGuid();
        var targets = new EntityCollection(new List<Entity> { new("lead", id) { ["lastname"] = "a" }, new("lead", id) { ["lastname"] = "b" } }) { EntityName = "lead" };
        Assert.AreEqual(ErrorCodes.DuplicateRecord, Fault(() => Service.Execute(new CreateMultipleRequest { Targets = targets })).ErrorCode);
        Assert.AreEqual(0, Dataverse.Query("lead").Count);
    }

    [TestMethod]
    public void UpdateMultiple_step_images_are_index_aligned_with_Targets()
    {
        // Source: anchors §3.4 "PreEntityImagesCollection/PostEntityImagesCollection, index-aligned with Targets" (write-plugin-multiple-operation.md).
        var a = CreateLead("A");
        var b = CreateLead("B");
        string?[] preNames = Array.Empty<string>(), postTitles = Array.Empty<string>();
        var singleImages = -1;
        Dataverse.RegisterStep<LambdaPlugin>(new PluginStepAttribute("UpdateMultiple", "lead", PostOperation, ExecutionMode.Synchronous)
        {
            Image1Name = "pre", Image1Type = ImageType.PreImage, Image1Attributes = "lastname",
            Image2Name = "post", Image2Type = ImageType.PostImage, Image2Attributes = "jobtitle",
        }, LambdaPlugin.Register(s =>
        {
            preNames = s.Context4.PreEntityImagesCollection.Select(i => i["pre"].GetAttributeValue<string>("lastname")).ToArray();
            postTitles = s.Context4.PostEntityImagesCollection.Select(i => i["post"].GetAttributeValue<string>("jobtitle")).ToArray();
            singleImages = s.Context.PreEntityImages.Count;
        }));
        var targets = new EntityCollection(new List<Entity> { new("lead", b) { ["jobtitle"] = "title B" }, new("lead", a) { ["jobtitle"] = "title A" } }) { EntityName = "lead" };
        Service.Execute(new UpdateMultipleRequest { Targets = targets });
        CollectionAssert.AreEqual(new[] { "B", "A" }, preNames);
        CollectionAssert.AreEqual(new[] { "title B", "title A" }, postTitles);
        Assert.AreEqual(0, singleImages);
    }

    [TestMethod]
    public void UpdateMultiple_step_with_filtering_attributes_fires_when_any_target_has_one()
    {
        // Source: anchors §3.4 "Filtering attributes on UpdateMultiple fire the step if any entity in Targets contains a filtered column".
        var a = CreateLead("A");
        var b = CreateLead("B");
        var fired = 0;
        Step("UpdateMultiple", "lead", PostOperation, _ => fired++, filter: LeadTable.Columns.LeadScore);
        var targets = new EntityCollection(new List<Entity> { new("lead", a) { ["jobtitle"] = "x" }, new("lead", b) { [LeadTable.Columns.LeadScore] = 5 } }) { EntityName = "lead" };
        Service.Execute(new UpdateMultipleRequest { Targets = targets });
        Assert.AreEqual(1, fired);
    }

    [TestMethod]
    public void ExecuteMultiple_with_ContinueOnError_returns_faults_and_responses_in_order()
    {
        // Source: anchors §1.8 "Support ExecuteMultiple with ContinueOnError/ReturnResponses semantics" (v1#610, v1#151).
        var requests = new OrganizationRequestCollection
        {
            new CreateRequest { Target = new Entity("lead") { ["lastname"] = "ok" } },
            new RetrieveRequest { Target = new EntityReference("lead", Guid.NewGuid()), ColumnSet = new ColumnSet("lastname") },
            new CreateRequest { Target = new Entity("lead") { ["lastname"] = "ok too" } },
        };
        var response = (ExecuteMultipleResponse)Service.Execute(new ExecuteMultipleRequest
        {
            Requests = requests, Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
        });
        Assert.IsTrue(response.IsFaulted);
        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, response.Responses.Select(r => r.RequestIndex).ToArray());
        Assert.AreEqual(ErrorCodes.ObjectDoesNotExist, response.Responses[1].Fault.ErrorCode);
        Assert.AreEqual(2, Dataverse.Query("lead").Count);
        var stopping = (ExecuteMultipleResponse)Service.Execute(new ExecuteMultipleRequest
        {
            Requests = requests, Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = false },
        });
        Assert.AreEqual(1, stopping.Responses.Count);
        Assert.AreEqual(1, stopping.Responses[0].RequestIndex);
    }

    [TestMethod]
    public void ExecuteMultiple_from_inside_a_plugin_faults()
    {
        // Source: anchors §3.1 il-avoid-batch-plugin and §3.2 "No batch requests" (avoid-batch-requests-plugin.md).
        Step("Create", "lead", PostOperation, s => s.Service.Execute(new ExecuteMultipleRequest
        {
            Requests = new OrganizationRequestCollection(), Settings = new ExecuteMultipleSettings(),
        }));
        var fault = Fault(() => CreateLead());
        StringAssert.Contains(fault.Message, "cannot be used in a plug-in");
        Assert.AreEqual(0, Dataverse.Query("lead").Count);
    }

    [TestMethod]
    public void A_request_and_the_calls_its_steps_make_share_one_correlation_id_and_the_next_request_gets_its_own()
    {
        // Source: SDK docs IExecutionContext.CorrelationId ("used for tracking plug-in or custom workflow activity
        // execution"; the platform's loop detection follows it through the calls a plug-in makes).
        var issued = new List<Guid>();
        var rowIds = new SequentialIds(5000);
        Dataverse = NewDataverse(o => o.IdGenerator = () => { var id = rowIds.Next(); issued.Add(id); return id; });
        Service = Dataverse.GetOrganizationService();
        var seen = new List<(string Table, Guid Correlation)>();
        Step("Create", "lead", PostOperation, s =>
        {
            seen.Add(("lead", s.Context.CorrelationId));
            s.Service.Create(new Entity("task") { ["subject"] = "Follow up" });
        });
        Step("Create", "task", PreOperation, s => seen.Add(("task", s.Context.CorrelationId)));

        CreateLead("One");
        CreateLead("Two");

        CollectionAssert.AreEqual(new[] { "lead", "task", "lead", "task" }, seen.Select(x => x.Table).ToArray());
        Assert.AreNotEqual(Guid.Empty, seen[0].Correlation);
        Assert.AreEqual(seen[0].Correlation, seen[1].Correlation, "the task the first request's step created");
        Assert.AreEqual(seen[2].Correlation, seen[3].Correlation, "the task the second request's step created");
        Assert.AreNotEqual(seen[0].Correlation, seen[2].Correlation, "each outermost request has its own");
        // Correlation ids come from a sequence of their own: none is a row id, so rows get the same ids with or without steps.
        foreach (var (_, correlation) in seen) CollectionAssert.DoesNotContain(issued, correlation);
    }
}
