using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Workflows.Tests;

/// <summary>"Score lead" and "Route lead" on stored leads: the enrichment service's reads and rules, the workflow's outputs.</summary>
[TestClass]
public sealed class ScoreAndRouteTests : WorkflowServiceTestBase
{
    // ---- Score lead ------------------------------------------------------------------------------------------------

    [TestMethod]
    public void Score_gives_the_score_rating_and_explanation_the_enrichment_plug_in_wrote()
    {
        Dataverse.RegisterPlugin<EnrichMarketplaceLead>();
        var leadId = CreateWriterLead();
        var stored = Dataverse.Get("lead", leadId)!;
        Dataverse.Counters.Reset();

        var result = Leads.Score(LeadRef(leadId));

        Assert.IsTrue(result.Scored);
        Assert.AreEqual(75, result.Score, result.Explanation);
        Assert.AreEqual((int)Rating.Hot, Value(result.Rating));
        Assert.AreEqual(stored.GetAttributeValue<int>(LeadTable.Columns.LeadScore), result.Score);
        Assert.AreEqual(Option(stored, "leadqualitycode"), Value(result.Rating));
        Assert.AreEqual(stored.GetAttributeValue<string>(LeadTable.Columns.ScoreReason), result.Explanation);
        StringAssert.StartsWith(result.Explanation, "Contact me (PLT) +25");
        Assert.AreEqual(0, Dataverse.Counters["Create"] + Dataverse.Counters["Update"], "scoring writes nothing");
        Assert.AreEqual(1, Dataverse.Counters["Retrieve"], "the lead, with the enrichment service's input columns");
        StringAssert.Contains(Tracing.ToString(), "Score lead: lead " + leadId.ToString("D") + " scored 75 (Hot).");
    }

    [TestMethod]
    public void A_free_mail_lead_without_company_scores_lower_and_rates_warm_or_cold()
    {
        var leadId = CreateWriterLead(subject: "AzureMarketplace-INS|contoso.contoso-saas", email: "someone@gmail.com", jobTitle: null, country: null,
            more: l => l["companyname"] = null);

        var result = Leads.Score(LeadRef(leadId));

        Assert.IsTrue(result.Scored);
        // Get it now +40, Azure Marketplace +5, free mail -5, phone +5.
        Assert.AreEqual(45, result.Score, result.Explanation);
        Assert.AreEqual((int)Rating.Warm, Value(result.Rating));
        StringAssert.Contains(result.Explanation, "-5");
    }

    [TestMethod]
    [DataRow("Website enquiry", "not a marketplace lead")]
    [DataRow("MSFT_TEST_636737558587117715-MSFT_TEST_636737558587117715|Contoso Test", "a Partner Center test lead")]
    public void Leads_enrichment_does_not_score_are_not_scored_and_say_why(string subject, string reason)
    {
        var leadId = CreateWriterLead(subject: subject);

        var result = Leads.Score(LeadRef(leadId));

        Assert.IsFalse(result.Scored);
        Assert.AreEqual(0, result.Score);
        Assert.IsNull(result.Rating);
        StringAssert.StartsWith(result.Explanation, "Not scored: " + reason);
    }

    // ---- Route lead ------------------------------------------------------------------------------------------------

    [TestMethod]
    public void Route_without_assign_now_returns_the_rule_owner_and_leaves_the_lead_alone()
    {
        var seller = AddUser("Giulia Bianchi");
        AddRoutingRule("Southern Europe AppSource", 10, seller, r => r[RoutingRuleTable.Columns.CountryCodes] = "IT, ES, PT");
        var leadId = CreateWriterLead();
        Dataverse.Counters.Reset();

        var result = Leads.Route(LeadRef(leadId), assignNow: false);

        Assert.AreEqual(seller, result.OwnerUser);
        Assert.IsNull(result.OwnerTeam);
        Assert.IsFalse(result.OwnerChanged);
        StringAssert.Contains(result.Explanation, "routing rule 'Southern Europe AppSource' (order 10)");
        Assert.AreEqual(Dataverse.CallerId, Dataverse.Get("lead", leadId)!.GetAttributeValue<EntityReference>("ownerid").Id, "not assigned");
        Assert.AreEqual(0, Dataverse.Counters["Update"]);
    }

