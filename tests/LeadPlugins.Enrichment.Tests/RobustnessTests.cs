using System.ServiceModel;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Enrichment.Tests;

/// <summary>Never block the save: failing reads, failing leads, huge values and what the writer set.</summary>
[TestClass]
public sealed class RobustnessTests : EnrichmentTestBase
{
    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void A_routing_rule_read_that_throws_leaves_the_lead_Partial_with_the_owner_unchanged(Registration registration)
    {
        Start(registration);
        var azureDefault = User("Azure default owner");
        AddStorefrontSetting("Azure Marketplace", Storefront.AzureMarketplace, r => r[StorefrontSettingTable.Columns.DefaultUserId] = azureDefault);
        QueryProbe.Register(Dataverse, RoutingRuleTable.LogicalName, _ => throw new NotSimulatedException("routing rules are offline"));

        var rows = Save(
            WriterLead("AzureMarketplace-INS|bitnami.openedxcypress", email: "a@fabrikam.com"),
            Lead(("subject", "Website enquiry"), ("lastname", "Plain")));

        var row = rows[0];
        AssertStatus(EnrichmentStatus.Partial, row);
        StringAssert.Contains(Message(row), "Defaults used: routing rules could not be read (NotSimulatedException: routing rules are offline): owner left unchanged.");
        Assert.AreEqual(Dataverse.CallerId, row.GetAttributeValue<EntityReference>("ownerid").Id, "no owner without the rules");
        Assert.AreEqual((int)Storefront.AzureMarketplace, Option(row, LeadTable.Columns.Storefront), "everything else is still enriched");
        Assert.AreEqual(78, row.GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        AssertStatus(EnrichmentStatus.NotMarketplace, rows[1]);
        StringAssert.Contains(AllTraces, "Reading routing rules failed");
        Assert.IsTrue(EnrichmentExecutions.All(e => e.Outcome == StepOutcome.Succeeded));
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void A_storefront_setting_read_that_throws_falls_back_to_the_built_in_table(Registration registration)
    {
        Start(registration);
        var campaign = AddCampaign("AppSource nurture");
        AddStorefrontSetting("AppSource", Storefront.AppSource, r =>
        {
            r[LeadTable.Columns.CampaignType] = Choice(CampaignType.DemandGeneration);
            r[StorefrontSettingTable.Columns.CampaignId] = new EntityReference("campaign", campaign);
        });
        QueryProbe.Register(Dataverse, StorefrontSettingTable.LogicalName, _ => throw new NotSimulatedException("settings unavailable"));

        var row = Save(WriterLead("AppSource (SPZA)-PLT|contoso.crm-app"));

        AssertStatus(EnrichmentStatus.Partial, row);
        Assert.AreEqual((int)CampaignType.Nurture, Option(row, LeadTable.Columns.CampaignType), "built-in table");
        Assert.IsFalse(row.Contains("campaignid"));
        StringAssert.Contains(Message(row), "storefront settings could not be read");
    }

    [TestMethod]
    public void A_faulting_read_inside_the_synchronous_step_dooms_the_save_even_though_the_plugin_catches_it()
    {
        // The server's rule (anchors §4 transactions): a failed organization-service call inside a synchronous step
        // dooms the transaction even when caught. The plug-in still finishes (Partial, traced) and throws nothing, but
        // the platform rolls the Create back. This is why the step reads only a few simple, valid queries.
        Start(Registration.Create);
        QueryProbe.Register(Dataverse, OfferTable.LogicalName, _ => throw new InvalidPluginExecutionException("offer catalogue is locked"));

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => Service.Create(WriterLead("AzureMarketplace-INS|bitnami.openedxcypress")));

        Assert.AreEqual(ErrorCodes.TransactionNotStarted, fault.Detail.ErrorCode);
        Assert.AreEqual(0, Dataverse.Query("lead").Count);
        Assert.AreEqual(StepOutcome.Succeeded, EnrichmentExecutions.Single().Outcome, "the plug-in itself threw nothing");
        StringAssert.Contains(AllTraces, "Reading offer catalogue failed: OrganizationServiceFault");
        StringAssert.Contains(AllTraces, "Partial");
    }

    [TestMethod]
    public void A_lead_that_cannot_be_read_is_Failed_and_the_rest_of_the_batch_is_enriched()
    {
        // Through the service the workflow activities use: a broken upstream mapping put a number into subject.
        var dataverse = NewDataverse();
        var tracing = new TraceRecorder();
        var service = new LeadEnrichmentService(dataverse.GetOrganizationService(), tracing, null);
        var leads = new List<Entity>
        {
            new("lead", Guid.NewGuid()) { ["subject"] = "AzureMarketplace-INS|bitnami.openedxcypress", ["emailaddress1"] = "a@fabrikam.com" },
            new("lead", Guid.NewGuid()) { ["subject"] = 42, ["emailaddress1"] = "b@fabrikam.com" },
            new("lead", Guid.NewGuid()) { ["subject"] = "AppSource (SPZA)-PLT|contoso.crm-app", ["emailaddress1"] = "c@fabrikam.com" },
        };

        var batch = service.EnrichInPlace(leads, new LeadEnrichmentOptions { NowUtc = T0 });

        CollectionAssert.AreEqual(new[] { EnrichmentStatus.Enriched, EnrichmentStatus.Failed, EnrichmentStatus.Enriched },
            batch.Leads.Select(l => l.Status).ToArray());
        var failed = leads[1];
        Assert.AreEqual((int)EnrichmentStatus.Failed, Option(failed, LeadTable.Columns.EnrichmentStatus));
        Assert.AreEqual("Enrichment failed: InvalidCastException: Column 'subject' holds a Int32, not text. The lead was saved without enrichment.",
            failed.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage));
        Assert.IsFalse(failed.Contains(LeadTable.Columns.Storefront), "no half-enriched row");
        Assert.IsNull(batch.Leads[1].Result);
        Assert.AreEqual((int)Storefront.AppSource, Option(leads[2], LeadTable.Columns.Storefront));
        Assert.AreEqual(T0, leads[2].GetAttributeValue<DateTime>(LeadTable.Columns.EnrichedOn));
        Assert.IsTrue(tracing.Lines.Any(l => l.StartsWith("#1 " + leads[1].Id + ": Failed | InvalidCastException", StringComparison.Ordinal)), string.Join("\n", tracing.Lines));
        Assert.AreEqual(4, batch.QueryCount);
    }

