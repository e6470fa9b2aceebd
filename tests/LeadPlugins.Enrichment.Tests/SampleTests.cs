using System.Globalization;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Enrichment.Tests;

/// <summary>The repository's samples through the real plug-in, and the README's before/after example.</summary>
[TestClass]
public sealed class SampleTests : EnrichmentTestBase
{
    // samples/lead-rows.jsonl, line by line: what the Dynamics lead destination would write.
    private static readonly (EnrichmentStatus Status, Storefront? Storefront, LeadAction? Action)[] LeadRowExpectations =
    {
        (EnrichmentStatus.Enriched, Storefront.AzureMarketplace, LeadAction.GetItNow),   // AzureMarketplace-INS
        (EnrichmentStatus.Enriched, Storefront.AppSource, LeadAction.ContactMe),         // AppSource (SPZA)-PLT
        (EnrichmentStatus.Enriched, Storefront.AppSource, LeadAction.GetItNow),          // AppSource (SPZA)-INS, GUID offer id
        (EnrichmentStatus.Enriched, Storefront.AzureMarketplace, LeadAction.Create),     // AzurePortal-Create
        (EnrichmentStatus.Enriched, Storefront.AzureMarketplace, LeadAction.TestDrive),  // AzureMarketplace-StartTestDrive
        (EnrichmentStatus.Enriched, Storefront.AppSource, LeadAction.ContactMe),         // SPZA-PLT
        (EnrichmentStatus.Enriched, Storefront.AppSource, LeadAction.DoNotContact),      // AppSource (SPZA)-DNC
        (EnrichmentStatus.Enriched, Storefront.AzureMarketplace, LeadAction.GetItNow),   // repeat customer of line 1
        (EnrichmentStatus.Test, Storefront.Other, null),                                 // MSFT_TEST lead
        (EnrichmentStatus.CoSell, null, null),                                           // co-sell referral
        (EnrichmentStatus.NotMarketplace, null, null),                                   // website enquiry
        (EnrichmentStatus.Enriched, Storefront.AzureMarketplace, LeadAction.ContactMe),  // messy spacing and casing
        (EnrichmentStatus.Enriched, Storefront.AppSource, LeadAction.Create),            // undocumented combination
        (EnrichmentStatus.Enriched, Storefront.AzureMarketplace, LeadAction.GetItNow),   // empty offer, broken e-mail
        (EnrichmentStatus.Enriched, Storefront.AzureMarketplace, LeadAction.GetItNow),   // separate source/action columns
    };

    // samples/marketplace-payloads.jsonl, each put into description.
    private static readonly (EnrichmentStatus Status, Storefront? Storefront, LeadAction? Action, string Country)[] PayloadExpectations =
    {
        (EnrichmentStatus.Enriched, Storefront.AzureMarketplace, LeadAction.GetItNow, "US"),   // documented example
        (EnrichmentStatus.Enriched, Storefront.AppSource, LeadAction.ContactMe, "DK"),
        (EnrichmentStatus.Enriched, Storefront.AzureMarketplace, LeadAction.Create, "US"),
        (EnrichmentStatus.Enriched, Storefront.AzureMarketplace, LeadAction.TestDrive, "BR"),  // camelCase, campaign parameters
        (EnrichmentStatus.Enriched, Storefront.AppSource, LeadAction.GetItNow, "JP"),
        (EnrichmentStatus.Enriched, Storefront.AppSource, LeadAction.DoNotContact, "DE"),      // "Deutschland"
        (EnrichmentStatus.Partial, Storefront.Other, LeadAction.TestDrive, "AE"),              // TestDrive source, no catalogue row
        (EnrichmentStatus.Test, Storefront.AzureMarketplace, LeadAction.GetItNow, "US"),       // documented test lead
        (EnrichmentStatus.Partial, Storefront.AzureMarketplace, LeadAction.Other, "US"),       // SaaSTrial
    };

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Sample_lead_rows_are_classified_as_expected(Registration registration)
    {
        Start(registration);
        var ids = CreateLeads(Samples.LeadRows().ToArray());
        var rows = ids.Select(Stored).ToArray();

        Assert.AreEqual(LeadRowExpectations.Length, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            var (status, storefront, action) = LeadRowExpectations[i];
            var label = "line " + (i + 1) + ": " + Message(rows[i]);
            Assert.AreEqual(status, Status(rows[i]), label);
            Assert.AreEqual((int?)storefront, Option(rows[i], LeadTable.Columns.Storefront), label);
            Assert.AreEqual((int?)action, Option(rows[i], LeadTable.Columns.LeadAction), label);
        }
        Assert.AreEqual(ids[0], rows[7].GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf).Id, "Grace Hopper came back for another offer");
        Assert.AreEqual("Aisha", rows[11].GetAttributeValue<string>("firstname"));
        Assert.AreEqual("NG", rows[11].GetAttributeValue<string>(LeadTable.Columns.CountryCode));
        Assert.AreEqual((int)EmailStatus.Invalid, Option(rows[13], LeadTable.Columns.EmailStatus));
        Assert.AreEqual("3701c77e-1cfa-4c56-91e6-3ed0b622145", rows[2].GetAttributeValue<string>(LeadTable.Columns.OfferId));
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void Sample_payloads_in_description_are_classified_as_expected(Registration registration)
    {
        Start(registration);
        var rows = Save(Samples.PayloadLines().Select(p => Lead(("description", p))).ToArray());

        Assert.AreEqual(PayloadExpectations.Length, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            var (status, storefront, action, country) = PayloadExpectations[i];
            var label = "payload " + (i + 1) + ": " + Message(rows[i]);
            Assert.AreEqual(status, Status(rows[i]), label);
            Assert.AreEqual((int?)storefront, Option(rows[i], LeadTable.Columns.Storefront), label);
            Assert.AreEqual((int?)action, Option(rows[i], LeadTable.Columns.LeadAction), label);
            Assert.AreEqual(country, rows[i].GetAttributeValue<string>(LeadTable.Columns.CountryCode), label);
            Assert.IsNotNull(rows[i].GetAttributeValue<string>("lastname"), label + ": the payload fills the empty name");
        }
        Assert.AreEqual("webinar_q3", rows[3].GetAttributeValue<string>(LeadTable.Columns.SourceCampaignCode));
    }