    [TestMethod]
    public void Route_with_assign_now_updates_ownerid_once_and_never_uses_Assign()
    {
        var seller = AddUser("Giulia Bianchi");
        AddRoutingRule("Everything", 1, seller);
        var leadId = CreateWriterLead();
        Dataverse.Counters.Reset();

        var first = Leads.Route(LeadRef(leadId), assignNow: true);

        Assert.IsTrue(first.OwnerChanged);
        Assert.AreEqual(seller, first.OwnerUser);
        Assert.AreEqual(seller.Id, Dataverse.Get("lead", leadId)!.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(1, Dataverse.Counters["Update"]);
        Assert.AreEqual(0, Dataverse.Counters["Assign"], "checker rule il-avoid-specialized-update-ops: Update of ownerid, not AssignRequest");
        StringAssert.Contains(Tracing.ToString(), "Assign now: ownerid updated (was systemuser " + Dataverse.CallerId.ToString("D") + ")");

        Dataverse.Counters.Reset();
        var second = Leads.Route(LeadRef(leadId), assignNow: true);

        Assert.IsFalse(second.OwnerChanged, "already the owner");
        Assert.AreEqual(seller, second.OwnerUser);
        Assert.AreEqual(0, Dataverse.Counters["Update"]);
    }

    [TestMethod]
    public void A_team_owner_comes_out_as_the_team_output()
    {
        var team = AddTeam("AppSource inside sales");
        AddRoutingRule("AppSource to team", 1, team, r => r[LeadTable.Columns.Storefront] = new OptionSetValue((int)Storefront.AppSource));
        var leadId = CreateWriterLead();

        var result = Leads.Route(LeadRef(leadId), assignNow: true);

        Assert.AreEqual(team, result.OwnerTeam);
        Assert.IsNull(result.OwnerUser);
        Assert.IsTrue(result.OwnerChanged);
        Assert.AreEqual(team, Dataverse.Get("lead", leadId)!.GetAttributeValue<EntityReference>("ownerid"));
    }

    [TestMethod]
    public void Route_is_an_explicit_request_so_a_lead_someone_already_owns_is_routed_too()
    {
        // Enrichment keeps an owner the writer chose; the workflow asks on purpose and gets the routed owner.
        var seller = AddUser("Routed seller");
        var other = AddUser("Chosen by hand");
        AddRoutingRule("Everything", 1, seller);
        var leadId = CreateWriterLead(more: l => l["ownerid"] = other);
        Assert.AreEqual(other, Dataverse.Get("lead", leadId)!.GetAttributeValue<EntityReference>("ownerid"));

        var result = Leads.Route(LeadRef(leadId), assignNow: true);

        Assert.AreEqual(seller, result.OwnerUser);
        Assert.IsTrue(result.OwnerChanged);
        Assert.AreEqual(seller, Dataverse.Get("lead", leadId)!.GetAttributeValue<EntityReference>("ownerid"));
    }

    [TestMethod]
    public void The_storefront_default_owner_is_used_when_no_rule_matches()
    {
        var fallback = AddUser("AppSource desk");
        Dataverse.Seed(new Entity(StorefrontSettingTable.LogicalName, Guid.NewGuid())
        {
            [StorefrontSettingTable.Columns.Name] = "AppSource", [StorefrontSettingTable.Columns.Storefront] = new OptionSetValue((int)Storefront.AppSource), [StorefrontSettingTable.Columns.DefaultUserId] = fallback,
        });
        AddRoutingRule("Azure only", 1, AddUser("Azure seller"), r => r[StorefrontSettingTable.Columns.Storefront] = new OptionSetValue((int)Storefront.AzureMarketplace));
        var leadId = CreateWriterLead();

        var result = Leads.Route(LeadRef(leadId), assignNow: false);

        Assert.AreEqual(fallback, result.OwnerUser);
        StringAssert.Contains(result.Explanation, "storefront default owner");
    }

    [TestMethod]
    public void A_marketplace_lead_without_any_owner_configured_keeps_its_owner()
    {
        var leadId = CreateWriterLead();

        var result = Leads.Route(LeadRef(leadId), assignNow: true);

        Assert.IsNull(result.OwnerUser);
        Assert.IsNull(result.OwnerTeam);
        Assert.IsFalse(result.OwnerChanged);
        StringAssert.Contains(result.Explanation, "owner unchanged");
        StringAssert.Contains(Tracing.ToString(), "Assign now: no owner to assign.");
    }

    [TestMethod]
    public void A_lead_that_is_not_from_the_marketplace_is_not_routed()
    {
        AddRoutingRule("Everything", 1, AddUser("Seller"));
        var leadId = CreateWriterLead(subject: "Website enquiry");
        Dataverse.Counters.Reset();

        var result = Leads.Route(LeadRef(leadId), assignNow: true);

        Assert.IsNull(result.OwnerUser);
        Assert.IsFalse(result.OwnerChanged);
        StringAssert.StartsWith(result.Explanation, "Not routed: not a marketplace lead");
        Assert.AreEqual(0, Dataverse.Counters["Update"]);
    }

    [TestMethod]
    public void When_the_routing_rules_cannot_be_read_no_owner_is_returned_or_assigned()
    {
        // A storefront default exists, but a rule might have matched: any owner could be the wrong one.
        Dataverse.Seed(new Entity(StorefrontSettingTable.LogicalName, Guid.NewGuid())
        {
            [StorefrontSettingTable.Columns.Name] = "AppSource", [StorefrontSettingTable.Columns.Storefront] = new OptionSetValue((int)Storefront.AppSource), [StorefrontSettingTable.Columns.DefaultUserId] = AddUser("Desk"),
        });
        Dataverse.RegisterStep<FailingRead>(new PluginStepAttribute("RetrieveMultiple", RoutingRuleTable.LogicalName, PipelineStage.PreOperation, ExecutionMode.Synchronous));
        var leadId = CreateWriterLead();

        var result = Leads.Route(LeadRef(leadId), assignNow: true);

        Assert.IsNull(result.OwnerUser);
        Assert.IsFalse(result.OwnerChanged);
        StringAssert.Contains(result.Explanation, "routing rules could not be read");
        Assert.AreEqual(Dataverse.CallerId, Dataverse.Get("lead", leadId)!.GetAttributeValue<EntityReference>("ownerid").Id);
    }
}

/// <summary>Makes the query it is registered on fail, as a privilege or time-out fault would.</summary>
public sealed class FailingRead : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException("Read refused for the test.");
}
