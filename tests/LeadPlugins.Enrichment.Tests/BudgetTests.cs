using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Enrichment.Tests;

/// <summary>Round trips: at most 5 reads per request whatever the batch size, and no writes (the Target is changed in place).</summary>
[TestClass]
public sealed class BudgetTests : EnrichmentTestBase
{
    private const int Budget = 5;

    /// <summary>Configuration in every table, so every concern has rows to read.</summary>
    private void SeedConfiguration()
    {
        var seller = User("Seller");
        AddStorefrontSetting("AppSource", Storefront.AppSource, r => r[StorefrontSettingTable.Columns.CampaignId] = new EntityReference("campaign", AddCampaign("AppSource nurture")));
        AddOffer("Contoso Field Service Accelerator", offerId: "contoso-field-service-accelerator", publisherId: "contoso");
        AddRoutingRule("US", 10, seller, r => r[RoutingRuleTable.Columns.CountryCodes] = "US");
        Dataverse.Seed(new Entity("lead") { ["lastname"] = "Earlier", ["emailaddress1"] = "grace.hopper@tailspintoys.com", ["createdon"] = T0.AddDays(-3) });
    }

    /// <summary>n leads from the samples, each with its own e-mail except every 10th, which repeats the one before.</summary>
    private static Entity[] SampleBatch(int n)
    {
        var rows = Samples.LeadRows();
        var payloads = Samples.PayloadLines();
        var leads = new Entity[n];
        for (int i = 0; i < n; i++)
        {
            Entity lead;
            if (i % 3 == 2) lead = new Entity("lead") { ["lastname"] = "Payload " + i, ["description"] = payloads[i % payloads.Count] };
            else
            {
                lead = new Entity("lead");
                foreach (var pair in rows[i % rows.Count].Attributes) lead[pair.Key] = pair.Value;
            }
            lead["emailaddress1"] = "customer" + (i % 10 == 9 ? i - 1 : i) + "@contoso-buyers.com";
            leads[i] = lead;
        }
        return leads;
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void A_single_lead_costs_at_most_five_reads_and_no_write(Registration registration)
    {
        Start(registration);
        SeedConfiguration();
        Dataverse.Counters.Reset();

        var row = Save(WriterLead("AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator"));

        AssertStatus(EnrichmentStatus.Enriched, row);
        Assert.IsNotNull(row.GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf), "every concern had rows to read");
        var execution = EnrichmentExecutions.Single();
        Assert.AreEqual(4, execution.ServiceCalls, "settings (with campaign), offers, routing rules, open leads");
        Assert.IsTrue(execution.ServiceCalls <= Budget);
        CollectionAssert.AreEqual(new[] { "RetrieveMultiple" }, Dataverse.Counters.ByMessageFromPlugins.Keys.ToArray(), "reads only: no write");
        Assert.AreEqual(1, Dataverse.Counters.FromCaller);
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void A_batch_without_marketplace_leads_reads_nothing(Registration registration)
    {
        Start(registration);
        SeedConfiguration();
        Dataverse.Counters.Reset();

        Save(Lead(("subject", "Website enquiry"), ("lastname", "One")), Lead(("subject", "Trade show"), ("lastname", "Two")));

        Assert.AreEqual(0, Dataverse.Counters.FromPlugins);
    }

    [TestMethod]
    public void CreateMultiple_of_1000_leads_with_the_CreateMultiple_registration_costs_at_most_five_reads_in_total()
    {
        Start(Registration.CreateMultiple);
        SeedConfiguration();
        Dataverse.Counters.Reset();

        var ids = CreateLeads(SampleBatch(1000));

        Assert.AreEqual(1000, ids.Length);
        var execution = EnrichmentExecutions.Single();
        Assert.AreEqual(4, Dataverse.Counters.FromPlugins, "one read per concern for the whole batch");
        Assert.IsTrue(Dataverse.Counters.FromPlugins <= Budget);
        Assert.AreEqual(4, execution.ServiceCallsByMessage["RetrieveMultiple"]);
        var rows = ids.Select(Stored).ToArray();
        Assert.IsTrue(rows.All(r => Status(r).HasValue), "every lead has a status");
        Assert.IsTrue(rows.Count(r => Status(r) is EnrichmentStatus.Enriched or EnrichmentStatus.Partial) > 700);
        Assert.AreEqual(ids[18], rows[19].GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf)?.Id, "same-batch pairs in bulk too (rows 18 and 19 share an e-mail)");
        TestContext.WriteLine("CreateMultiple registration, 1,000 leads: {0} plug-in requests ({1}); statuses {2}", Dataverse.Counters.FromPlugins,
            string.Join(", ", Dataverse.Counters.ByMessageFromPlugins.Select(p => p.Key + " " + p.Value)),
            string.Join(", ", rows.GroupBy(Status).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count())));
    }

    [TestMethod]
    public void CreateMultiple_of_1000_leads_with_the_shipped_Create_registration_costs_at_most_five_reads_per_lead()
    {
        Start(Registration.Create);
        SeedConfiguration();
        Dataverse.Counters.Reset();

        var ids = CreateLeads(Registration.CreateMultiple, SampleBatch(1000));

        Assert.AreEqual(1000, ids.Length);
        var executions = EnrichmentExecutions;
        Assert.AreEqual(1000, executions.Count, "the Create step runs once per item of the CreateMultiple");
        Assert.IsTrue(executions.All(e => e.ServiceCalls <= Budget), "at most 5 per lead");
        Assert.IsTrue(executions.All(e => e.ServiceCallsByMessage.Keys.All(k => k == "RetrieveMultiple")));
        Assert.IsTrue(Dataverse.Counters.FromPlugins <= Budget * ids.Length);
        TestContext.WriteLine("Create registration, CreateMultiple of 1,000 leads: {0} plug-in requests in {1} executions (max {2} per lead)",
            Dataverse.Counters.FromPlugins, executions.Count, executions.Max(e => e.ServiceCalls));
    }

    [TestMethod]
    public void The_reads_name_their_columns_and_pass_In_values_one_by_one()
    {
        Start(Registration.CreateMultiple);
        SeedConfiguration();
        var queries = new List<QueryExpression>();
        foreach (var table in new[] { StorefrontSettingTable.LogicalName, OfferTable.LogicalName, RoutingRuleTable.LogicalName, "lead" })
            QueryProbe.Register(Dataverse, table, context => queries.Add((QueryExpression)context.InputParameters["Query"]));

        CreateLeads(WriterLead("AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator"),
            Lead(("description", Samples.PayloadLines()[1])));

        Assert.AreEqual(4, queries.Count);
        foreach (var query in queries)
        {
            Assert.IsFalse(query.ColumnSet.AllColumns, query.EntityName);
            Assert.IsTrue(query.ColumnSet.Columns.Count > 0, query.EntityName);
            Assert.IsTrue(query.LinkEntities.All(l => !l.Columns.AllColumns), query.EntityName);
        }
        var offers = queries.Single(q => q.EntityName == OfferTable.LogicalName);
        var keys = offers.Criteria.Filters.Single().Conditions;
        CollectionAssert.AreEqual(new object[] { "contoso-field-service-accelerator" }, keys.Single(c => c.AttributeName == EnrichmentQueries.OfferIdColumn).Values.ToArray());
        CollectionAssert.AreEqual(new object[] { "Contoso Field Service Accelerator" }, keys.Single(c => c.AttributeName == OfferTable.Columns.Name).Values.ToArray());
        var open = queries.Single(q => q.EntityName == "lead");
        CollectionAssert.AreEquivalent(new object[] { "grace.hopper@tailspintoys.com", "mette.jensen@fabrikam.dk" },
            open.Criteria.Conditions.Single(c => c.AttributeName == "emailaddress1").Values.ToArray());
        var settings = queries.Single(q => q.EntityName == StorefrontSettingTable.LogicalName);
        Assert.AreEqual(JoinOperator.LeftOuter, settings.LinkEntities.Single().JoinOperator, "an inactive campaign must not hide its setting");
    }
}
