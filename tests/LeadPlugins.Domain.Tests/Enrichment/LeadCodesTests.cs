using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Domain.Tests.Enrichment;

[TestClass]
public sealed class LeadCodesTests
{
    [TestMethod]
    [DataRow("AzureMarketplace", MarketplaceSource.AzureMarketplace)]
    [DataRow("AzurePortal", MarketplaceSource.AzurePortal)]
    [DataRow("AppSource (SPZA)", MarketplaceSource.AppSource)]
    [DataRow("SPZA", MarketplaceSource.AppSource)]
    [DataRow("AppSource", MarketplaceSource.AppSource)]
    [DataRow("TestDrive", MarketplaceSource.TestDrive)]
    [DataRow("azuremarketplace", MarketplaceSource.AzureMarketplace)]
    [DataRow("  AZUREPORTAL ", MarketplaceSource.AzurePortal)]
    [DataRow("AppSource(SPZA)", MarketplaceSource.AppSource)]
    [DataRow("appsource ( spza )", MarketplaceSource.AppSource)]
    [DataRow("spza", MarketplaceSource.AppSource)]
    [DataRow("Test Drive", MarketplaceSource.TestDrive)]
    [DataRow("Appsource", MarketplaceSource.AppSource)]
    [DataRow("Azure Marketplace", MarketplaceSource.AzureMarketplace)]
    [DataRow("Azure portal", MarketplaceSource.AzurePortal)]
    [DataRow("MSFT_TEST_636573304831318844", MarketplaceSource.TestToken)]
    [DataRow("Website", MarketplaceSource.Unknown)]
    [DataRow("AzureMarketplaces", MarketplaceSource.Unknown)]
    [DataRow("MSFT_TEST_", MarketplaceSource.Unknown)]
    [DataRow("", MarketplaceSource.None)]
    [DataRow("   ", MarketplaceSource.None)]
    [DataRow(null, MarketplaceSource.None)]
    public void Every_source_code_and_label_is_recognised(string? text, MarketplaceSource expected) =>
        Assert.AreEqual(expected, LeadCodes.MatchSource(text));

    [TestMethod]
    [DataRow("INS", LeadAction.GetItNow)]
    [DataRow("PLT", LeadAction.ContactMe)]
    [DataRow("DNC", LeadAction.DoNotContact)]
    [DataRow("Create", LeadAction.Create)]
    [DataRow("StartTestDrive", LeadAction.TestDrive)]
    [DataRow("ins", LeadAction.GetItNow)]
    [DataRow(" plt ", LeadAction.ContactMe)]
    [DataRow("Start Test Drive", LeadAction.TestDrive)]
    [DataRow("Contact me", LeadAction.ContactMe)]
    [DataRow("Get it now", LeadAction.GetItNow)]
    [DataRow("Get It Now (Free)", LeadAction.GetItNow)]
    [DataRow("Test drive", LeadAction.TestDrive)]
    [DataRow("Free trial", LeadAction.FreeTrial)]
    [DataRow("Free Trial (listing)", LeadAction.FreeTrial)]
    [DataRow("ContactMe", LeadAction.ContactMe)]
    [DataRow("Subscribe", LeadAction.Create)]
    [DataRow("SUB", LeadAction.Other)]
    [DataRow("Buy now", LeadAction.Other)]
    public void Every_action_code_and_label_is_recognised(string text, LeadAction expected) =>
        Assert.AreEqual(expected, LeadCodes.MatchAction(text));

    [TestMethod]
    public void Blank_action_is_no_action() => Assert.IsNull(LeadCodes.MatchAction("  "));

    [TestMethod]
    [DataRow(LeadAction.ContactMe, FunnelStage.Interest)]
    [DataRow(LeadAction.GetItNow, FunnelStage.Acquisition)]
    [DataRow(LeadAction.Create, FunnelStage.Acquisition)]
    [DataRow(LeadAction.TestDrive, FunnelStage.Trial)]
    [DataRow(LeadAction.FreeTrial, FunnelStage.Trial)]
    [DataRow(LeadAction.DoNotContact, FunnelStage.Informational)]
    public void Funnel_stage_follows_the_action(LeadAction action, FunnelStage stage) =>
        Assert.AreEqual(stage, LeadCodes.FunnelStageOf(action));

    [TestMethod]
    public void Other_or_missing_action_has_no_funnel_stage()
    {
        Assert.IsNull(LeadCodes.FunnelStageOf(LeadAction.Other));
        Assert.IsNull(LeadCodes.FunnelStageOf(null));
    }

