using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Enrichment.Tests;

/// <summary>Recognition and classification through the real plug-in, for the Create and the CreateMultiple registration.</summary>
[TestClass]
public sealed class RecognitionTests : EnrichmentTestBase
{
    private static readonly (string Code, Storefront? Storefront)[] Sources =
    {
        ("AzureMarketplace", Storefront.AzureMarketplace),
        ("AzurePortal", Storefront.AzureMarketplace),
        ("AppSource (SPZA)", Storefront.AppSource),
        ("SPZA", Storefront.AppSource),
        ("AppSource", Storefront.AppSource),
        ("TestDrive", null),
    };

    private static readonly (string Code, LeadAction Action, FunnelStage Stage)[] Actions =
    {
        ("INS", LeadAction.GetItNow, FunnelStage.Acquisition),
        ("PLT", LeadAction.ContactMe, FunnelStage.Interest),
        ("DNC", LeadAction.DoNotContact, FunnelStage.Informational),
        ("Create", LeadAction.Create, FunnelStage.Acquisition),
        ("StartTestDrive", LeadAction.TestDrive, FunnelStage.Trial),
    };

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Every_source_and_action_code_sets_storefront_table_row_action_and_funnel_stage(Registration registration)
    {
        Start(registration);
        var cases = (from s in Sources from a in Actions select (s, a)).ToList();
        var leads = cases.Select((c, i) => WriterLead(c.s.Code + "-" + c.a.Code + "|contoso.offer-" + i, email: "buyer" + i + "@fabrikam.com")).ToArray();

        var rows = Save(leads);

        for (int i = 0; i < cases.Count; i++)
        {
            var ((source, storefront), (action, leadAction, stage)) = cases[i];
            var row = rows[i];
            var label = source + "-" + action;
            Assert.IsTrue(row.GetAttributeValue<bool>(LeadTable.Columns.IsMarketplace), label);
            Assert.AreEqual((int)leadAction, Option(row, LeadTable.Columns.LeadAction), label);
            Assert.AreEqual((int)stage, Option(row, LeadTable.Columns.FunnelStage), label);
            Assert.AreEqual("contoso", row.GetAttributeValue<string>(LeadTable.Columns.PublisherId), label);
            Assert.AreEqual("offer-" + i, row.GetAttributeValue<string>(LeadTable.Columns.OfferId), label);
            Assert.IsTrue(row.GetAttributeValue<int?>(LeadTable.Columns.LeadScore) is >= 0 and <= 100, label);
            Assert.IsNotNull(Option(row, "leadqualitycode"), label);
            Assert.AreEqual(8, Option(row, "leadsourcecode"), label + ": Web when the writer left it empty");
            Assert.AreEqual(T0, row.GetAttributeValue<DateTime?>(LeadTable.Columns.EnrichedOn), label);
            if (storefront == null)
            {
                // TestDrive does not name a storefront and no offer row says: Other, Partial, with the reason.
                Assert.AreEqual((int)Storefront.Other, Option(row, LeadTable.Columns.Storefront), label);
                AssertStatus(EnrichmentStatus.Partial, row);
                StringAssert.Contains(Message(row), "TestDrive", label);
                continue;
            }
            AssertStatus(EnrichmentStatus.Enriched, row);
            Assert.AreEqual((int)storefront, Option(row, LeadTable.Columns.Storefront), label);
            AssertStorefrontTableRow(storefront.Value, row, label);
        }
    }

