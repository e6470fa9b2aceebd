using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Domain.Tests.Enrichment;

[TestClass]
public sealed class EnricherTests
{
    private static EnrichmentResult Enrich(LeadFields fields, EnrichmentReferenceData? reference = null) =>
        MarketplaceLeadEnricher.Enrich(fields, reference);

    [TestMethod]
    public void AppSource_row_of_the_storefront_table()
    {
        var result = Enrich(Samples.Combined("AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator"));
        Assert.AreEqual(EnrichmentStatus.Enriched, result.Status, result.Message);
        Assert.IsTrue(result.IsMarketplace);
        Assert.AreEqual(Storefront.AppSource, result.Storefront);
        Assert.AreEqual(Audience.BusinessCustomers, result.Audience);
        Assert.AreEqual(CampaignType.Nurture, result.CampaignType);
        Assert.AreEqual(ListingType.App, result.ListingType);
        Assert.AreEqual(TrackedIn.PublisherCrmAndFieldSellerCrm, result.TrackedIn);
        Assert.AreEqual(LeadAction.ContactMe, result.LeadAction);
        Assert.AreEqual(FunnelStage.Interest, result.FunnelStage);
        Assert.AreEqual("contoso", result.PublisherId);
        Assert.AreEqual("contoso-field-service-accelerator", result.OfferId);
        Assert.AreEqual("DK", result.CountryCode);
        Assert.AreEqual(EmailStatus.Business, result.EmailStatus);
        Assert.AreEqual("mette.jensen@fabrikam.dk", result.NormalizedEmail);
        Assert.AreEqual(75, result.Score);
        Assert.AreEqual(Rating.Hot, result.Rating);
        Assert.AreEqual("Contact me (PLT) +25\nAppSource storefront +10\nBusiness e-mail +10\nPhone given +5\nCompany given +5\nSenior job title +15\nCountry known +5", result.ScoreReason);
        Assert.IsFalse(result.IsCoSell);
        Assert.IsFalse(result.IsTestLead);
        Assert.IsNull(result.Owner);
        Assert.AreEqual(OwnerSource.Unchanged, result.Routing!.Source);
        Assert.AreEqual("Marketplace lead: AppSource, Contact me (PLT), offer contoso.contoso-field-service-accelerator. Score 75 (Hot).", result.Message);
        Assert.AreEqual(LeadInputShape.CombinedSource, result.Parsed.Shape);
        Assert.AreEqual("subject", result.Parsed.SourceColumn);
    }

    [TestMethod]
    [DataRow("AzureMarketplace-INS|bitnami.openedxcypress", LeadAction.GetItNow, FunnelStage.Acquisition)]
    [DataRow("AzurePortal-Create|fabrikam.fabrikam-waf-appliance", LeadAction.Create, FunnelStage.Acquisition)]
    [DataRow("AzureMarketplace-StartTestDrive|northwind.northwind-sql-analytics-vm", LeadAction.TestDrive, FunnelStage.Trial)]
    public void Azure_marketplace_row_of_the_storefront_table_including_the_portal(string source, LeadAction action, FunnelStage stage)
    {
        var result = Enrich(Samples.Combined(source));
        Assert.AreEqual(EnrichmentStatus.Enriched, result.Status, result.Message);
        Assert.AreEqual(Storefront.AzureMarketplace, result.Storefront);
        Assert.AreEqual(Audience.AllCustomers, result.Audience);
        Assert.AreEqual(CampaignType.DemandGeneration, result.CampaignType);
        Assert.AreEqual(ListingType.Offer, result.ListingType);
        Assert.AreEqual(TrackedIn.AzureMarketplaceAndFieldSellerCrm, result.TrackedIn);
        Assert.AreEqual(action, result.LeadAction);
        Assert.AreEqual(stage, result.FunnelStage);
    }

    [TestMethod]
    public void Do_not_contact_is_informational_and_still_enriched()
    {
        var result = Enrich(Samples.Combined("AppSource (SPZA)-DNC|adatum.adatum-crm-implementation-2-week"));
        Assert.AreEqual(EnrichmentStatus.Enriched, result.Status);
        Assert.AreEqual(FunnelStage.Informational, result.FunnelStage);
        Assert.IsTrue(result.ScoreReason!.StartsWith("Do not contact (DNC) +0"));
    }