    [TestMethod]
    [DataRow(MarketplaceSource.AzureMarketplace, Storefront.AzureMarketplace)]
    [DataRow(MarketplaceSource.AzurePortal, Storefront.AzureMarketplace)]
    [DataRow(MarketplaceSource.AppSource, Storefront.AppSource)]
    public void Source_codes_name_their_storefront(MarketplaceSource source, Storefront storefront) =>
        Assert.AreEqual(storefront, LeadCodes.StorefrontOf(source));

    [TestMethod]
    [DataRow(MarketplaceSource.TestDrive)]
    [DataRow(MarketplaceSource.TestToken)]
    [DataRow(MarketplaceSource.Unknown)]
    [DataRow(MarketplaceSource.None)]
    public void Sources_that_do_not_say_have_no_storefront(MarketplaceSource source) => Assert.IsNull(LeadCodes.StorefrontOf(source));
}

[TestClass]
public sealed class CombinedSourceTests
{
    // Spec §7, samples 1-16 (17 is source-only and belongs to the separate-field shape).
    [TestMethod]
    [DataRow("AzureMarketplace-INS|checkpoint.check-point-r77-10sg-byol", MarketplaceSource.AzureMarketplace, LeadAction.GetItNow, "checkpoint", "check-point-r77-10sg-byol", null)]
    [DataRow("AzureMarketplace-INS|bitnami.openedxcypress", MarketplaceSource.AzureMarketplace, LeadAction.GetItNow, "bitnami", "openedxcypress", null)]
    [DataRow("AppSource (SPZA)-INS|docusign.3701c77e-1cfa-4c56-91e6-3ed0b622145", MarketplaceSource.AppSource, LeadAction.GetItNow, "docusign", "3701c77e-1cfa-4c56-91e6-3ed0b622145", null)]
    [DataRow("AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator", MarketplaceSource.AppSource, LeadAction.ContactMe, "contoso", "contoso-field-service-accelerator", null)]
    [DataRow("AppSource (SPZA)-DNC|adatum.adatum-crm-implementation-2-week", MarketplaceSource.AppSource, LeadAction.DoNotContact, "adatum", "adatum-crm-implementation-2-week", null)]
    [DataRow("AzurePortal-Create|fabrikam.fabrikam-waf-appliance", MarketplaceSource.AzurePortal, LeadAction.Create, "fabrikam", "fabrikam-waf-appliance", null)]
    [DataRow("AzurePortal-Create|checkpoint.check-point-r77-10sg-byol", MarketplaceSource.AzurePortal, LeadAction.Create, "checkpoint", "check-point-r77-10sg-byol", null)]
    [DataRow("AzureMarketplace-StartTestDrive|northwind.northwind-sql-analytics-vm", MarketplaceSource.AzureMarketplace, LeadAction.TestDrive, "northwind", "northwind-sql-analytics-vm", null)]
    [DataRow("TestDrive-StartTestDrive|contoso.contoso-d365-sales-addon", MarketplaceSource.TestDrive, LeadAction.TestDrive, "contoso", "contoso-d365-sales-addon", null)]
    [DataRow("SPZA-PLT|adatum.adatum-powerbi-finance-app", MarketplaceSource.AppSource, LeadAction.ContactMe, "adatum", "adatum-powerbi-finance-app", null)]
    [DataRow("AppSource (SPZA)-INS|contoso.contoso-saas-analytics", MarketplaceSource.AppSource, LeadAction.GetItNow, "contoso", "contoso-saas-analytics", null)]
    [DataRow("AzureMarketplace-INS|fabrikam.3f2c9a1e-7b44-4e0a-9c55-2d1e8f6a0b13", MarketplaceSource.AzureMarketplace, LeadAction.GetItNow, "fabrikam", "3f2c9a1e-7b44-4e0a-9c55-2d1e8f6a0b13", null)]
    [DataRow("AzureMarketplace-PLT|contoso.contoso-saas-analytics", MarketplaceSource.AzureMarketplace, LeadAction.ContactMe, "contoso", "contoso-saas-analytics", null)]
    [DataRow("AppSource (SPZA)-Create|contoso.contoso-saas-analytics", MarketplaceSource.AppSource, LeadAction.Create, "contoso", "contoso-saas-analytics", null)]
    [DataRow("AzureMarketplace-INS|", MarketplaceSource.AzureMarketplace, LeadAction.GetItNow, null, null, null)]
    [DataRow("  azuremarketplace - ins | bitnami.openedxcypress  ", MarketplaceSource.AzureMarketplace, LeadAction.GetItNow, "bitnami", "openedxcypress", null)]
    [DataRow("AppSource(SPZA)-plt|contoso.x", MarketplaceSource.AppSource, LeadAction.ContactMe, "contoso", "x", null)]
    [DataRow("Azure portal-Create|fabrikam.waf", MarketplaceSource.AzurePortal, LeadAction.Create, "fabrikam", "waf", null)]
    [DataRow("AzureMarketplace-INS|myoffer", MarketplaceSource.AzureMarketplace, LeadAction.GetItNow, null, "myoffer", null)]
    [DataRow("AzureMarketplace-INS|Contoso SaaS Analytics", MarketplaceSource.AzureMarketplace, LeadAction.GetItNow, null, null, "Contoso SaaS Analytics")]
    [DataRow("New lead: AzureMarketplace-INS|bitnami.openedxcypress", MarketplaceSource.AzureMarketplace, LeadAction.GetItNow, "bitnami", "openedxcypress", null)]
    [DataRow("AppSource (SPZA)-PLT|\"contoso.accelerator\",", MarketplaceSource.AppSource, LeadAction.ContactMe, "contoso", "accelerator", null)]
    public void Documented_combined_values_parse(string text, MarketplaceSource source, LeadAction action, string? publisher, string? offer, string? title)
    {
        var parsed = CombinedSource.Find(text);
        Assert.IsNotNull(parsed);
        Assert.AreEqual(source, parsed.Source);
        Assert.AreEqual(action, parsed.Action);
        Assert.AreEqual(publisher, parsed.PublisherId);
        Assert.AreEqual(offer, parsed.OfferId);
        Assert.AreEqual(title, parsed.OfferTitle);
    }

