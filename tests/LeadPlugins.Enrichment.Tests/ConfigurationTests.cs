using LeadPlugins.Plugins.Domain;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Enrichment.Tests;

/// <summary>The three configuration tables and the step's unsecure configuration, through the real plug-in.</summary>
[TestClass]
public sealed class ConfigurationTests : EnrichmentTestBase
{
    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Storefront_settings_override_the_built_in_table_and_set_campaign_and_default_owner(Registration registration)
    {
        Start(registration);
        var campaign = AddCampaign("AppSource nurture 2026");
        var inactiveCampaign = AddCampaign("Azure demand gen 2025", active: false);
        var appSourceDesk = User("AppSource desk");
        var azureTeam = AddTeam("Azure desk");
        // An older inactive row and a newer active row for AppSource: neither may win over the active oldest row.
        AddStorefrontSetting("Old AppSource (inactive)", Storefront.AppSource, r => r[LeadTable.Columns.ListingType] = Choice(ListingType.Technology),
            active: false, createdOn: T0.AddDays(-30));
        AddStorefrontSetting("AppSource", Storefront.AppSource, r =>
        {
            r[LeadTable.Columns.Audience] = Choice(Audience.AllCustomers);
            r[LeadTable.Columns.CampaignType] = Choice(CampaignType.DemandGeneration);
            r[LeadTable.Columns.ListingType] = Choice(ListingType.ConsultingService);
            r[LeadTable.Columns.TrackedIn] = Choice(TrackedIn.AzureMarketplaceAndFieldSellerCrm);
            r[StorefrontSettingTable.Columns.CampaignId] = new EntityReference("campaign", campaign);
            r[StorefrontSettingTable.Columns.DefaultUserId] = appSourceDesk;
        }, createdOn: T0.AddDays(-10));
        AddStorefrontSetting("AppSource (newer duplicate)", Storefront.AppSource, r => r[StorefrontSettingTable.Columns.ListingType] = Choice(ListingType.Technology),
            createdOn: T0.AddDays(-1));
        AddStorefrontSetting("Azure Marketplace", Storefront.AzureMarketplace, r =>
        {
            r[StorefrontSettingTable.Columns.CampaignId] = new EntityReference("campaign", inactiveCampaign);
            r[StorefrontSettingTable.Columns.DefaultTeamId] = new EntityReference("team", azureTeam);
        });

        var rows = Save(
            WriterLead("AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator", email: "a@fabrikam.com"),
            WriterLead("AzureMarketplace-INS|bitnami.openedxcypress", email: "b@fabrikam.com"));

        var appSource = rows[0];
        AssertStatus(EnrichmentStatus.Enriched, appSource);
        Assert.AreEqual((int)Audience.AllCustomers, Option(appSource, LeadTable.Columns.Audience));
        Assert.AreEqual((int)CampaignType.DemandGeneration, Option(appSource, LeadTable.Columns.CampaignType));
        Assert.AreEqual((int)ListingType.ConsultingService, Option(appSource, LeadTable.Columns.ListingType));
        Assert.AreEqual((int)TrackedIn.AzureMarketplaceAndFieldSellerCrm, Option(appSource, LeadTable.Columns.TrackedIn));
        Assert.AreEqual(campaign, appSource.GetAttributeValue<EntityReference>("campaignid").Id);
        Assert.AreEqual(appSourceDesk.Id, appSource.GetAttributeValue<EntityReference>("ownerid").Id);
        StringAssert.Contains(Message(appSource), "Owner is the storefront default.");

        var azure = rows[1];
        AssertStatus(EnrichmentStatus.Enriched, azure);
        Assert.AreEqual((int)CampaignType.DemandGeneration, Option(azure, LeadTable.Columns.CampaignType), "unset columns keep the built-in value");
        Assert.AreEqual((int)ListingType.Offer, Option(azure, LeadTable.Columns.ListingType));
        Assert.IsFalse(azure.Contains("campaignid"), "an inactive campaign is never set");
        Assert.AreEqual(new EntityReference("team", azureTeam).LogicalName, azure.GetAttributeValue<EntityReference>("ownerid").LogicalName);
        Assert.AreEqual(azureTeam, azure.GetAttributeValue<EntityReference>("ownerid").Id);
        StringAssert.Contains(AllTraces, "campaign " + inactiveCampaign.ToString("D") + " is not active");
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Offer_catalogue_sets_storefront_for_TestDrive_listing_product_name_owner_and_nurture_sequence(Registration registration)
    {
        Start(registration);
        var offerOwner = User("Sales add-on owner");
        var titleTeam = AddTeam("Sales add-on team");
        var sequence = AddNurtureSequence("Sales add-on trial nurture");
        AddOffer("Contoso Sales Add-on listing", offerId: "contoso-d365-sales-addon", publisherId: "contoso", more: r =>
        {
            r[LeadTable.Columns.Storefront] = Choice(Storefront.AppSource);
            r[LeadTable.Columns.ListingType] = Choice(ListingType.ConsultingService);
            r[OfferTable.Columns.ProductName] = "Contoso Sales Add-on for Dynamics 365";
            r[OfferTable.Columns.OwnerUserId] = offerOwner;
            r[NurtureSequenceTable.Columns.NurtureSequenceId] = new EntityReference(NurtureSequenceTable.LogicalName, sequence);
        });
        AddOffer("Contoso D365 Sales Add-on", more: r =>
        {
            r[LeadTable.Columns.Storefront] = Choice(Storefront.AzureMarketplace);
            r[LeadTable.Columns.ListingType] = Choice(ListingType.Technology);
            r[OfferTable.Columns.OwnerTeamId] = new EntityReference("team", titleTeam);
        });
        AddOffer("WAF (retired row)", offerId: "fabrikam-waf-appliance", more: r => r[OfferTable.Columns.ProductName] = "Retired name", active: false);
        AddOffer("Analytics of another publisher", offerId: "contoso-saas-analytics", publisherId: "fabrikam", more: r => r[OfferTable.Columns.ProductName] = "Wrong product");

        var rows = Save(
            WriterLead("TestDrive-StartTestDrive|contoso.contoso-d365-sales-addon", email: "a@fabrikam.com"),
            Lead(("lastname", "Haddad"), ("description", Samples.PayloadLines()[6])),           // TestDrive payload, OfferTitle only
            WriterLead("AzureMarketplace-INS|fabrikam.fabrikam-waf-appliance", email: "c@fabrikam.com"),
            WriterLead("AzureMarketplace-INS|contoso.contoso-saas-analytics", email: "d@fabrikam.com"));

        var byId = rows[0];
        AssertStatus(EnrichmentStatus.Enriched, byId);
        Assert.AreEqual((int)Storefront.AppSource, Option(byId, LeadTable.Columns.Storefront), "the catalogue names the TestDrive storefront");
        Assert.AreEqual((int)CampaignType.Nurture, Option(byId, LeadTable.Columns.CampaignType));
        Assert.AreEqual((int)ListingType.ConsultingService, Option(byId, LeadTable.Columns.ListingType));
        Assert.AreEqual("Contoso Sales Add-on for Dynamics 365", byId.GetAttributeValue<string>(LeadTable.Columns.OfferTitle));
        Assert.AreEqual(offerOwner.Id, byId.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(sequence, byId.GetAttributeValue<EntityReference>(LeadTable.Columns.NurtureSequenceId).Id);
        StringAssert.Contains(Message(byId), "Owner from the offer catalogue.");

        var byTitle = rows[1];
        AssertStatus(EnrichmentStatus.Enriched, byTitle);
        Assert.AreEqual((int)Storefront.AzureMarketplace, Option(byTitle, LeadTable.Columns.Storefront));
        Assert.AreEqual((int)ListingType.Technology, Option(byTitle, LeadTable.Columns.ListingType));
        Assert.AreEqual("Contoso D365 Sales Add-on", byTitle.GetAttributeValue<string>(LeadTable.Columns.OfferTitle));
        Assert.AreEqual(titleTeam, byTitle.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.IsFalse(byTitle.Contains(LeadTable.Columns.NurtureSequenceId));

        Assert.IsFalse(rows[2].Contains(LeadTable.Columns.OfferTitle), "an inactive catalogue row is not used");
        Assert.AreEqual((int)ListingType.Offer, Option(rows[2], LeadTable.Columns.ListingType));
        Assert.IsFalse(rows[3].Contains(LeadTable.Columns.OfferTitle), "a row bound to another publisher is not this offer");
        Assert.AreEqual(Dataverse.CallerId, rows[3].GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Routing_rules_run_by_order_first_match_wins_then_offer_owner_then_storefront_default_then_creator(Registration registration)
    {
        Start(registration);
        var hot = User("Hot AppSource seller");
        var us = User("US seller");
        var emea = User("EMEA seller");
        var wafTeam = new EntityReference("team", AddTeam("WAF team"));
        var nobody = User("Inactive rule owner");
        var azureDefault = User("Azure default owner");
        var offerOwner = User("Backup offer owner");
        AddRoutingRule("US and Canada", 30, us, r => r[RoutingRuleTable.Columns.CountryCodes] = "US, CA");
        AddRoutingRule("Hot AppSource", 10, hot, r => { r[RoutingRuleTable.Columns.Storefront] = Choice(Storefront.AppSource); r[RoutingRuleTable.Columns.MinimumScore] = 70; });
        AddRoutingRule("EMEA", 20, emea, r => r[RoutingRuleTable.Columns.CountryCodes] = "DE;FR Germany");
        AddRoutingRule("Catches everything (inactive)", 1, nobody, active: false);
        AddRoutingRule("Contact me on WAF", 40, wafTeam, r =>
        {
            r[LeadTable.Columns.LeadAction] = Choice(LeadAction.ContactMe);
            r[LeadTable.Columns.CampaignType] = Choice(CampaignType.DemandGeneration);
            r[LeadTable.Columns.OfferId] = "fabrikam.fabrikam-waf-appliance";
        });
        AddStorefrontSetting("Azure Marketplace", Storefront.AzureMarketplace, r => r[StorefrontSettingTable.Columns.DefaultUserId] = azureDefault);
        AddOffer("Backup Vault", offerId: "fabrikam-backup-vault", publisherId: "fabrikam", more: r => r[OfferTable.Columns.OwnerUserId] = offerOwner);

        var rows = Save(
            WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "l1@fabrikam.com", country: "US", jobTitle: "CTO"),   // 90: Hot AppSource (10) before US (30)
            WriterLead("AzureMarketplace-INS|contoso.vm", email: "l2@fabrikam.com", country: "US"),                       // US (30)
            WriterLead("AppSource (SPZA)-PLT|contoso.crm-app", email: "l3@fabrikam.com", country: "Germany"),             // 68 < 70: EMEA (20)
            WriterLead("AzureMarketplace-PLT|fabrikam.fabrikam-waf-appliance", email: "l4@fabrikam.com", country: "JP"),  // WAF rule (40)
            WriterLead("AzureMarketplace-INS|contoso.vm", email: "l5@fabrikam.com", country: "JP"),                       // no rule: storefront default
            WriterLead("AppSource (SPZA)-PLT|contoso.crm-app", email: "l6@fabrikam.com", country: "JP"),                  // no rule, no default: creator
            WriterLead("AzureMarketplace-INS|fabrikam.fabrikam-backup-vault", email: "l7@fabrikam.com", country: "JP"));  // offer owner beats storefront default

        Assert.AreEqual(90, rows[0].GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        Assert.AreEqual(68, rows[2].GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        var expected = new[] { hot.Id, us.Id, emea.Id, wafTeam.Id, azureDefault.Id, Dataverse.CallerId, offerOwner.Id };
        for (int i = 0; i < rows.Length; i++)
            Assert.AreEqual(expected[i], rows[i].GetAttributeValue<EntityReference>("ownerid").Id, "lead " + (i + 1) + ": " + Message(rows[i]));
        Assert.AreEqual("team", rows[3].GetAttributeValue<EntityReference>("ownerid").LogicalName);
        StringAssert.Contains(Message(rows[0]), "Owner from routing rule 'Hot AppSource'.");
        StringAssert.Contains(Message(rows[4]), "Owner is the storefront default.");
        Assert.IsFalse(Message(rows[5]).Contains("Owner", StringComparison.Ordinal), Message(rows[5]));
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Score_weights_and_rating_thresholds_come_from_the_unsecure_configuration(Registration registration)
    {
        Start(registration, "{ \"weights\": { \"contactMe\": 60, \"freeMailEmail\": -20 }, \"thresholds\": { \"hot\": 90, \"warm\": 50 } }");
        var rows = Save(
            Lead(("subject", "AppSource (SPZA)-PLT|contoso.crm-app"), ("lastname", "Free"), ("emailaddress1", "someone@gmail.com"), ("address1_country", "US")),
            WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "cto@fabrikam.com", jobTitle: "CTO"),
            WriterLead("AzureMarketplace-DNC|contoso.vm", email: "dnc@fabrikam.com", jobTitle: null, company: null, phone: null));

        // 60 (configured Contact me) + 10 AppSource - 20 (configured free mail) + 5 country = 55: Warm at 50.
        Assert.AreEqual(55, rows[0].GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        Assert.AreEqual((int)Rating.Warm, Option(rows[0], "leadqualitycode"));
        var reason = rows[0].GetAttributeValue<string>(LeadTable.Columns.ScoreReason);
        StringAssert.Contains(reason, "Contact me (PLT) +60");
        StringAssert.Contains(reason, "Free-mail address -20");
        // 40 + 10 + 10 + 5 + 5 + 15 + 5 = 90: Hot at 90.
        Assert.AreEqual(90, rows[1].GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        Assert.AreEqual((int)Rating.Hot, Option(rows[1], "leadqualitycode"));
        // 0 DNC + 5 Azure + 10 business + 5 country = 20: Cold below 50.
        Assert.AreEqual(20, rows[2].GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        Assert.AreEqual((int)Rating.Cold, Option(rows[2], "leadqualitycode"));
        StringAssert.Contains(rows[2].GetAttributeValue<string>(LeadTable.Columns.ScoreReason), "Do not contact (DNC) +0");
        Assert.IsFalse(AllTraces.Contains("Step configuration", StringComparison.Ordinal), "a good configuration has no diagnostics");
    }

    [TestMethod]
    [DataRow(Registration.Create, "{ \"weights\": { \"contactMe\": 60 ")]
    [DataRow(Registration.CreateMultiple, "{ \"weights\": { \"contactMe\": 60 ")]
    [DataRow(Registration.Create, "[1, 2, 3]")]
    [DataRow(Registration.Create, "{ \"weights\": { \"contactMe\": 500, \"bogus\": 1 }, \"thresholds\": { \"hot\": 10, \"warm\": 50 }, \"colour\": \"red\" }")]
    public void Bad_configuration_keeps_the_defaults_saves_the_lead_and_traces_why(Registration registration, string configuration)
    {
        Start(registration, configuration);
        var row = Save(Lead(("subject", "AppSource (SPZA)-PLT|contoso.crm-app"), ("lastname", "Free"), ("emailaddress1", "someone@gmail.com"),
            ("address1_country", "US")));

        AssertStatus(EnrichmentStatus.Enriched, row);
        // Defaults: 25 Contact me + 10 AppSource - 5 free mail + 5 country = 35, Cold below 40.
        Assert.AreEqual(35, row.GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        Assert.AreEqual((int)Rating.Cold, Option(row, "leadqualitycode"));
        StringAssert.Contains(AllTraces, "Step configuration: ");
        StringAssert.Contains(Message(row), "Step configuration has ");
        Assert.IsTrue(Dataverse.Audit.All(e => e.Outcome == InMemory.StepOutcome.Succeeded));
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Extra_source_columns_are_searched_and_non_text_ones_ignored(Registration registration)
    {
        Start(registration, "{ \"extraSourceColumns\": [ \"websiteurl\", \"leadsourcecode\" ] }");
        var rows = Save(
            Lead(("lastname", "Extra"), ("emailaddress1", "x@fabrikam.com"), ("websiteurl", "AzureMarketplace-INS|contoso.vm")),
            Lead(("lastname", "Choice"), ("emailaddress1", "y@fabrikam.com"), ("leadsourcecode", new OptionSetValue(10)),
                ("subject", "AppSource (SPZA)-PLT|contoso.crm-app")));

        AssertStatus(EnrichmentStatus.Enriched, rows[0]);
        Assert.AreEqual((int)LeadAction.GetItNow, Option(rows[0], LeadTable.Columns.LeadAction));
        AssertStatus(EnrichmentStatus.Enriched, rows[1]);
        Assert.AreEqual(10, Option(rows[1], "leadsourcecode"), "the writer's lead source is kept");
        StringAssert.Contains(AllTraces, "Extra source column 'leadsourcecode' holds values that are not text");
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Leads_created_by_a_configured_Lead_Writer_user_are_marketplace_leads_even_without_codes(Registration registration)
    {
        var writer = new Guid("0a1b2c3d-0000-0000-0000-00000000beef");
        Start(registration, "{ \"marketplaceWriterUserIds\": [ \"" + writer + "\" ] }");
        Dataverse.Seed(new Entity("systemuser", writer) { ["fullname"] = "Marketplace Lead Writer",
            ["businessunitid"] = new EntityReference("businessunit", Dataverse.RootBusinessUnitId) });
        var writerService = Dataverse.GetOrganizationService(writer);

        var id = writerService.Create(Lead(("lastname", "Plain"), ("subject", "New lead"), ("emailaddress1", "p@fabrikam.com")));
        var byOthers = Service.Create(Lead(("lastname", "Plain"), ("subject", "New lead"), ("emailaddress1", "q@fabrikam.com")));

        var row = Stored(id);
        AssertStatus(EnrichmentStatus.Partial, row);
        Assert.IsTrue(row.GetAttributeValue<bool>(LeadTable.Columns.IsMarketplace));
        StringAssert.Contains(Message(row), "recognised by the creating Lead Writer user");
        AssertStatus(EnrichmentStatus.NotMarketplace, Stored(byOthers));
    }
}
