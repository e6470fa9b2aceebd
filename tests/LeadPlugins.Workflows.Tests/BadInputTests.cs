using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Workflow;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Workflows.Tests;

/// <summary>
/// Bad input to any activity that takes a lead ends in an InvalidPluginExecutionException naming the activity and the
/// problem (what the workflow's System Job shows), never a NullReferenceException or a raw fault, and writes nothing.
/// </summary>
[TestClass]
public sealed class BadInputTests : WorkflowServiceTestBase
{
    private object Run(string activity, EntityReference? lead) => activity switch
    {
        LeadWorkflowActivityNames.Score => Leads.Score(lead),
        LeadWorkflowActivityNames.Route => Leads.Route(lead, assignNow: true),
        LeadWorkflowActivityNames.Enroll => Leads.Enroll(lead, null),
        LeadWorkflowActivityNames.Stop => Leads.Stop(lead, "Because"),
        _ => throw new ArgumentOutOfRangeException(nameof(activity)),
    };

    [TestMethod]
    [DataRow(LeadWorkflowActivityNames.Score)]
    [DataRow(LeadWorkflowActivityNames.Route)]
    [DataRow(LeadWorkflowActivityNames.Enroll)]
    [DataRow(LeadWorkflowActivityNames.Stop)]
    public void No_lead(string activity)
    {
        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => Run(activity, null));

        Assert.AreEqual(activity + ": the input 'Lead' is required (a lead).", error.Message);
    }

    [TestMethod]
    [DataRow(LeadWorkflowActivityNames.Score)]
    [DataRow(LeadWorkflowActivityNames.Route)]
    [DataRow(LeadWorkflowActivityNames.Enroll)]
    [DataRow(LeadWorkflowActivityNames.Stop)]
    public void A_lead_reference_without_id(string activity)
    {
        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => Run(activity, new EntityReference("lead", Guid.Empty)));

        Assert.AreEqual(activity + ": the input 'Lead' has no id.", error.Message);
    }

    [TestMethod]
    [DataRow(LeadWorkflowActivityNames.Score)]
    [DataRow(LeadWorkflowActivityNames.Route)]
    [DataRow(LeadWorkflowActivityNames.Enroll)]
    [DataRow(LeadWorkflowActivityNames.Stop)]
    public void A_reference_to_another_table(string activity)
    {
        var contact = Service.Create(new Entity("contact") { ["lastname"] = "Not a lead" });

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => Run(activity, new EntityReference("contact", contact)));

        Assert.AreEqual(activity + ": the input 'Lead' must be a lead, not a contact.", error.Message);
    }

    [TestMethod]
    [DataRow(LeadWorkflowActivityNames.Score)]
    [DataRow(LeadWorkflowActivityNames.Route)]
    [DataRow(LeadWorkflowActivityNames.Enroll)]
    [DataRow(LeadWorkflowActivityNames.Stop)]
    public void A_lead_that_does_not_exist(string activity)
    {
        var deleted = CreateEnrichedLead();
        Service.Delete("lead", deleted);
        Dataverse.Counters.Reset();

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => Run(activity, LeadRef(deleted)));

        Assert.AreEqual(activity + ": the lead " + deleted.ToString("D") + " does not exist (deleted, or you cannot read it).", error.Message);
        Assert.IsInstanceOfType<System.ServiceModel.FaultException<OrganizationServiceFault>>(error.InnerException, "the platform's fault is kept as the inner exception");
        Assert.AreEqual(0, Dataverse.Counters["Create"] + Dataverse.Counters["Update"]);
        StringAssert.Contains(Tracing.ToString(), error.Message);
    }

    [TestMethod]
    public void A_fault_of_a_service_call_is_reported_with_the_activity_and_the_platform_message()
    {
        // E.g. the workflow's user may not assign leads: the Update of ownerid faults.
        AddRoutingRule("Everything", 1, AddUser("Seller"));
        var leadId = CreateWriterLead();
        Dataverse.RegisterStep<FailingWrite>(new PluginStepAttribute("Update", "lead", PipelineStage.PreValidation, ExecutionMode.Synchronous) { FilteringAttributes = "ownerid" });

        var error = Assert.ThrowsExactly<InvalidPluginExecutionException>(() => Leads.Route(LeadRef(leadId), assignNow: true));

        StringAssert.StartsWith(error.Message, "Route lead failed: Assign refused for the test. (error 80040265)");
        Assert.IsInstanceOfType<System.ServiceModel.FaultException<OrganizationServiceFault>>(error.InnerException);
    }
}

/// <summary>Refuses the write it is registered on, as a missing privilege would.</summary>
public sealed class FailingWrite : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException("Assign refused for the test.");
}