    [TestMethod]
    public void Test_lead_combined_value_has_test_tokens_on_both_sides()
    {
        var parsed = CombinedSource.Find("MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|Contoso Test");
        Assert.IsNotNull(parsed);
        Assert.AreEqual(MarketplaceSource.TestToken, parsed.Source);
        Assert.IsTrue(parsed.ActionIsTestToken);
        Assert.IsNull(parsed.Action);
        Assert.AreEqual("Contoso Test", parsed.OfferTitle);
    }

    [TestMethod]
    public void Unknown_action_with_known_source_keeps_the_raw_code()
    {
        var parsed = CombinedSource.Find("AzureMarketplace-SaaSTrial|contoso.analytics");
        Assert.IsNotNull(parsed);
        Assert.AreEqual(LeadAction.Other, parsed.Action);
        Assert.AreEqual("SaaSTrial", parsed.ActionText);
    }

    [TestMethod]
    public void Unknown_source_with_known_action_keeps_the_raw_source()
    {
        var parsed = CombinedSource.Find("CopilotStore-INS|contoso.agent");
        Assert.IsNotNull(parsed);
        Assert.AreEqual(MarketplaceSource.Unknown, parsed.Source);
        Assert.AreEqual("CopilotStore", parsed.SourceText);
        Assert.AreEqual(LeadAction.GetItNow, parsed.Action);
    }

    [TestMethod]
    [DataRow("Call back - urgent | ACME")]
    [DataRow("Meeting - Create | notes for Monday")]
    [DataRow("Foo-Bar|baz.qux")]
    [DataRow("AzureMarketplace")]
    [DataRow("AzureMarketplace-INS")]
    [DataRow("|||---")]
    [DataRow("-|")]
    [DataRow("")]
    [DataRow(null)]
    public void Ordinary_text_is_not_a_combined_value(string? text) => Assert.IsNull(CombinedSource.Find(text));

    [TestMethod]
    public void Combined_value_on_a_later_line_of_a_description_is_found()
    {
        var text = "Customer notes: call after 2pm | thanks\r\nSource: AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator\r\nEnd";
        var parsed = CombinedSource.Find(text);
        Assert.IsNotNull(parsed);
        Assert.AreEqual(LeadAction.ContactMe, parsed.Action);
        Assert.AreEqual("contoso-field-service-accelerator", parsed.OfferId);
    }

    [TestMethod]
    public void Offer_part_may_contain_pipes_dashes_and_dots()
    {
        var parsed = CombinedSource.Find("AzureMarketplace-INS|pub.offer-1.2|extra");
        Assert.IsNotNull(parsed);
        Assert.AreEqual("pub", parsed.PublisherId);
        Assert.AreEqual("offer-1.2|extra", parsed.OfferId);
    }
}