    [TestMethod]
    public void Through_the_plugin_a_wrongly_typed_column_is_the_platforms_error_not_the_plugins()
    {
        Start(Registration.CreateMultiple);
        var targets = new[]
        {
            WriterLead("AzureMarketplace-INS|bitnami.openedxcypress", email: "a@fabrikam.com"),
            Lead(("subject", 42), ("lastname", "Typed")),
        };

        Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => CreateLeads(targets));

        Assert.AreEqual(StepOutcome.Succeeded, EnrichmentExecutions.Single().Outcome);
        StringAssert.Contains(AllTraces, ": Failed | InvalidCastException: Column 'subject' holds a Int32, not text");
        StringAssert.Contains(AllTraces, "#0 ");
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Huge_values_never_write_beyond_a_columns_maximum_length(Registration registration)
    {
        Start(registration);
        var publisher = new string('p', 150);
        var offer = new string('o', 220);
        var longAction = "Act" + new string('x', 96);
        var payload = "{\"UserDetails\":{\"FirstName\":\"" + new string('F', 120) + "\",\"LastName\":\"" + new string('L', 120)
            + "\",\"Email\":\"" + new string('e', 140) + "@contoso.com\",\"Phone\":\"" + new string('1', 90) + "\",\"Country\":\"" + new string('C', 120)
            + "\",\"Company\":\"" + new string('K', 300) + "\",\"Title\":\"Chief " + new string('T', 250) + "\"},\"LeadSource\":\"AzureMarketplace\","
            + "\"ActionCode\":\"INS\",\"OfferTitle\":\"" + new string('O', 500) + "\"}";
        Assert.IsTrue(payload.Length <= 2000, "the payload itself fits description");

        var rows = Save(
            Lead((LeadTable.Columns.LeadSource, "AzureMarketplace-INS|" + publisher + "." + offer), ("lastname", "Long offer")),
            Lead(("description", payload)),
            Lead((LeadTable.Columns.LeadSource, "AzureMarketplace"), (LeadTable.Columns.ActionCode, longAction), ("lastname", "Long action")));

        var lead = Dataverse.Schema.Tables["lead"];
        foreach (var row in rows)
        {
            foreach (var pair in row.Attributes)
            {
                if (pair.Value is string text && lead.FindColumn(pair.Key)?.MaxLength is int max)
                    Assert.IsTrue(text.Length <= max, pair.Key + " is " + text.Length + " > " + max);
            }
        }
        Assert.AreEqual(100, rows[0].GetAttributeValue<string>(LeadTable.Columns.PublisherId).Length);
        Assert.AreEqual(200, rows[0].GetAttributeValue<string>(LeadTable.Columns.OfferId).Length);
        Assert.AreEqual(50, rows[1].GetAttributeValue<string>("firstname").Length);
        Assert.AreEqual(100, rows[1].GetAttributeValue<string>("companyname").Length);
        Assert.AreEqual(200, rows[1].GetAttributeValue<string>(LeadTable.Columns.OfferTitle).Length);
        Assert.AreEqual(80, rows[1].GetAttributeValue<string>("address1_country").Length);
        AssertStatus(EnrichmentStatus.Partial, rows[2]);
        StringAssert.Contains(Message(rows[2]), longAction);
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void What_the_writer_set_is_kept(Registration registration)
    {
        Start(registration);
        var ruleOwner = User("Rule owner");
        var chosenOwner = User("Owner chosen by the import");
        var settingCampaign = AddCampaign("Setting campaign");
        var writerCampaign = AddCampaign("Import campaign");
        var offerSequence = AddNurtureSequence("Offer sequence");
        var writerSequence = AddNurtureSequence("Import sequence");
        AddRoutingRule("Everything", 1, ruleOwner);
        AddStorefrontSetting("AppSource", Storefront.AppSource, r => r[StorefrontSettingTable.Columns.CampaignId] = new EntityReference("campaign", settingCampaign));
        AddOffer("CRM app", offerId: "crm-app", publisherId: "contoso", more: r => r[NurtureSequenceTable.Columns.NurtureSequenceId] = new EntityReference(NurtureSequenceTable.LogicalName, offerSequence));

        var chosen = WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "a@fabrikam.com", jobTitle: "CTO");
        chosen["ownerid"] = chosenOwner;
        chosen["campaignid"] = new EntityReference("campaign", writerCampaign);
        chosen["leadsourcecode"] = new OptionSetValue(10);
        chosen["leadqualitycode"] = new OptionSetValue((int)Rating.Cold);
        chosen[NurtureSequenceTable.Columns.NurtureSequenceId] = new EntityReference(NurtureSequenceTable.LogicalName, writerSequence);
        var platformDefaults = WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "b@fabrikam.com", jobTitle: "CTO");