    /// <summary>The storefront table: audience, campaign type, default listing and tracking per storefront.</summary>
    private static void AssertStorefrontTableRow(Storefront storefront, Entity row, string label)
    {
        if (storefront == Storefront.AppSource)
        {
            Assert.AreEqual((int)Audience.BusinessCustomers, Option(row, LeadTable.Columns.Audience), label);
            Assert.AreEqual((int)CampaignType.Nurture, Option(row, LeadTable.Columns.CampaignType), label);
            Assert.AreEqual((int)ListingType.App, Option(row, LeadTable.Columns.ListingType), label);
            Assert.AreEqual((int)TrackedIn.PublisherCrmAndFieldSellerCrm, Option(row, LeadTable.Columns.TrackedIn), label);
        }
        else
        {
            Assert.AreEqual((int)Audience.AllCustomers, Option(row, LeadTable.Columns.Audience), label);
            Assert.AreEqual((int)CampaignType.DemandGeneration, Option(row, LeadTable.Columns.CampaignType), label);
            Assert.AreEqual((int)ListingType.Offer, Option(row, LeadTable.Columns.ListingType), label);
            Assert.AreEqual((int)TrackedIn.AzureMarketplaceAndFieldSellerCrm, Option(row, LeadTable.Columns.TrackedIn), label);
        }
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void The_three_input_shapes_give_the_same_classification(Registration registration)
    {
        Start(registration);
        const string combined = "AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator";
        var payload = "{\"UserDetails\":{\"FirstName\":\"Mette\",\"LastName\":\"Jensen\",\"Email\":\"mette.jensen@fabrikam.dk\",\"Phone\":\"4535550100\","
            + "\"Country\":\"DK\",\"Company\":\"Fabrikam A/S\",\"Title\":\"Head of Sales Operations\"},\"LeadSource\":\"AppSource (SPZA)\","
            + "\"ActionCode\":\"PLT\",\"OfferTitle\":\"Contoso Field Service Accelerator\",\"Description\":\"Please call after 14:00 CET.\"}";

        var rows = Save(
            WriterLead(combined, email: "a@fabrikam.com"),
            Lead(("lastname", "Desc"), ("emailaddress1", "b@fabrikam.com"), ("description", "Lead from the marketplace:\n" + combined + "\nThanks")),
            Lead(("lastname", "Column"), ("emailaddress1", "c@fabrikam.com"), (LeadTable.Columns.LeadSource, combined)),
            Lead(("lastname", "Separate"), ("emailaddress1", "d@fabrikam.com"), (LeadTable.Columns.LeadSource, "AppSource (SPZA)"), (LeadTable.Columns.ActionCode, "PLT")),
            Lead(("lastname", "Json"), ("description", payload)));

        foreach (var row in rows)
        {
            var label = row.GetAttributeValue<string>("lastname");
            AssertStatus(EnrichmentStatus.Enriched, row);
            Assert.AreEqual((int)Storefront.AppSource, Option(row, LeadTable.Columns.Storefront), label);
            Assert.AreEqual((int)LeadAction.ContactMe, Option(row, LeadTable.Columns.LeadAction), label);
            Assert.AreEqual((int)FunnelStage.Interest, Option(row, LeadTable.Columns.FunnelStage), label);
            Assert.AreEqual((int)CampaignType.Nurture, Option(row, LeadTable.Columns.CampaignType), label);
        }
        Assert.AreEqual("contoso-field-service-accelerator", rows[2].GetAttributeValue<string>(LeadTable.Columns.OfferId));
        Assert.IsNull(rows[3].GetAttributeValue<string>(LeadTable.Columns.OfferId), "separate fields carry no offer");

        // The payload fills only the empty contact columns; the writer's own lastname stays.
        var json = rows[4];
        Assert.AreEqual("Json", json.GetAttributeValue<string>("lastname"));
        Assert.AreEqual("Mette", json.GetAttributeValue<string>("firstname"));
        Assert.AreEqual("mette.jensen@fabrikam.dk", json.GetAttributeValue<string>("emailaddress1"));
        Assert.AreEqual("Fabrikam A/S", json.GetAttributeValue<string>("companyname"));
        Assert.AreEqual("Head of Sales Operations", json.GetAttributeValue<string>("jobtitle"));
        Assert.AreEqual("DK", json.GetAttributeValue<string>(LeadTable.Columns.CountryCode));
        Assert.AreEqual("Contoso Field Service Accelerator", json.GetAttributeValue<string>(LeadTable.Columns.OfferTitle));
        Assert.AreEqual(payload, json.GetAttributeValue<string>("description"), "the payload is kept as sent");
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Partner_Center_download_labels_are_recognised(Registration registration)
    {
        Start(registration);
        var csv = Samples.PartnerCenterLeads();
        var rows = Save(csv.ToArray());

        var expected = new (Storefront Storefront, LeadAction Action)[]
        {
            (Storefront.AppSource, LeadAction.ContactMe),          // Appsource, Contact me
            (Storefront.AzureMarketplace, LeadAction.GetItNow),    // Azure Marketplace, Get it now
            (Storefront.AzureMarketplace, LeadAction.GetItNow),    // Azure portal, Get it now
            (Storefront.AppSource, LeadAction.FreeTrial),          // Appsource, Free trial
            (Storefront.AzureMarketplace, LeadAction.TestDrive),   // Azure Marketplace, Test drive
        };
        Assert.AreEqual(expected.Length, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            AssertStatus(EnrichmentStatus.Enriched, rows[i]);
            Assert.AreEqual((int)expected[i].Storefront, Option(rows[i], LeadTable.Columns.Storefront), "row " + i);
            Assert.AreEqual((int)expected[i].Action, Option(rows[i], LeadTable.Columns.LeadAction), "row " + i);
        }
        Assert.AreEqual((int)FunnelStage.Trial, Option(rows[3], LeadTable.Columns.FunnelStage), "free trial is a trial");
        Assert.AreEqual((int)EmailStatus.FreeMail, Option(rows[3], LeadTable.Columns.EmailStatus), "yahoo.com is free mail");
        Assert.AreEqual("IN", rows[3].GetAttributeValue<string>(LeadTable.Columns.CountryCode), "India -> IN");
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Test_leads_are_flagged_not_scored_routed_or_paired(Registration registration)
    {
        Start(registration);
        var owner = User("Routed seller");
        AddRoutingRule("Everything", 1, owner);
        const string token = "MSFT_TEST_636737558587117715";
        var combined = Lead(("subject", token + "-" + token + "|Contoso Test"), ("firstname", token), ("lastname", token),
            ("emailaddress1", token + "@test.com"), ("telephone1", "1234567890"), ("companyname", token), ("address1_country", "US"));
        var payload = Lead(("lastname", "Payload"), ("description", Samples.PayloadLines()[7]));

        var rows = Save(combined, payload);

        foreach (var row in rows)
        {
            AssertStatus(EnrichmentStatus.Test, row);
            Assert.IsTrue(row.GetAttributeValue<bool>(LeadTable.Columns.IsTestLead));
            Assert.IsTrue(row.GetAttributeValue<bool>(LeadTable.Columns.IsMarketplace));
            Assert.IsFalse(row.GetAttributeValue<bool>(LeadTable.Columns.IsCoSell));
            Assert.IsFalse(row.Contains(LeadTable.Columns.LeadScore), "test leads are not scored");
            Assert.IsFalse(row.Contains(LeadTable.Columns.DuplicateOf));
            Assert.AreEqual(Dataverse.CallerId, row.GetAttributeValue<EntityReference>("ownerid").Id, "test leads are not routed");
        }
        StringAssert.Contains(Message(rows[0]), "sent 2018-09-28 18:24 UTC");
        StringAssert.Contains(Message(rows[1]), "sent 2018-03-22 15:48 UTC");
        Assert.AreEqual((int)Storefront.AzureMarketplace, Option(rows[1], LeadTable.Columns.Storefront), "the payload's LeadSource still names the storefront");
        Assert.AreEqual("Contoso Test", rows[1].GetAttributeValue<string>(LeadTable.Columns.OfferTitle));
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Co_sell_referrals_get_only_their_co_sell_columns(Registration registration)
    {
        Start(registration);
        var owner = User("Routed seller");
        AddRoutingRule("Everything", 1, owner);
        var referral = Samples.LeadRows()[9];          // "Partner Center referral. Referral ID: 5f2b8c1e-... Qualification: SalesQualified."
        var qualified = Lead(("subject", "Microsoft referral"), ("description", "Qualification: Direct"), ("lastname", "Direct"),
            ("emailaddress1", "kim@contoso.com"));

        var rows = Save(referral, qualified);

        foreach (var row in rows)
        {
            AssertStatus(EnrichmentStatus.CoSell, row);
            Assert.IsTrue(row.GetAttributeValue<bool>(LeadTable.Columns.IsCoSell));
            Assert.IsFalse(row.GetAttributeValue<bool>(LeadTable.Columns.IsMarketplace));
            foreach (var column in new[] { LeadTable.Columns.Storefront, LeadTable.Columns.CampaignType, LeadTable.Columns.LeadScore, "leadqualitycode", "campaignid", "leadsourcecode", LeadTable.Columns.DuplicateOf })
                Assert.IsFalse(row.Contains(column), column + " is marketplace treatment");
            Assert.AreEqual(Dataverse.CallerId, row.GetAttributeValue<EntityReference>("ownerid").Id);
        }
        Assert.AreEqual("5f2b8c1e-9a4d-4e7b-8f3a-2c6d1e0b9a77", rows[0].GetAttributeValue<string>(LeadTable.Columns.ReferralId));
        Assert.AreEqual("DE", rows[0].GetAttributeValue<string>(LeadTable.Columns.CountryCode));
        StringAssert.Contains(Message(rows[1]), "qualification Direct");
        Assert.AreEqual(0, Dataverse.Counters.FromPlugins, "a batch without marketplace leads reads nothing");
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Unknown_codes_become_Other_with_the_raw_text_in_the_message(Registration registration)
    {
        Start(registration);
        var rows = Save(
            WriterLead("AzureMarketplace-SaaSTrial|contoso.contoso-saas-analytics", email: "a@contoso.com"),
            WriterLead("BingMarketplace-INS|contoso.contoso-saas-analytics", email: "b@contoso.com"),
            Lead(("lastname", "Payload"), ("description", Samples.PayloadLines()[8])));     // ActionCode "SaaSTrial"

        AssertStatus(EnrichmentStatus.Partial, rows[0]);
        Assert.AreEqual((int)LeadAction.Other, Option(rows[0], LeadTable.Columns.LeadAction));
        Assert.IsFalse(rows[0].Contains(LeadTable.Columns.FunnelStage), "Other has no funnel stage");
        Assert.AreEqual((int)Storefront.AzureMarketplace, Option(rows[0], LeadTable.Columns.Storefront));
        StringAssert.Contains(Message(rows[0]), "unknown action code 'SaaSTrial'");

        AssertStatus(EnrichmentStatus.Partial, rows[1]);
        Assert.AreEqual((int)Storefront.Other, Option(rows[1], LeadTable.Columns.Storefront));
        Assert.AreEqual((int)LeadAction.GetItNow, Option(rows[1], LeadTable.Columns.LeadAction));
        StringAssert.Contains(Message(rows[1]), "unknown source code 'BingMarketplace'");

        AssertStatus(EnrichmentStatus.Partial, rows[2]);
        Assert.AreEqual((int)LeadAction.Other, Option(rows[2], LeadTable.Columns.LeadAction));
        StringAssert.Contains(Message(rows[2]), "'SaaSTrial'");
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void A_lead_without_marketplace_text_is_stored_exactly_as_without_the_plugin_except_the_status(Registration registration)
    {
        var plain = Lead(("subject", "Website enquiry: pricing"), ("firstname", "Jon"), ("lastname", "Doe"), ("emailaddress1", "jon@example.org"),
            ("companyname", "Example Org"), ("address1_country", "US"), ("description", "Call me about {pricing} - see https://example.org|x"));

        var baseline = NewDataverse();
        var baselineId = baseline.GetOrganizationService().Create(Clone(plain));
        var expected = baseline.Get("lead", baselineId)!;

        Start(registration);
        var row = Save(Clone(plain));

        AssertStatus(EnrichmentStatus.NotMarketplace, row);
        var actualColumns = row.Attributes.Keys.Where(k => k != LeadTable.Columns.EnrichmentStatus).OrderBy(k => k, StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(expected.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList(), actualColumns);
        foreach (var column in actualColumns.Where(c => c is not ("leadid")))
            Assert.AreEqual(Show(expected[column]), Show(row[column]), column);
        Assert.AreEqual(0, Dataverse.Counters.FromPlugins, "no query for a batch without marketplace leads");
        StringAssert.Contains(AllTraces, "NotMarketplace");
    }

    private static Entity Clone(Entity entity)
    {
        var copy = new Entity(entity.LogicalName);
        foreach (var pair in entity.Attributes) copy[pair.Key] = pair.Value;
        return copy;
    }

    private static string Show(object? value) => value switch
    {
        EntityReference r => r.LogicalName + ":" + r.Id,
        OptionSetValue o => "option " + o.Value,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
    };
}
