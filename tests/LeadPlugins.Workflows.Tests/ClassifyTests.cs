using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Services.Workflow;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Workflows.Tests;

/// <summary>"Classify marketplace lead": text in, lead choice values and flags out; nothing is read or written.</summary>
[TestClass]
public sealed class ClassifyTests : WorkflowServiceTestBase
{
    private const string Payload = "{\"UserDetails\":{\"FirstName\":\"Mette\",\"LastName\":\"Jensen\",\"Email\":\"mette.jensen@fabrikam.dk\","
        + "\"Country\":\"DK\",\"Company\":\"Fabrikam A/S\"},\"LeadSource\":\"AppSource (SPZA)\",\"ActionCode\":\"PLT\","
        + "\"OfferTitle\":\"Contoso Field Service Accelerator\",\"Description\":\"Please call after 14:00 CET.\"}";

    [TestMethod]
    public void The_combined_source_of_an_AppSource_contact_me_lead_gives_the_AppSource_profile()
    {
        var result = Leads.Classify("AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator", null, null);

        Assert.AreEqual((int)Storefront.AppSource, Value(result.Storefront));
        Assert.AreEqual((int)Audience.BusinessCustomers, Value(result.Audience));
        Assert.AreEqual((int)CampaignType.Nurture, Value(result.CampaignType));
        Assert.AreEqual((int)ListingType.App, Value(result.ListingType));
        Assert.AreEqual((int)LeadAction.ContactMe, Value(result.LeadAction));
        Assert.IsTrue(result.IsMarketplace);
        Assert.IsFalse(result.IsCoSell);
        Assert.IsFalse(result.IsTestLead);
        Assert.IsNull(result.OfferTitle, "publisher.offerid is an id, not a title");
        StringAssert.Contains(Tracing.ToString(), "Classify marketplace lead: Enriched: AppSource / ContactMe.");
    }

    [TestMethod]
    public void A_separate_source_and_action_code_give_the_Azure_Marketplace_profile()
    {
        var result = Leads.Classify("AzureMarketplace", "INS", null);

        Assert.AreEqual((int)Storefront.AzureMarketplace, Value(result.Storefront));
        Assert.AreEqual((int)Audience.AllCustomers, Value(result.Audience));
        Assert.AreEqual((int)CampaignType.DemandGeneration, Value(result.CampaignType));
        Assert.AreEqual((int)ListingType.Offer, Value(result.ListingType));
        Assert.AreEqual((int)LeadAction.GetItNow, Value(result.LeadAction));
        Assert.IsTrue(result.IsMarketplace);
    }

    [TestMethod]
    public void A_JSON_payload_alone_is_enough_and_gives_the_offer_title()
    {
        var result = Leads.Classify(null, null, Payload);

        Assert.AreEqual((int)Storefront.AppSource, Value(result.Storefront));
        Assert.AreEqual((int)LeadAction.ContactMe, Value(result.LeadAction));
        Assert.AreEqual("Contoso Field Service Accelerator", result.OfferTitle);
        Assert.IsTrue(result.IsMarketplace);
    }

    [TestMethod]
    public void A_Partner_Center_test_lead_is_flagged_as_test_and_marketplace()
    {
        const string token = "MSFT_TEST_636737558587117715";
        var result = Leads.Classify(token + "-" + token + "|Contoso Test", null, null);

        Assert.IsTrue(result.IsTestLead);
        Assert.IsTrue(result.IsMarketplace);
        Assert.IsFalse(result.IsCoSell);
    }

    [TestMethod]
    public void A_co_sell_referral_is_flagged_and_gets_no_marketplace_classification()
    {
        var result = Leads.Classify("Co-sell: Contoso migration to Azure",
            null, "Partner Center referral. Referral ID: 5f2b8c1e-9a4d-4e7b-8f3a-2c6d1e0b9a77. Qualification: SalesQualified.");

        Assert.IsTrue(result.IsCoSell);
        Assert.IsFalse(result.IsMarketplace);
        Assert.IsFalse(result.IsTestLead);
        Assert.IsNull(result.Storefront);
        Assert.IsNull(result.CampaignType);
        Assert.IsNull(result.LeadAction);
    }

    [TestMethod]
    [DataRow(null, null, null)]
    [DataRow("", "  ", "")]
    [DataRow("Website enquiry", null, "Please call me about pricing.")]
    public void Text_without_marketplace_evidence_is_not_a_marketplace_lead_and_no_error(string? source, string? action, string? payload)
    {
        var result = Leads.Classify(source, action, payload);

        Assert.IsFalse(result.IsMarketplace);
        Assert.IsFalse(result.IsCoSell);
        Assert.IsFalse(result.IsTestLead);
        Assert.IsNull(result.Storefront);
        Assert.IsNull(result.Audience);
        Assert.IsNull(result.CampaignType);
        Assert.IsNull(result.ListingType);
        Assert.IsNull(result.LeadAction);
        Assert.IsNull(result.OfferTitle);
        StringAssert.Contains(Tracing.ToString(), "Classify marketplace lead: NotMarketplace.");
    }

    [TestMethod]
    public void Classification_reads_and_writes_nothing()
    {
        Dataverse.Counters.Reset();

        Leads.Classify("AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator", null, Payload);

        Assert.AreEqual(0, Dataverse.Counters.Total);
    }

    /// <summary>The outputs carry [AttributeTarget("lead", column)]: every value must be an option of that column.</summary>
    [TestMethod]
    public void Every_choice_output_is_an_option_of_its_lead_column()
    {
        var lead = Dataverse.Schema.FindTable("lead")!;
        var inputs = new[]
        {
            ("AppSource (SPZA)-PLT|a.b", (string?)null),
            ("AzureMarketplace", "INS"),
            ("AzureMarketplace", "Create"),
            ("AppSource (SPZA)", "StartTestDrive"),
            ("AzureMarketplace-DNC|a.b", null),
        };
        foreach (var (source, action) in inputs)
        {
            var result = Leads.Classify(source, action, null);
            foreach (var (column, value) in new (string, OptionSetValue?)[]
            {
                (LeadTable.Columns.Storefront, result.Storefront), (LeadTable.Columns.Audience, result.Audience), (LeadTable.Columns.CampaignType, result.CampaignType),
                (LeadTable.Columns.ListingType, result.ListingType), (LeadTable.Columns.LeadAction, result.LeadAction),
            })
            {
                Assert.IsNotNull(value, source + ": " + column);
                CollectionAssert.Contains(lead.FindColumn(column)!.OptionValues!.ToList(), value.Value, source + ": " + column);
            }
        }
    }
}
