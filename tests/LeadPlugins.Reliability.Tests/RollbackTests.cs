using System.ServiceModel;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Reliability.Tests;

/// <summary>
/// A failure after the enrichment wrote its columns (a later synchronous step throws) leaves no partial rows: no lead, no
/// enrolment, no activities, no queued job; the caller sees that step's message.
/// </summary>
[TestClass]
public sealed class RollbackTests : ReliabilityTestBase
{
    private const string Injected = "Injected failure after enrichment: the CRM's own validation refused the lead.";

    /// <summary>A test-only later step: PostOperation, synchronous, Create of lead; throws for leads whose last name is "Fail".</summary>
    public sealed class ThrowAfterEnrichment : IPlugin
    {
        public ThrowAfterEnrichment(string unsecure, string secure) { }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var targets = context.InputParameters.TryGetValue("Targets", out var many) && many is EntityCollection collection
                ? collection.Entities.ToList() : new List<Entity> { (Entity)context.InputParameters["Target"] };
            // The enrichment ran first: its columns are on the Target being saved.
            if (targets.Any(t => !t.Contains(LeadTable.Columns.EnrichmentStatus))) throw new InvalidOperationException("enrichment did not run before this step");
            if (targets.Any(t => t.GetAttributeValue<string>("lastname") == "Fail")) throw new InvalidPluginExecutionException(Injected);
        }
    }

    private static InMemoryDataverse Pipeline(Registration registration)
    {
        var dataverse = NewDataverse();
        RegisterEnrichment(dataverse, registration);
        dataverse.RegisterPlugin<EnrollLeadInNurture>();
        dataverse.RegisterStep<ThrowAfterEnrichment>(new PluginStepAttribute(registration == Registration.Create ? "Create" : "CreateMultiple", "lead",
            PipelineStage.PostOperation, ExecutionMode.Synchronous));
        return dataverse;
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void A_later_step_that_throws_rolls_back_the_enriched_lead_and_queues_no_enrolment(Registration registration)
    {
        var dataverse = Pipeline(registration);
        var lead = RoundTripBudgetTests.MarketplaceLeads(1)[0];
        lead["lastname"] = "Fail";

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => CreateLeads(dataverse.GetOrganizationService(), registration, new[] { lead }));

        Assert.AreEqual(Injected, fault.Detail.Message, "the caller sees the failing step's message");
        Assert.AreEqual(ErrorCodes.IsvAborted, fault.Detail.ErrorCode);
        var enrichment = dataverse.Audit.Single(a => a.PluginType == typeof(EnrichMarketplaceLead));
        Assert.AreEqual(StepOutcome.Succeeded, enrichment.Outcome, "the enrichment itself succeeded and wrote its columns");
        AssertNothingWritten(dataverse);
    }

    [TestMethod]
    public void One_failing_lead_rolls_back_its_whole_CreateMultiple_batch()
    {
        var dataverse = Pipeline(Registration.CreateMultiple);
        var leads = RoundTripBudgetTests.MarketplaceLeads(50);
        leads[37]["lastname"] = "Fail";

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => CreateLeads(dataverse.GetOrganizationService(), Registration.CreateMultiple, leads));

        Assert.AreEqual(Injected, fault.Detail.Message);
        AssertNothingWritten(dataverse);

        // The same batch without the failing lead saves all 50 and enrols them: the rollback left nothing that blocks a retry.
        leads[37]["lastname"] = "Fixed";
        var ids = CreateLeads(dataverse.GetOrganizationService(), Registration.CreateMultiple, leads);
        dataverse.DrainAsync();
        Assert.HasCount(50, dataverse.Query("lead"));
        Assert.HasCount(50, dataverse.Query(NurtureEnrollmentTable.LogicalName));
        Assert.IsTrue(ids.All(id => dataverse.Get("lead", id)!.Contains(LeadTable.Columns.EnrichmentStatus)));
    }

    private static void AssertNothingWritten(InMemoryDataverse dataverse)
    {
        Assert.IsEmpty(dataverse.Query("lead"), "no lead");
        Assert.AreEqual(0, dataverse.PendingAsyncJobs, "no enrolment job queued for a rolled-back lead");
        Assert.IsEmpty(dataverse.AsyncJobs);
        dataverse.DrainAsync();
        Assert.IsEmpty(dataverse.Query(NurtureEnrollmentTable.LogicalName), "no enrolment");
        foreach (var table in new[] { "task", "phonecall", "email", "activityparty" }) Assert.IsEmpty(dataverse.Query(table), "no " + table);
    }
}