    [TestMethod]
    public void Combined_source_is_searched_in_subject_description_leadsource_then_extra_columns()
    {
        var settings = EnrichmentSettings.Parse("{\"extraSourceColumns\":[\"new_origin\"]}");
        var reference = new EnrichmentReferenceData(settings, null, null, null);
        var fields = new LeadFields
        {
            Description = "Lead details\nAzureMarketplace-INS|d.from-description",
            LeadSource = "AzurePortal-Create|l.from-leadsource",
            ExtraSourceValues = new List<string?> { "SPZA-PLT|e.from-extra" },
        };
        Assert.AreEqual("from-description", Enrich(fields, reference).OfferId);
        fields.Subject = "AppSource (SPZA)-INS|s.from-subject";
        Assert.AreEqual("from-subject", Enrich(fields, reference).OfferId);
        fields.Subject = null;
        fields.Description = null;
        Assert.AreEqual("from-leadsource", Enrich(fields, reference).OfferId);
        fields.LeadSource = null;
        var extra = Enrich(fields, reference);
        Assert.AreEqual("from-extra", extra.OfferId);
        Assert.AreEqual("new_origin", extra.Parsed.SourceColumn);
    }

    [TestMethod]
    public void Description_starting_with_unrelated_json_is_still_scanned_for_the_combined_value()
    {
        var result = Enrich(new LeadFields { Description = "{\"ticket\":42}\nAzureMarketplace-INS|bitnami.openedxcypress" });
        Assert.AreEqual(EnrichmentStatus.Enriched, result.Status, result.Message);
        Assert.AreEqual("openedxcypress", result.OfferId);
    }

    [TestMethod]
    public void Separate_fields_with_codes()
    {
        var result = Enrich(new LeadFields { LeadSource = "AzureMarketplace", ActionCode = "INS", Email = "li.wei@contoso.com" });
        Assert.AreEqual(EnrichmentStatus.Enriched, result.Status, result.Message);
        Assert.AreEqual(LeadInputShape.SeparateFields, result.Parsed.Shape);
        Assert.AreEqual(Storefront.AzureMarketplace, result.Storefront);
        Assert.AreEqual(LeadAction.GetItNow, result.LeadAction);
        Assert.IsNull(result.OfferId);
    }

    [TestMethod]
    [DataRow("Appsource", "Contact me", Storefront.AppSource, LeadAction.ContactMe)]
    [DataRow("Azure Marketplace", "Get it now", Storefront.AzureMarketplace, LeadAction.GetItNow)]
    [DataRow("Azure portal", "Test drive", Storefront.AzureMarketplace, LeadAction.TestDrive)]
    [DataRow("Appsource", "Free trial", Storefront.AppSource, LeadAction.FreeTrial)]
    public void Partner_center_download_labels(string source, string action, Storefront storefront, LeadAction leadAction)
    {
        var result = Enrich(new LeadFields { LeadSource = source, ActionCode = action });
        Assert.AreEqual(EnrichmentStatus.Enriched, result.Status, result.Message);
        Assert.AreEqual(storefront, result.Storefront);
        Assert.AreEqual(leadAction, result.LeadAction);
        Assert.AreEqual(LeadInputShape.PartnerCenterLabels, result.Parsed.Shape);
    }

    [TestMethod]
    public void Json_payload_in_description_fills_empty_contact_columns_only()
    {
        var fields = new LeadFields { Description = Samples.AppSourceContactMe(), LastName = "  Jensen-Own  ", CompanyName = "Own Company" };
        var result = Enrich(fields);
        Assert.AreEqual(EnrichmentStatus.Enriched, result.Status, result.Message);
        Assert.AreEqual(LeadInputShape.JsonPayload, result.Parsed.Shape);
        Assert.AreEqual(Storefront.AppSource, result.Storefront);
        Assert.AreEqual(LeadAction.ContactMe, result.LeadAction);
        Assert.AreEqual("Contoso Field Service Accelerator", result.OfferTitle);
        var updates = result.ContactUpdates;
        Assert.AreEqual("Mette", updates.FirstName);
        Assert.AreEqual("Jensen-Own", updates.LastName, "the writer's value is only trimmed");
        Assert.IsNull(updates.CompanyName, "the writer's value is kept");
        Assert.AreEqual("mette.jensen@fabrikam.dk", updates.Email);
        Assert.IsNull(updates.Phone, "empty in the payload");
        Assert.AreEqual("DK", updates.Country);
        Assert.AreEqual("Head of Sales Operations", updates.JobTitle);
        Assert.AreEqual("DK", result.CountryCode);
        Assert.IsFalse(result.Parsed.HasPhone);
        Assert.IsTrue(result.Parsed.HasCompany);
    }