    /// <summary>The README's example: a Lead Writer row before and after, with configuration in all three tables.</summary>
    [TestMethod]
    public void Readme_example_before_and_after()
    {
        Start(Registration.Create);
        var campaign = AddCampaign("AppSource nurture 2026");
        var seller = User("Giulia Bianchi");
        AddStorefrontSetting("AppSource", Storefront.AppSource, r => r[StorefrontSettingTable.Columns.CampaignId] = new EntityReference("campaign", campaign));
        AddOffer("Contoso Field Service Accelerator", offerId: "contoso-field-service-accelerator", publisherId: "contoso", more: r =>
        {
            r[StorefrontSettingTable.Columns.ListingType] = Choice(ListingType.ConsultingService);
            r[OfferTable.Columns.ProductName] = "Field Service Accelerator for Dynamics 365";
        });
        AddRoutingRule("Southern Europe AppSource", 10, seller, r =>
        {
            r[LeadTable.Columns.Storefront] = Choice(Storefront.AppSource);
            r[RoutingRuleTable.Columns.CountryCodes] = "IT, ES, PT";
        });
        var before = Samples.LeadRows()[1];
        before["firstname"] = "  Sofia ";

        var target = new Entity("lead");
        foreach (var pair in before.Attributes) target[pair.Key] = pair.Value;
        var row = Save(target);

        AssertStatus(EnrichmentStatus.Enriched, row);
        Assert.AreEqual(seller.Id, row.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(campaign, row.GetAttributeValue<EntityReference>("campaignid").Id);
        Assert.AreEqual("Field Service Accelerator for Dynamics 365", row.GetAttributeValue<string>(LeadTable.Columns.OfferTitle));
        Assert.AreEqual(75, row.GetAttributeValue<int>(LeadTable.Columns.LeadScore));

        TestContext.WriteLine("| column | before | after |");
        TestContext.WriteLine("|---|---|---|");
        var names = new Dictionary<Guid, string> { [seller.Id] = "systemuser Giulia Bianchi", [campaign] = "campaign AppSource nurture 2026", [Dataverse.CallerId] = "the creating user" };
        foreach (var column in row.Attributes.Keys.Where(k => !IsPlatformColumn(k)).OrderBy(k => before.Contains(k) ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal))
            TestContext.WriteLine("| `{0}` | {1} | {2} |", column, before.Contains(column) ? Show(column, before[column], names) : "", Show(column, row[column], names));
        foreach (var line in Dataverse.Traces.Select(t => t.Text)) TestContext.WriteLine("    " + line);
    }

    private static bool IsPlatformColumn(string column)
        => column is "leadid" or "createdon" or "createdby" or "modifiedon" or "modifiedby" or "owningbusinessunit" or "owninguser" or "owningteam"
            or "statecode" or "statuscode" or "fullname";

    private static readonly Dictionary<string, Type> ChoiceTypes = new()
    {
        [LeadTable.Columns.Storefront] = typeof(Storefront), [LeadTable.Columns.Audience] = typeof(Audience), [LeadTable.Columns.CampaignType] = typeof(CampaignType),
        [LeadTable.Columns.ListingType] = typeof(ListingType), [LeadTable.Columns.LeadAction] = typeof(LeadAction), [LeadTable.Columns.FunnelStage] = typeof(FunnelStage),
        [LeadTable.Columns.TrackedIn] = typeof(TrackedIn), [LeadTable.Columns.EmailStatus] = typeof(EmailStatus), [LeadTable.Columns.EnrichmentStatus] = typeof(EnrichmentStatus),
        ["leadqualitycode"] = typeof(Rating),
    };

    private static string Show(string column, object value, Dictionary<Guid, string> names) => value switch
    {
        EntityReference r => names.TryGetValue(r.Id, out var name) ? name : r.LogicalName + " " + r.Id,
        OptionSetValue o when ChoiceTypes.TryGetValue(column, out var type) => Enum.GetName(type, o.Value) + " (" + o.Value.ToString(CultureInfo.InvariantCulture) + ")",
        OptionSetValue o when column == "leadsourcecode" && o.Value == 8 => "Web (8)",
        OptionSetValue o => o.Value.ToString(CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        bool b => b ? "Yes" : "No",
        string s => "`" + s.Replace("\n", "⏎").Replace("|", "\\|") + "`",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
