using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Schema;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>The opportunity QualifyLead creates carries the originating lead's marketplace attribution.</summary>
[TestClass]
public sealed class AttributionTests : NurtureTestBase
{
    [TestMethod]
    public void Qualifying_into_an_opportunity_carries_storefront_campaign_offer_stage_score_and_campaign()
    {
        var campaign = Guid.NewGuid();
        Dataverse.Seed(new Entity("campaign", campaign) { ["name"] = "Azure Marketplace demand generation" });
        var leadId = CreateLead(Storefront.AzureMarketplace, LeadAction.GetItNow, l =>
        {
            l[LeadTable.Columns.FunnelStage] = new OptionSetValue((int)FunnelStage.Acquisition);
            l[LeadTable.Columns.LeadScore] = 85;
            l[LeadTable.Columns.OfferId] = "contoso.saas-analytics";
            l["campaignid"] = new EntityReference("campaign", campaign);
        });
        Dataverse.DrainAsync();

        var response = (QualifyLeadResponse)Service.Execute(new QualifyLeadRequest
        {
            LeadId = new EntityReference("lead", leadId),
            Status = new OptionSetValue(3),
            CreateAccount = true,
            CreateOpportunity = true,
        });
        Dataverse.DrainAsync();

        AssertAllStepsSucceeded();
        var opportunityId = response.CreatedEntities.Single(e => e.LogicalName == "opportunity").Id;
        var opportunity = Dataverse.Get("opportunity", opportunityId)!;
        Assert.AreEqual((int)Storefront.AzureMarketplace, Option(opportunity, OpportunityTable.Columns.Storefront));
        Assert.AreEqual((int)CampaignType.DemandGeneration, Option(opportunity, OpportunityTable.Columns.CampaignType));
        Assert.AreEqual("contoso.saas-analytics", opportunity.GetAttributeValue<string>(OpportunityTable.Columns.OfferId));
        Assert.AreEqual("Contoso Analytics", opportunity.GetAttributeValue<string>(OpportunityTable.Columns.OfferTitle));
        Assert.AreEqual((int)FunnelStage.Acquisition, Option(opportunity, OpportunityTable.Columns.FunnelStage));
        Assert.AreEqual(85, opportunity.GetAttributeValue<int>(OpportunityTable.Columns.LeadScore));
        Assert.AreEqual(campaign, opportunity.GetAttributeValue<EntityReference>("campaignid").Id);

        var execution = SingleExecutionOf<CarryMarketplaceAttribution>();
        Assert.AreEqual(20, execution.Stage, "PreOperation: the values travel with the Create");
        Assert.AreEqual(1, execution.ServiceCalls, "one read of the originating lead");
        Assert.AreEqual(1, Calls(execution, "RetrieveMultiple"));
        Assert.AreEqual(EnrollmentStatus.Stopped, Status(EnrollmentOf(leadId)), "qualify also stopped the nurture");
    }

    [TestMethod]
    public void Values_already_on_the_opportunity_are_kept()
    {
        var leadCampaign = Guid.NewGuid();
        var otherCampaign = Guid.NewGuid();
        Dataverse.Seed(new Entity("campaign", leadCampaign) { ["name"] = "Lead's" }, new Entity("campaign", otherCampaign) { ["name"] = "Chosen at qualify" });
        var leadId = CreateLead(more: l => l["campaignid"] = new EntityReference("campaign", leadCampaign));

        var response = (QualifyLeadResponse)Service.Execute(new QualifyLeadRequest
        {
            LeadId = new EntityReference("lead", leadId),
            Status = new OptionSetValue(3),
            CreateOpportunity = true,
            SourceCampaignId = new EntityReference("campaign", otherCampaign),
        });

        var opportunity = Dataverse.Get("opportunity", response.CreatedEntities.Single().Id)!;
        Assert.AreEqual(otherCampaign, opportunity.GetAttributeValue<EntityReference>("campaignid").Id, "the qualify's source campaign wins");
        Assert.AreEqual((int)Storefront.AppSource, Option(opportunity, OpportunityTable.Columns.Storefront));

        var direct = Service.Create(new Entity("opportunity") { ["name"] = "Direct", ["originatingleadid"] = new EntityReference("lead", leadId), [OpportunityTable.Columns.LeadScore] = 99 });
        Assert.AreEqual(99, Dataverse.Get("opportunity", direct)!.GetAttributeValue<int>(OpportunityTable.Columns.LeadScore));
        Assert.AreEqual("Contoso Analytics", Dataverse.Get("opportunity", direct)!.GetAttributeValue<string>(OpportunityTable.Columns.OfferTitle));
    }

