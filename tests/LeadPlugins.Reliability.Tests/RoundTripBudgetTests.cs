using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Reliability.Tests;

/// <summary>
/// Service round trips from the in-memory Dataverse's counters (deterministic, so asserted; times are benchmarks).
/// Enrichment: at most 5 reads per request whatever the batch size (CreateMultiple registration), at most 5 per lead under
/// the shipped Create registration, never a write. Nurture: at most 1 + steps writes per lead plus one lookup per batch.
/// The plug-ins' own suites hold the detailed cases; these run raw marketplace input through both plug-ins together.
/// </summary>
[TestClass]
public sealed class RoundTripBudgetTests : ReliabilityTestBase
{
    private const int EnrichmentBudget = 5;

    /// <summary>n raw marketplace leads with distinct e-mails (no repeat engagements), four actions, both storefronts.</summary>
    internal static List<Entity> MarketplaceLeads(int n, string prefix = "lead")
    {
        string[] sources = { "AppSource (SPZA)-PLT", "AzureMarketplace-INS", "AzurePortal-Create", "AppSource (SPZA)-StartTestDrive" };
        var leads = new List<Entity>(n);
        for (int i = 0; i < n; i++)
        {
            leads.Add(Lead(("subject", sources[i % sources.Length] + "|contoso.offer" + (i % 7)), ("firstname", "First" + i), ("lastname", "Last" + i),
                ("emailaddress1", prefix + i + "@company" + (i % 50) + ".com"), ("companyname", "Company " + i), ("jobtitle", "IT Manager"),
                ("address1_country", i % 3 == 0 ? "US" : "Germany"), ("telephone1", "+1 425 555 0" + (100 + i % 800))));
        }
        return leads;
    }