    [TestMethod]
    public void Documented_https_example_and_sparse_portal_payload()
    {
        var example = Enrich(new LeadFields { Description = Samples.DocumentedHttpsExample() });
        Assert.AreEqual(EnrichmentStatus.Enriched, example.Status, example.Message);
        Assert.AreEqual(Storefront.AzureMarketplace, example.Storefront);
        Assert.AreEqual(LeadAction.GetItNow, example.LeadAction);
        Assert.AreEqual("Test Microsoft", example.OfferTitle);
        Assert.AreEqual("US", example.CountryCode, "USA -> US");

        var portal = Enrich(new LeadFields { Description = Samples.AzurePortalCreate() });
        Assert.AreEqual(EnrichmentStatus.Enriched, portal.Status, portal.Message);
        Assert.AreEqual(LeadAction.Create, portal.LeadAction);
        Assert.IsNull(portal.ContactUpdates.Phone);
        Assert.IsNull(portal.ContactUpdates.JobTitle);
    }

    [TestMethod]
    public void CamelCase_payload_carries_the_listing_campaign_code()
    {
        var result = Enrich(new LeadFields { Description = Samples.CamelCaseWithCampaign() });
        Assert.AreEqual(EnrichmentStatus.Enriched, result.Status, result.Message);
        Assert.AreEqual(LeadAction.TestDrive, result.LeadAction);
        Assert.AreEqual("webinar_q3", result.SourceCampaignCode);
        Assert.AreEqual("BR", result.CountryCode);
        Assert.AreEqual(ListingType.Offer, result.ListingType);
    }

    [TestMethod]
    public void Azure_table_entity_shape()
    {
        var result = Enrich(new LeadFields { Description = Samples.AzureTableEntity() });
        Assert.AreEqual(EnrichmentStatus.Enriched, result.Status, result.Message);
        Assert.AreEqual("Li", result.ContactUpdates.FirstName);
        Assert.AreEqual("Contoso SaaS Analytics", result.OfferTitle);
        Assert.AreEqual("CN", result.CountryCode);
    }

    [TestMethod]
    public void Combined_value_with_url_parameters_in_description()
    {
        var result = Enrich(Samples.Combined("AzureMarketplace-INS|contoso.contoso-saas-analytics", f => f.Description = "{\"mktcmpid\":\"NewCampaign\",\"src\":\"newsletter\"}"));
        Assert.AreEqual(EnrichmentStatus.Enriched, result.Status, result.Message);
        Assert.AreEqual("NewCampaign", result.SourceCampaignCode);
    }