    [TestMethod]
    public void An_opportunity_without_originating_lead_costs_no_query()
    {
        Service.Create(new Entity("opportunity") { ["name"] = "From scratch" });

        Assert.AreEqual(0, SingleExecutionOf<CarryMarketplaceAttribution>().ServiceCalls);
    }

    [TestMethod]
    public void A_batch_of_opportunities_reads_all_originating_leads_in_one_query()
    {
        Dataverse.RegisterPluginForCreateMultiple<CarryMarketplaceAttribution>();
        var leads = Enumerable.Range(0, 20).Select(i => CreateLead(i % 2 == 0 ? Storefront.AppSource : Storefront.AzureMarketplace, offer: "Offer " + i)).ToList();
        var targets = new EntityCollection(leads.Select((id, i) => new Entity("opportunity") { ["name"] = "Opp " + i, ["originatingleadid"] = new EntityReference("lead", id) }).ToList())
        { EntityName = "opportunity" };

        var ids = ((Microsoft.Xrm.Sdk.Messages.CreateMultipleResponse)Service.Execute(new Microsoft.Xrm.Sdk.Messages.CreateMultipleRequest { Targets = targets })).Ids;

        var bulk = Dataverse.Audit.Where(e => e.PluginType == typeof(CarryMarketplaceAttribution) && e.MessageName == "CreateMultiple").Single();
        Assert.AreEqual(1, bulk.ServiceCalls, "20 originating leads, one RetrieveMultiple");
        for (var i = 0; i < ids.Length; i++)
            Assert.AreEqual("Offer " + i, Dataverse.Get("opportunity", ids[i])!.GetAttributeValue<string>(OpportunityTable.Columns.OfferTitle));
    }

    [TestMethod]
    public void A_failure_while_reading_the_lead_is_traced_and_the_save_goes_on()
    {
        var context = new PluginExecutionContext();
        var opportunity = new Entity("opportunity") { ["name"] = "Saved anyway", ["originatingleadid"] = new EntityReference("lead", Guid.NewGuid()) };
        context.InputParameters["Target"] = opportunity;
        var tracing = new ListTracing();

        new CarryMarketplaceAttribution(null, null).Execute(new Provider(context, new ThrowingFactory(), tracing));

        StringAssert.Contains(tracing.ToString(), "Marketplace attribution skipped: TimeoutException: The request channel timed out.");
        Assert.IsFalse(opportunity.Contains(LeadTable.Columns.Storefront));
    }

    private sealed class Provider(IPluginExecutionContext context, IOrganizationServiceFactory factory, ITracingService tracing) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            if (serviceType == typeof(IPluginExecutionContext)) return context;
            if (serviceType == typeof(IOrganizationServiceFactory)) return factory;
            if (serviceType == typeof(ITracingService)) return tracing;
            return null;
        }
    }

    private sealed class ThrowingFactory : IOrganizationServiceFactory
    {
        public IOrganizationService CreateOrganizationService(Guid? userId) => new ThrowingService();
    }

    private sealed class ThrowingService : IOrganizationService
    {
        private static Exception Timeout() => new TimeoutException("The request channel timed out.");
        public Guid Create(Entity entity) => throw Timeout();
        public Entity Retrieve(string entityName, Guid id, Microsoft.Xrm.Sdk.Query.ColumnSet columnSet) => throw Timeout();
        public void Update(Entity entity) => throw Timeout();
        public void Delete(string entityName, Guid id) => throw Timeout();
        public OrganizationResponse Execute(OrganizationRequest request) => throw Timeout();
        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw Timeout();
        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw Timeout();
        public EntityCollection RetrieveMultiple(Microsoft.Xrm.Sdk.Query.QueryBase query) => throw Timeout();
    }
}