    /// <summary>Configuration in every table the enrichment reads, so every concern has rows (and an existing lead to match).</summary>
    private static void SeedConfiguration(InMemoryDataverse dataverse)
    {
        var seller = dataverse.AddUser("Seller");
        var campaign = new Entity("campaign", Guid.NewGuid()) { ["name"] = "AppSource nurture" };
        dataverse.Seed(campaign,
            new Entity(StorefrontSettingTable.LogicalName, Guid.NewGuid()) { [StorefrontSettingTable.Columns.Name] = "AppSource", [StorefrontSettingTable.Columns.Storefront] = new OptionSetValue((int)Storefront.AppSource), [StorefrontSettingTable.Columns.CampaignId] = campaign.ToEntityReference() },
            new Entity(OfferTable.LogicalName, Guid.NewGuid()) { [OfferTable.Columns.Name] = "Offer 1", [OfferTable.Columns.MarketplaceOfferId] = "offer1", [OfferTable.Columns.PublisherId] = "contoso" },
            new Entity(RoutingRuleTable.LogicalName, Guid.NewGuid()) { [RoutingRuleTable.Columns.Name] = "US", [RoutingRuleTable.Columns.Order] = 10, [RoutingRuleTable.Columns.CountryCodes] = "US", [RoutingRuleTable.Columns.AssignUserId] = new EntityReference("systemuser", seller) },
            new Entity("lead") { ["lastname"] = "Earlier", ["emailaddress1"] = "someone@elsewhere.com" });
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Enrichment_of_a_single_Create_costs_at_most_five_reads_and_no_write(Registration registration)
    {
        var dataverse = WithEnrichment(registration);
        SeedConfiguration(dataverse);
        dataverse.Counters.Reset();

        dataverse.GetOrganizationService().Create(MarketplaceLeads(1)[0]);

        var execution = dataverse.Audit.Single(a => a.PluginType == typeof(EnrichMarketplaceLead));
        Assert.IsLessThanOrEqualTo(EnrichmentBudget, execution.ServiceCalls);
        Assert.IsGreaterThan(0, execution.ServiceCalls, "a marketplace lead is looked up");
        CollectionAssert.AreEqual(new[] { "RetrieveMultiple" }, execution.ServiceCallsByMessage.Keys.ToArray(), "reads only");
        TestContext.WriteLine("{0} registration, one Create: {1} reads", registration, execution.ServiceCalls);
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(10)]
    [DataRow(100)]
    [DataRow(1000)]
    public void Enrichment_of_a_CreateMultiple_batch_costs_at_most_five_reads_whatever_its_size(int size)
    {
        var dataverse = WithEnrichment(Registration.CreateMultiple);
        SeedConfiguration(dataverse);
        dataverse.Counters.Reset();

        var ids = CreateLeads(dataverse.GetOrganizationService(), Registration.CreateMultiple, MarketplaceLeads(size));

        Assert.HasCount(size, ids);
        var execution = dataverse.Audit.Single();
        Assert.IsLessThanOrEqualTo(EnrichmentBudget, dataverse.Counters.FromPlugins, "whole batch");
        Assert.AreEqual(execution.ServiceCalls, dataverse.Counters.FromPlugins);
        CollectionAssert.AreEqual(new[] { "RetrieveMultiple" }, dataverse.Counters.ByMessageFromPlugins.Keys.ToArray(), "0 writes");
        Assert.IsTrue(ids.All(id => Status(dataverse.Get("lead", id)!) is EnrichmentStatus.Enriched or EnrichmentStatus.Partial));
    }

    [TestMethod]
    public void Enrichment_under_the_shipped_Create_registration_costs_at_most_five_reads_per_lead_of_a_CreateMultiple()
    {
        var dataverse = WithEnrichment(Registration.Create);
        SeedConfiguration(dataverse);
        dataverse.Counters.Reset();

        var ids = CreateLeads(dataverse.GetOrganizationService(), Registration.CreateMultiple, MarketplaceLeads(200));

        var executions = dataverse.Audit.Where(a => a.PluginType == typeof(EnrichMarketplaceLead)).ToList();
        Assert.HasCount(ids.Length, executions, "the Create step runs once per item");
        Assert.IsTrue(executions.All(e => e.ServiceCalls <= EnrichmentBudget && e.ServiceCallsByMessage.Keys.All(k => k == "RetrieveMultiple")));
        Assert.IsLessThanOrEqualTo(EnrichmentBudget * ids.Length, dataverse.Counters.FromPlugins);
        TestContext.WriteLine("Create registration, CreateMultiple of 200: {0} reads ({1:F1} per lead)", dataverse.Counters.FromPlugins, dataverse.Counters.FromPlugins / 200.0);
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Nurture_enrolment_writes_at_most_one_plus_steps_per_lead_plus_one_lookup_per_batch(Registration registration)
    {
        var dataverse = NewDataverse();
        RegisterEnrichment(dataverse, registration);
        if (registration == Registration.Create) dataverse.RegisterPlugin<EnrollLeadInNurture>();
        else dataverse.RegisterPluginForCreateMultiple<EnrollLeadInNurture>();
        var leads = MarketplaceLeads(100);

        var ids = CreateLeads(dataverse.GetOrganizationService(), Registration.CreateMultiple, leads);
        var jobs = dataverse.DrainAsync();

        Assert.IsTrue(jobs.All(j => j.Status == AsyncJobStatus.Succeeded), string.Join("\n", jobs.Select(j => j.Error)));
        var executions = dataverse.Audit.Where(a => a.PluginType == typeof(EnrollLeadInNurture)).ToList();
        Assert.HasCount(registration == Registration.Create ? ids.Length : 1, executions, "one job per lead (Create step) or per batch");
        var enrolments = dataverse.Query(NurtureEnrollmentTable.LogicalName);
        Assert.HasCount(ids.Length, enrolments, "every marketplace lead gets an enrolment (Active or Skipped)");
        int budgetWrites = enrolments.Sum(e => 1 + (e.GetAttributeValue<int?>(NurtureEnrollmentTable.Columns.StepsScheduled) ?? 0));
        Assert.AreEqual(budgetWrites, executions.Sum(e => e.ServiceCallsByMessage.GetValueOrDefault("Create")), "1 + steps per lead");
        Assert.IsTrue(executions.All(e => e.ServiceCallsByMessage.GetValueOrDefault("RetrieveMultiple") <= 1), "one lookup per batch");
        Assert.IsTrue(executions.All(e => e.ServiceCallsByMessage.Keys.All(k => k is "Create" or "RetrieveMultiple")), "no Update, Retrieve or Upsert");
        var activities = new[] { "task", "phonecall", "email" }.Sum(t => dataverse.Query(t).Count);
        Assert.AreEqual(budgetWrites - enrolments.Count, activities);
        TestContext.WriteLine("{0} registration, 100 leads: {1} nurture calls ({2} Create, {3} RetrieveMultiple) in {4} execution(s)", registration,
            executions.Sum(e => e.ServiceCalls), budgetWrites, executions.Sum(e => e.ServiceCallsByMessage.GetValueOrDefault("RetrieveMultiple")), executions.Count);
    }
}