    [TestMethod]
    public void Documented_malformed_json_test_lead_is_a_test_lead_with_its_send_time()
    {
        var result = Enrich(new LeadFields { Description = Samples.DocumentedMalformedTestLead() });
        Assert.AreEqual(EnrichmentStatus.Test, result.Status);
        Assert.IsTrue(result.IsTestLead);
        Assert.IsTrue(result.IsMarketplace);
        Assert.AreEqual(new DateTime(2018, 3, 22, 15, 48, 3, DateTimeKind.Utc), result.TestValidationTimeUtc!.Value.AddTicks(-(result.TestValidationTimeUtc.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.AreEqual(Storefront.AzureMarketplace, result.Storefront, "the payload's source still classifies it");
        Assert.IsNull(result.Score, "test leads are not scored");
        Assert.IsNull(result.Routing, "nor routed");
        Assert.IsNull(result.CampaignId);
        Assert.IsTrue(result.Message.Contains("MSFT_TEST_636573304831318844, sent 2018-03-22 15:48 UTC"), result.Message);
        Assert.IsTrue(result.BuildTrace().Any(l => l.Contains("2018-03-22T15:48")), string.Join("\n", result.BuildTrace()));
    }

    [TestMethod]
    [DataRow("subject")]
    [DataRow("email")]
    [DataRow("company")]
    [DataRow("combined")]
    public void Test_token_in_any_field_makes_a_test_lead(string where)
    {
        var fields = Samples.Combined("AzureMarketplace-INS|bitnami.openedxcypress");
        switch (where)
        {
            case "subject": fields.Subject = Samples.TestToken; break;
            case "email": fields.Email = Samples.TestToken + "@test.com"; break;
            case "company": fields.CompanyName = Samples.TestToken; break;
            default: fields.Subject = Samples.TestToken + "-" + Samples.TestToken + "|Contoso Test"; break;
        }
        var result = Enrich(fields);
        Assert.AreEqual(EnrichmentStatus.Test, result.Status);
        Assert.IsNull(result.Duplicate);
    }

    [TestMethod]
    public void Co_sell_referral_never_gets_marketplace_treatment()
    {
        const string id = "8a4f0f43-2b52-4f1c-9e8b-54f7c2f1a111";
        var result = Enrich(Samples.Combined("AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator",
            f => f.Description = "Referral ID: " + id + "\nQualification: SalesQualified"));
        Assert.AreEqual(EnrichmentStatus.CoSell, result.Status);
        Assert.IsTrue(result.IsCoSell);
        Assert.IsFalse(result.IsMarketplace);
        Assert.AreEqual(id, result.ReferralId);
        Assert.IsNull(result.Storefront);
        Assert.IsNull(result.CampaignType);
        Assert.IsNull(result.LeadAction);
        Assert.IsNull(result.Score);
        Assert.IsNull(result.Owner);
        Assert.AreEqual(EmailStatus.Business, result.EmailStatus);
        Assert.IsTrue(result.Message.StartsWith("Co-sell referral (referral id " + id + ", qualification SalesQualified)"), result.Message);
    }

    [TestMethod]
    public void Co_sell_by_engagement_id_in_json_or_by_qualification_alone()
    {
        var byEngagement = Enrich(new LeadFields { Description = "{\"engagementId\":\"8a4f0f43-2b52-4f1c-9e8b-54f7c2f1a111\",\"qualification\":\"Direct\"}" });
        Assert.AreEqual(EnrichmentStatus.CoSell, byEngagement.Status);
        Assert.AreEqual("8a4f0f43-2b52-4f1c-9e8b-54f7c2f1a111", byEngagement.ReferralId);
        var byQualification = Enrich(new LeadFields { Subject = "Microsoft referral - SalesQualified" });
        Assert.AreEqual(EnrichmentStatus.CoSell, byQualification.Status);
        Assert.IsNull(byQualification.ReferralId);
    }

    [TestMethod]
    public void Unknown_action_is_partial_and_keeps_the_raw_code()
    {
        var result = Enrich(Samples.Combined("AzureMarketplace-SaaSTrial|contoso.contoso-saas-analytics"));
        Assert.AreEqual(EnrichmentStatus.Partial, result.Status);
        Assert.AreEqual(LeadAction.Other, result.LeadAction);
        Assert.IsNull(result.FunnelStage);
        Assert.AreEqual(Storefront.AzureMarketplace, result.Storefront);
        Assert.IsTrue(result.Message.Contains("action 'SaaSTrial'"), result.Message);
        Assert.IsTrue(result.Message.Contains("Could not determine: unknown action code 'SaaSTrial'."), result.Message);
        Assert.IsTrue(result.ScoreReason!.StartsWith("Other action +5"));
    }

    [TestMethod]
    public void Unknown_source_is_partial_with_storefront_other()
    {
        var result = Enrich(Samples.Combined("CopilotStore-INS|contoso.agent"));
        Assert.AreEqual(EnrichmentStatus.Partial, result.Status);
        Assert.AreEqual(Storefront.Other, result.Storefront);
        Assert.IsNull(result.CampaignType);
        Assert.IsTrue(result.Message.Contains("unknown source code 'CopilotStore'"), result.Message);
    }

    [TestMethod]
    public void Source_without_action_is_partial()
    {
        var result = Enrich(new LeadFields { LeadSource = "AzureMarketplace" });
        Assert.AreEqual(EnrichmentStatus.Partial, result.Status);
        Assert.IsNull(result.LeadAction);
        Assert.IsTrue(result.Problems.Contains("no action code"));
    }

    [TestMethod]
    public void Test_drive_source_takes_its_storefront_from_the_offer_catalogue_else_other()
    {
        var fields = Samples.Combined("TestDrive-StartTestDrive|contoso.contoso-d365-sales-addon");
        var without = Enrich(fields);
        Assert.AreEqual(EnrichmentStatus.Partial, without.Status);
        Assert.AreEqual(Storefront.Other, without.Storefront);

        var reference = new EnrichmentReferenceData(null, null,
            new[] { new OfferEntry("contoso-d365-sales-addon", "Contoso D365 Sales Add-on", "contoso", Storefront.AppSource, ListingType.ConsultingService, "Sales Add-on") }, null);
        var with = Enrich(fields, reference);
        Assert.AreEqual(EnrichmentStatus.Enriched, with.Status, with.Message);
        Assert.AreEqual(Storefront.AppSource, with.Storefront);
        Assert.AreEqual(CampaignType.Nurture, with.CampaignType);
        Assert.AreEqual(ListingType.ConsultingService, with.ListingType);
        Assert.AreEqual("Sales Add-on", with.OfferTitle, "the catalogue's product name");
    }

    [TestMethod]
    public void Offer_catalogue_sets_listing_type_owner_and_nurture_sequence_but_not_a_known_storefront()
    {
        var sequence = Guid.NewGuid();
        var owner = OwnerReference.User(Guid.NewGuid());
        var reference = new EnrichmentReferenceData(null, null,
            new[] { new OfferEntry(null, "Northwind SQL Analytics VM", storefront: Storefront.AppSource, listingType: ListingType.Technology, owner: owner, nurtureSequenceId: sequence) }, null);
        var result = Enrich(new LeadFields { Description = Samples.CamelCaseWithCampaign() }, reference);
        Assert.AreEqual(Storefront.AzureMarketplace, result.Storefront, "the source code decides when it names a storefront");
        Assert.AreEqual(ListingType.Technology, result.ListingType);
        Assert.AreSame(owner, result.Owner);
        Assert.AreEqual(OwnerSource.Offer, result.Routing!.Source);
        Assert.AreEqual(sequence, result.NurtureSequenceId);
    }

    [TestMethod]
    public void Storefront_settings_set_campaign_and_default_owner_and_rules_win_over_them()
    {
        var campaign = Guid.NewGuid();
        var fallback = OwnerReference.Team(Guid.NewGuid());
        var seller = Guid.NewGuid();
        var settings = new[] { new StorefrontSetting(Storefront.AppSource, campaignId: campaign, defaultOwner: fallback) };
        var rules = new[] { new RoutingRule("Hot DK", 1, countryCodes: "DK", minimumScore: 70, assignUserId: seller) };

        var defaultOwner = Enrich(Samples.Combined("AppSource (SPZA)-PLT|contoso.x"), new EnrichmentReferenceData(null, settings, null, null));
        Assert.AreEqual(campaign, defaultOwner.CampaignId);
        Assert.AreSame(fallback, defaultOwner.Owner);
        Assert.IsTrue(defaultOwner.Message.Contains("Owner is the storefront default."), defaultOwner.Message);

        var routed = Enrich(Samples.Combined("AppSource (SPZA)-PLT|contoso.x"), new EnrichmentReferenceData(null, settings, null, rules));
        Assert.AreEqual(seller, routed.Owner!.Id);
        Assert.IsTrue(routed.Message.Contains("Owner from routing rule 'Hot DK'."), routed.Message);

        var cold = Enrich(Samples.Combined("AppSource (SPZA)-PLT|contoso.x", f => { f.JobTitle = null; f.Phone = null; }), new EnrichmentReferenceData(null, settings, null, rules));
        Assert.AreSame(fallback, cold.Owner, "score below the rule's minimum");
    }

    [TestMethod]
    public void Settings_weights_and_thresholds_apply()
    {
        var settings = EnrichmentSettings.Parse("{\"weights\":{\"contactMe\":5},\"thresholds\":{\"hot\":90,\"warm\":10}}");
        var result = Enrich(Samples.Combined("AppSource (SPZA)-PLT|contoso.x"), new EnrichmentReferenceData(settings, null, null, null));
        Assert.AreEqual(55, result.Score);
        Assert.AreEqual(Rating.Warm, result.Rating);
        Assert.IsTrue(result.ScoreReason!.StartsWith("Contact me (PLT) +5"));
    }

    [TestMethod]
    public void Lead_without_marketplace_text_is_left_untouched()
    {
        var fields = new LeadFields
        {
            Subject = "Call back - urgent | ACME", Description = "Met at the trade fair", FirstName = "  Jo  ", Email = "jo@acme.com", Country = "Germany",
            LeadSource = "Website",
        };
        var result = Enrich(fields);
        Assert.AreEqual(EnrichmentStatus.NotMarketplace, result.Status);
        Assert.IsFalse(result.IsMarketplace);
        Assert.IsNull(result.Storefront);
        Assert.IsNull(result.LeadAction);
        Assert.IsNull(result.Score);
        Assert.IsNull(result.CountryCode);
        Assert.IsNull(result.EmailStatus);
        Assert.IsNull(result.Routing);
        Assert.IsFalse(result.ContactUpdates.HasAny, "not even trimmed");
        Assert.AreEqual(1, result.BuildTrace().Count);
    }

    [TestMethod]
    public void Marketplace_writer_user_makes_an_unrecognised_lead_a_partial_marketplace_lead()
    {
        var writer = Guid.NewGuid();
        var settings = EnrichmentSettings.Parse("{\"marketplaceWriterUserIds\":[\"" + writer + "\"]}");
        var reference = new EnrichmentReferenceData(settings, null, null, null);
        var result = Enrich(new LeadFields { Subject = "Contoso Test", CreatedByUserId = writer, Email = "x@contoso.com" }, reference);
        Assert.AreEqual(EnrichmentStatus.Partial, result.Status);
        Assert.IsTrue(result.IsMarketplace);
        Assert.AreEqual(Storefront.Other, result.Storefront);
        Assert.IsTrue(result.Parsed.CreatedByMarketplaceWriter);
        Assert.AreEqual(EnrichmentStatus.NotMarketplace, Enrich(new LeadFields { Subject = "Contoso Test", CreatedByUserId = Guid.NewGuid() }, reference).Status);
    }

    [TestMethod]
    public void Repaired_payload_of_a_real_lead_is_partial()
    {
        var json = new PayloadBuilder { OmitCommaAfterOfferTitle = true }.Customer("Ana", "Silva", "ana@adatum.com", "1", "BR", "Adatum", "CIO")
            .Top("LeadSource", "AzureMarketplace").Top("ActionCode", "INS").Top("OfferTitle", "X").Top("Description", "notes").Build();
        var result = Enrich(new LeadFields { Description = json });
        Assert.AreEqual(EnrichmentStatus.Partial, result.Status);
        Assert.AreEqual(LeadAction.GetItNow, result.LeadAction);
        Assert.IsTrue(result.Message.Contains("the JSON payload was malformed"), result.Message);
    }

    [TestMethod]
    public void Truncated_payload_keeps_what_was_read()
    {
        var json = Samples.AppSourceContactMe();
        var result = Enrich(new LeadFields { Description = json.Substring(0, json.IndexOf("\"OfferTitle\"", StringComparison.Ordinal) + 20) });
        Assert.AreEqual(EnrichmentStatus.Partial, result.Status);
        Assert.AreEqual(Storefront.AppSource, result.Storefront);
        Assert.AreEqual(LeadAction.ContactMe, result.LeadAction);
        Assert.AreEqual("Mette", result.ContactUpdates.FirstName);
        Assert.IsNull(result.OfferTitle, "the cut title is dropped");
    }

    [TestMethod]
    public void Huge_control_rtl_and_emoji_values_are_cut_to_column_limits_without_errors()
    {
        string huge = new string('x', 100_000);
        string emojiName = string.Concat(Enumerable.Repeat("\U0001F600", 40));
        var json = new PayloadBuilder().Customer(emojiName, "\u05e9\u05dc\u05d5\u05dd\u200f", "a@contoso.com", "\u0001\u0002", "\u202eSU", huge, huge)
            .Top("LeadSource", "AppSource (SPZA)").Top("ActionCode", "PLT").Top("OfferTitle", huge).Build();
        var result = Enrich(new LeadFields { Description = json, Subject = "\0\u0007" + huge });
        Assert.AreEqual(EnrichmentStatus.Partial, result.Status, "the 100k-character payload is over the reader's size limit");

        var fine = Enrich(new LeadFields { Description = new PayloadBuilder().Customer(emojiName, "\u05e9\u05dc\u05d5\u05dd", "a@contoso.com", null, null, new string('c', 500), null)
            .Top("LeadSource", "AppSource (SPZA)").Top("ActionCode", "PLT").Top("OfferTitle", new string('t', 500)).Build() });
        Assert.AreEqual(EnrichmentStatus.Enriched, fine.Status, fine.Message);
        Assert.AreEqual(LeadTable.MaxLength.OfferTitle, fine.OfferTitle!.Length);
        Assert.AreEqual(LeadTable.MaxLength.CompanyName, fine.ContactUpdates.CompanyName!.Length);
        Assert.AreEqual(50, fine.ContactUpdates.FirstName!.Length, "25 emoji = 50 UTF-16 units, never half an emoji");
        Assert.IsFalse(char.IsHighSurrogate(fine.ContactUpdates.FirstName[^1]));

        var subjectOnly = Enrich(new LeadFields { Subject = "AzureMarketplace-INS|pub." + huge });
        Assert.AreEqual(LeadTable.MaxLength.OfferId, subjectOnly.OfferId!.Length);
        Assert.IsTrue(subjectOnly.Message.Length <= LeadTable.MaxLength.EnrichmentMessage);
    }

    [TestMethod]
    public void Trace_explains_each_decision()
    {
        var reference = new EnrichmentReferenceData(null, null, new[] { new OfferEntry("openedxcypress", "Open edX", listingType: ListingType.Technology) },
            new[] { new RoutingRule("All", 1, assignUserId: Guid.NewGuid()) });
        var trace = Enrich(Samples.Combined("AzureMarketplace-INS|bitnami.openedxcypress", f => f.FirstName = " Mette "), reference).BuildTrace();
        var text = string.Join("\n", trace);
        StringAssert.Contains(text, "Enrichment: Enriched (CombinedSource in subject)");
        StringAssert.Contains(text, "Source AzureMarketplace (AzureMarketplace), action INS (GetItNow)");
        StringAssert.Contains(text, "Offer catalogue row: Open edX, listing Technology");
        StringAssert.Contains(text, "Score ");
        StringAssert.Contains(text, "Owner: routing rule 'All' (order 1)");
        StringAssert.Contains(text, "Contact columns set: firstname");
    }
}

[TestClass]
public sealed class DuplicateTests
{
    private static ParsedLead Lead(string email, string source = "AppSource (SPZA)-INS|contoso.x", Guid? id = null) =>
        MarketplaceLeadParser.Parse(new LeadFields { Subject = source, Email = email, LeadId = id }, null);

    [TestMethod]
    public void New_lead_pairs_with_the_oldest_open_lead_with_the_same_email()
    {
        var oldest = new OpenLead(Guid.NewGuid(), " Mette.Jensen@Fabrikam.dk", new DateTime(2024, 1, 1), LeadAction.ContactMe);
        var newer = new OpenLead(Guid.NewGuid(), "mette.jensen@fabrikam.dk", new DateTime(2025, 1, 1), LeadAction.GetItNow);
        var other = new OpenLead(Guid.NewGuid(), "someone@else.com", new DateTime(2020, 1, 1));
        var matches = DuplicateMatcher.Match(new[] { Lead("METTE.JENSEN@fabrikam.dk") }, new[] { newer, oldest, other });
        Assert.AreEqual(oldest.Id, matches[0]!.LeadId);
        Assert.AreEqual(LeadAction.ContactMe, matches[0]!.EarlierAction);
        Assert.IsTrue(matches[0]!.IsRepeatEngagement, "Contact me -> Get it now");
    }

    [TestMethod]
    public void Same_creation_time_is_decided_by_id()
    {
        var low = new OpenLead(new Guid("00000000-0000-0000-0000-000000000001"), "a@contoso.com", new DateTime(2024, 1, 1));
        var high = new OpenLead(new Guid("00000000-0000-0000-0000-000000000002"), "a@contoso.com", new DateTime(2024, 1, 1));
        Assert.AreEqual(low.Id, DuplicateMatcher.Match(new[] { Lead("a@contoso.com") }, new[] { high, low })[0]!.LeadId);
    }

    [TestMethod]
    public void Two_leads_of_one_batch_make_one_pair_the_later_with_the_earlier()
    {
        var batch = new[]
        {
            Lead("ana@adatum.com", "AppSource (SPZA)-PLT|contoso.x"),
            Lead("raj@northwind.com"),
            Lead("Ana@Adatum.com", "AppSource (SPZA)-INS|contoso.x"),
            Lead("ana@adatum.com", "AppSource (SPZA)-DNC|contoso.x"),
        };
        var matches = DuplicateMatcher.Match(batch, null);
        Assert.IsNull(matches[0], "the earlier lead does not point back");
        Assert.IsNull(matches[1]);
        Assert.AreEqual(0, matches[2]!.BatchIndex);
        Assert.IsNull(matches[2]!.LeadId);
        Assert.IsTrue(matches[2]!.IsRepeatEngagement);
        Assert.AreEqual(0, matches[3]!.BatchIndex, "pairs with the first, not the previous");
        Assert.IsFalse(matches[3]!.IsRepeatEngagement, "DNC is not a step forward");
    }

    [TestMethod]
    public void An_open_lead_wins_over_an_earlier_batch_lead()
    {
        var open = new OpenLead(Guid.NewGuid(), "ana@adatum.com", new DateTime(2024, 5, 1), LeadAction.TestDrive);
        var matches = DuplicateMatcher.Match(new[] { Lead("ana@adatum.com"), Lead("ana@adatum.com") }, new[] { open });
        Assert.AreEqual(open.Id, matches[0]!.LeadId);
        Assert.AreEqual(open.Id, matches[1]!.LeadId);
    }

    [TestMethod]
    public void Test_co_sell_non_marketplace_invalid_and_self_are_never_paired()
    {
        var self = Guid.NewGuid();
        var open = new OpenLead(self, "ana@adatum.com", new DateTime(2024, 5, 1));
        var batch = new[]
        {
            MarketplaceLeadParser.Parse(new LeadFields { Subject = Samples.TestToken, Email = "ana@adatum.com" }, null),
            MarketplaceLeadParser.Parse(new LeadFields { Subject = "EngagementId: 8a4f0f43-2b52-4f1c-9e8b-54f7c2f1a111", Email = "ana@adatum.com" }, null),
            MarketplaceLeadParser.Parse(new LeadFields { Subject = "Hello", Email = "ana@adatum.com" }, null),
            Lead("not-an-email"),
            Lead("ana@adatum.com", id: self),
        };
        var matches = DuplicateMatcher.Match(batch, new[] { open });
        CollectionAssert.AreEqual(new DuplicateMatch?[] { null, null, null, null, null }, matches);
    }

    [TestMethod]
    [DataRow(LeadAction.ContactMe, LeadAction.GetItNow, true)]
    [DataRow(LeadAction.ContactMe, LeadAction.TestDrive, true)]
    [DataRow(LeadAction.FreeTrial, LeadAction.Create, true)]
    [DataRow(LeadAction.GetItNow, LeadAction.ContactMe, false)]
    [DataRow(LeadAction.ContactMe, LeadAction.ContactMe, false)]
    [DataRow(LeadAction.DoNotContact, LeadAction.GetItNow, false)]
    [DataRow(LeadAction.Other, LeadAction.GetItNow, false)]
    public void Moving_forward_on_the_journey(LeadAction earlier, LeadAction later, bool forward) =>
        Assert.AreEqual(forward, DuplicateMatcher.MovedForward(earlier, later));

    [TestMethod]
    public void Batch_enrichment_scores_the_repeat_engagement_and_points_at_the_duplicate()
    {
        var batch = new[] { Lead("ana@adatum.com", "AppSource (SPZA)-PLT|contoso.x"), Lead("ana@adatum.com", "AppSource (SPZA)-INS|contoso.x") };
        var results = MarketplaceLeadEnricher.EnrichBatch(batch, null, null);
        Assert.IsNull(results[0].Duplicate);
        Assert.AreEqual(0, results[1].Duplicate!.BatchIndex);
        Assert.IsTrue(results[1].ScoreReason!.EndsWith("Repeat engagement (was Contact me) +15"), results[1].ScoreReason);
        Assert.AreEqual(results[1].ScoreDetails!.Contributions.Where(c => c.Factor != ScoreFactor.RepeatEngagement).Sum(c => c.Points) + 15, results[1].Score);
        Assert.IsTrue(results[1].Message.Contains("Duplicate of an earlier lead (repeat engagement)."), results[1].Message);
    }
}

[TestClass]
public sealed class LookupKeyTests
{
    [TestMethod]
    public void Collects_distinct_keys_of_marketplace_leads_only()
    {
        var leads = new[]
        {
            MarketplaceLeadParser.Parse(new LeadFields { Subject = "AzureMarketplace-INS|bitnami.openedxcypress", Email = "a@contoso.com" }, null),
            MarketplaceLeadParser.Parse(new LeadFields { Subject = "AzureMarketplace-PLT|Bitnami.OpenEdxCypress", Email = "A@Contoso.com" }, null),
            MarketplaceLeadParser.Parse(new LeadFields { Description = Samples.CamelCaseWithCampaign() }, null),
            MarketplaceLeadParser.Parse(new LeadFields { Subject = Samples.TestToken, Email = "t@contoso.com" }, null),
            MarketplaceLeadParser.Parse(new LeadFields { Subject = "Hello", Email = "h@contoso.com" }, null),
            MarketplaceLeadParser.Parse(new LeadFields { LeadSource = "AzureMarketplace", ActionCode = "INS", Email = "bad@" }, null),
        };
        var keys = EnrichmentLookupKeys.Collect(leads);
        Assert.AreEqual(4, keys.MarketplaceLeadCount);
        CollectionAssert.AreEqual(new[] { "openedxcypress" }, keys.OfferIds.ToArray());
        CollectionAssert.AreEqual(new[] { "Northwind SQL Analytics VM" }, keys.OfferTitles.ToArray());
        CollectionAssert.AreEqual(new[] { "a@contoso.com", "ana.silva@adatum.com.br" }, keys.Emails.ToArray());
        CollectionAssert.AreEqual(new[] { "webinar_q3" }, keys.CampaignCodes.ToArray());
        Assert.IsTrue(keys.NeedsOffers);
        Assert.IsTrue(keys.NeedsDuplicates);
    }

    [TestMethod]
    public void A_batch_without_marketplace_leads_needs_no_query()
    {
        var keys = EnrichmentLookupKeys.Collect(new[] { MarketplaceLeadParser.Parse(new LeadFields { Subject = "Hello" }, null) });
        Assert.AreEqual(0, keys.MarketplaceLeadCount);
        Assert.IsFalse(keys.NeedsOffers);
        Assert.IsFalse(keys.NeedsDuplicates);
    }
}