        var rows = Save(chosen, platformDefaults);

        var kept = rows[0];
        Assert.AreEqual(chosenOwner.Id, kept.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(writerCampaign, kept.GetAttributeValue<EntityReference>("campaignid").Id);
        Assert.AreEqual(10, Option(kept, "leadsourcecode"));
        Assert.AreEqual((int)Rating.Cold, Option(kept, "leadqualitycode"), "the writer's rating stays; the score is still written");
        Assert.AreEqual(90, kept.GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        Assert.AreEqual(writerSequence, kept.GetAttributeValue<EntityReference>(LeadTable.Columns.NurtureSequenceId).Id);
        StringAssert.Contains(AllTraces, "owner kept (set by the writer)");

        var filled = rows[1];
        Assert.AreEqual(ruleOwner.Id, filled.GetAttributeValue<EntityReference>("ownerid").Id, "the platform's default owner is routed");
        Assert.AreEqual(settingCampaign, filled.GetAttributeValue<EntityReference>("campaignid").Id);
        Assert.AreEqual(8, Option(filled, "leadsourcecode"));
        Assert.AreEqual((int)Rating.Hot, Option(filled, "leadqualitycode"));
        Assert.AreEqual(offerSequence, filled.GetAttributeValue<EntityReference>(LeadTable.Columns.NurtureSequenceId).Id);
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Contact_columns_are_only_filled_when_empty_or_trimmed(Registration registration)
    {
        Start(registration);
        var payload = "{\"UserDetails\":{\"FirstName\":\"Payload First\",\"LastName\":\"Payload Last\",\"Email\":\"payload@contoso.com\","
            + "\"Phone\":\"5550100\",\"Country\":\"USA\",\"Company\":\"Payload Inc\",\"Title\":\"CIO\"},\"LeadSource\":\"AzureMarketplace\",\"ActionCode\":\"INS\"}";
        var row = Save(Lead(("description", payload), ("firstname", "  Aisha "), ("lastname", "Bello"), ("emailaddress1", "aisha@contoso.ng"),
            ("companyname", "Contoso Nigeria")));

        Assert.AreEqual("Aisha", row.GetAttributeValue<string>("firstname"), "trimmed");
        Assert.AreEqual("Bello", row.GetAttributeValue<string>("lastname"));
        Assert.AreEqual("aisha@contoso.ng", row.GetAttributeValue<string>("emailaddress1"));
        Assert.AreEqual("Contoso Nigeria", row.GetAttributeValue<string>("companyname"));
        Assert.AreEqual("5550100", row.GetAttributeValue<string>("telephone1"), "filled from the payload");
        Assert.AreEqual("CIO", row.GetAttributeValue<string>("jobtitle"));
        Assert.AreEqual("USA", row.GetAttributeValue<string>("address1_country"), "the raw country is kept");
        Assert.AreEqual("US", row.GetAttributeValue<string>(LeadTable.Columns.CountryCode));
    }
}
