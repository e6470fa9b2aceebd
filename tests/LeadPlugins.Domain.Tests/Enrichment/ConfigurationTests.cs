using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Domain.Tests.Enrichment;

[TestClass]
public sealed class StorefrontTableTests
{
    [TestMethod]
    public void Built_in_appsource_row()
    {
        var profile = StorefrontTable.BuiltIn.For(Storefront.AppSource);
        Assert.AreEqual(Audience.BusinessCustomers, profile.Audience);
        Assert.AreEqual(CampaignType.Nurture, profile.CampaignType);
        Assert.AreEqual(ListingType.App, profile.DefaultListing);
        Assert.AreEqual(TrackedIn.PublisherCrmAndFieldSellerCrm, profile.TrackedIn);
        Assert.IsNull(profile.SettingName);
    }

    [TestMethod]
    public void Built_in_azure_marketplace_row()
    {
        var profile = StorefrontTable.BuiltIn.For(Storefront.AzureMarketplace);
        Assert.AreEqual(Audience.AllCustomers, profile.Audience);
        Assert.AreEqual(CampaignType.DemandGeneration, profile.CampaignType);
        Assert.AreEqual(ListingType.Offer, profile.DefaultListing);
        Assert.AreEqual(TrackedIn.AzureMarketplaceAndFieldSellerCrm, profile.TrackedIn);
    }

    [TestMethod]
    public void Other_storefront_has_no_built_in_values()
    {
        var profile = StorefrontTable.BuiltIn.For(Storefront.Other);
        Assert.IsNull(profile.Audience);
        Assert.IsNull(profile.CampaignType);
        Assert.IsNull(profile.DefaultListing);
        Assert.IsNull(profile.TrackedIn);
    }

    [TestMethod]
    public void A_setting_row_overrides_only_what_it_sets_and_the_first_row_wins()
    {
        var campaign = Guid.NewGuid();
        var owner = OwnerReference.Team(Guid.NewGuid());
        var table = new StorefrontTable(new[]
        {
            new StorefrontSetting(Storefront.AppSource, campaignType: CampaignType.DemandGeneration, listingType: ListingType.ConsultingService,
                campaignId: campaign, defaultOwner: owner, name: "AppSource EMEA"),
            new StorefrontSetting(Storefront.AppSource, audience: Audience.AllCustomers),
            new StorefrontSetting(Storefront.Other, campaignType: CampaignType.Nurture),
        });
        var appSource = table.For(Storefront.AppSource);
        Assert.AreEqual(Audience.BusinessCustomers, appSource.Audience, "not set by the first row: built-in");
        Assert.AreEqual(CampaignType.DemandGeneration, appSource.CampaignType);
        Assert.AreEqual(ListingType.ConsultingService, appSource.DefaultListing);
        Assert.AreEqual(TrackedIn.PublisherCrmAndFieldSellerCrm, appSource.TrackedIn);
        Assert.AreEqual(campaign, appSource.CampaignId);
        Assert.AreSame(owner, appSource.DefaultOwner);
        Assert.AreEqual("AppSource EMEA", appSource.SettingName);
        Assert.AreEqual(CampaignType.Nurture, table.For(Storefront.Other).CampaignType);
        Assert.IsNull(table.For(Storefront.AzureMarketplace).SettingName);
    }
}

[TestClass]
public sealed class OfferCatalogueTests
{
    [TestMethod]
    public void Finds_by_publisher_and_offer_then_offer_then_title_case_insensitively()
    {
        var byPublisher = new OfferEntry("contoso-saas-analytics", "Contoso SaaS Analytics", "contoso", listingType: ListingType.Technology);
        var byOffer = new OfferEntry("northwind-sql-analytics-vm", null);
        var byTitle = new OfferEntry(null, "Fabrikam WAF Appliance", storefront: Storefront.AzureMarketplace);
        var catalogue = new OfferCatalogue(new[] { byPublisher, byOffer, byTitle });

        Assert.AreSame(byPublisher, catalogue.Find("CONTOSO", "Contoso-SaaS-Analytics", null));
        Assert.AreSame(byPublisher, catalogue.Find(null, "contoso-saas-analytics", null));
        Assert.AreSame(byOffer, catalogue.Find("northwind", "northwind-sql-analytics-vm", null));
        Assert.AreSame(byTitle, catalogue.Find(null, null, "fabrikam waf appliance"));
        Assert.AreSame(byPublisher, catalogue.Find(null, "unknown", "Contoso SaaS Analytics"));
        Assert.IsNull(catalogue.Find("adatum", "contoso-saas-analytics", null), "a row bound to another publisher is another offer");
        Assert.IsNull(catalogue.Find(null, "nothing", "nothing"));
        Assert.IsNull(OfferCatalogue.Empty.Find("a", "b", "c"));
    }
}

[TestClass]
public sealed class ScoringTests
{
    private static ScoreInput Input(LeadAction? action = LeadAction.GetItNow, Storefront? storefront = Storefront.AzureMarketplace,
        EmailStatus email = EmailStatus.Business, bool phone = true, bool company = true, string? title = null, bool country = true,
        bool repeat = false, LeadAction? earlier = null) =>
        new(action, storefront, email, phone, company, title, country, repeat, earlier);

    [TestMethod]
    public void Every_contribution_has_its_own_line_and_the_sum_is_the_score()
    {
        var score = LeadScorer.Score(Input(title: "CIO", repeat: true, earlier: LeadAction.ContactMe, storefront: Storefront.AppSource, action: LeadAction.ContactMe), null, null);
        var lines = score.Reason.Split('\n');
        CollectionAssert.AreEqual(new[]
        {
            "Contact me (PLT) +25", "AppSource storefront +10", "Business e-mail +10", "Phone given +5", "Company given +5",
            "Senior job title +15", "Country known +5", "Repeat engagement (was Contact me) +15",
        }, lines);
        Assert.AreEqual(90, score.Value);
        Assert.AreEqual(Rating.Hot, score.Rating);
        Assert.AreEqual(score.Value, score.Contributions.Sum(c => c.Points));
        CollectionAssert.AreEqual(lines, score.Contributions.Select(c => c.Line).ToArray());
    }

    [TestMethod]
    public void Free_mail_and_missing_data_lower_the_score()
    {
        var score = LeadScorer.Score(Input(action: LeadAction.ContactMe, email: EmailStatus.FreeMail, phone: false, company: false, country: false), null, null);
        Assert.AreEqual("Contact me (PLT) +25\nAzure Marketplace storefront +5\nFree-mail address -5", score.Reason);
        Assert.AreEqual(25, score.Value);
        Assert.AreEqual(Rating.Cold, score.Rating);
    }

    [TestMethod]
    public void Zero_weight_action_is_still_explained()
    {
        var score = LeadScorer.Score(Input(action: LeadAction.DoNotContact, storefront: null, email: EmailStatus.Missing, phone: false, company: false, country: false), null, null);
        Assert.AreEqual("Do not contact (DNC) +0\nNo e-mail -10\nTotal -10 capped at 0", score.Reason);
        Assert.AreEqual(0, score.Value, "clamped at 0");
        Assert.AreEqual(-10, score.RawTotal);
    }

    [TestMethod]
    public void Score_is_clamped_to_100_with_an_explanation()
    {
        var weights = ScoringWeights.Default.With(ScoreFactor.GetItNow, 100);
        var score = LeadScorer.Score(Input(title: "CEO"), weights, null);
        Assert.AreEqual(100, score.Value);
        Assert.IsTrue(score.RawTotal > 100);
        Assert.IsTrue(score.Reason.EndsWith("capped at 100"), score.Reason);
    }

    [TestMethod]
    [DataRow(70, Rating.Hot)]
    [DataRow(69, Rating.Warm)]
    [DataRow(40, Rating.Warm)]
    [DataRow(39, Rating.Cold)]
    [DataRow(0, Rating.Cold)]
    [DataRow(100, Rating.Hot)]
    public void Default_thresholds(int score, Rating rating) => Assert.AreEqual(rating, RatingThresholds.Default.Rate(score));

    [TestMethod]
    [DataRow("Head of Sales Operations", 2)]
    [DataRow("CIO", 2)]
    [DataRow("Co-Founder & CTO", 2)]
    [DataRow("VP, Engineering", 2)]
    [DataRow("Geschäftsführer", 2)]
    [DataRow("IT Manager", 1)]
    [DataRow("Sr. Developer", 1)]
    [DataRow("Team Lead", 1)]
    [DataRow("Data Engineer", 0)]
    [DataRow("Esquire", 0)]
    [DataRow("Headhunter", 0)]
    [DataRow("MSFT_TEST_636573304831318844", 0)]
    [DataRow("", 0)]
    [DataRow(null, 0)]
    public void Job_title_seniority_by_whole_keywords(string? title, int level) => Assert.AreEqual(level, JobTitleSeniority.Level(title));

    [TestMethod]
    public void Repeat_line_names_the_earlier_step()
    {
        var score = LeadScorer.Score(Input(repeat: true, earlier: LeadAction.TestDrive), null, null);
        Assert.IsTrue(score.Reason.EndsWith("Repeat engagement (was a trial) +15"), score.Reason);
    }

    [TestMethod]
    public void Weights_reject_out_of_range_points_in_code()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ScoringWeights.Default.With(ScoreFactor.GetItNow, 101));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new RatingThresholds(30, 40));
    }
}

[TestClass]
public sealed class EnrichmentSettingsTests
{
    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    public void No_configuration_gives_the_defaults_silently(string? config)
    {
        var settings = EnrichmentSettings.Parse(config);
        Assert.AreSame(EnrichmentSettings.Default, settings);
        Assert.AreEqual(0, settings.Diagnostics.Count);
    }

    [TestMethod]
    public void A_full_configuration_is_read()
    {
        var writer = Guid.NewGuid();
        var settings = EnrichmentSettings.Parse("{\"weights\":{\"getItNow\":50,\"FREEMAILEMAIL\":\"-8\"},\"thresholds\":{\"hot\":80,\"warm\":\"50\"},"
            + "\"extraSourceColumns\":[\"new_LeadSourceText\",\"cr123_origin\"],\"marketplaceWriterUserIds\":[\"" + writer + "\"],\"freeMailDomains\":[\"example.org\"]}");
        Assert.AreEqual(0, settings.Diagnostics.Count, string.Join("; ", settings.Diagnostics));
        Assert.AreEqual(50, settings.Weights[ScoreFactor.GetItNow]);
        Assert.AreEqual(-8, settings.Weights[ScoreFactor.FreeMailEmail]);
        Assert.AreEqual("Free-mail address -8", settings.Weights.LineFor(ScoreFactor.FreeMailEmail));
        Assert.AreEqual(25, settings.Weights[ScoreFactor.ContactMe], "unlisted weights keep their default");
        Assert.AreEqual(80, settings.Thresholds.Hot);
        Assert.AreEqual(50, settings.Thresholds.Warm);
        CollectionAssert.AreEqual(new[] { "new_leadsourcetext", "cr123_origin" }, settings.ExtraSourceColumns.ToArray());
        Assert.IsTrue(settings.IsMarketplaceWriter(writer));
        Assert.IsFalse(settings.IsMarketplaceWriter(Guid.NewGuid()));
        Assert.IsTrue(settings.FreeMailDomains.Contains("example.org"));
    }

    [TestMethod]
    [DataRow("not json at all")]
    [DataRow("{\"weights\":{\"getItNow\":50}")]
    [DataRow("{\"weights\":{\"getItNow\":50} \"thresholds\":{}}")]
    [DataRow("[1,2,3]")]
    [DataRow("\"text\"")]
    public void Invalid_json_gives_the_defaults_and_a_diagnostic(string config)
    {
        var settings = EnrichmentSettings.Parse(config);
        Assert.IsTrue(settings.Diagnostics.Count > 0);
        Assert.AreEqual(40, settings.Weights[ScoreFactor.GetItNow]);
        Assert.AreEqual(70, settings.Thresholds.Hot);
    }

    [TestMethod]
    [DataRow("{\"weights\":{\"getItNow\":500}}", "outside -100..100")]
    [DataRow("{\"weights\":{\"getItNow\":\"lots\"}}", "not a whole number")]
    [DataRow("{\"weights\":{\"getItNow\":12.5}}", "not a whole number")]
    [DataRow("{\"weights\":{\"getItNow\":true}}", "not a whole number")]
    [DataRow("{\"weights\":{\"noSuchFactor\":5}}", "Unknown weight")]
    [DataRow("{\"weights\":{\"7\":5}}", "Unknown weight")]
    [DataRow("{\"weights\":[1]}", "not an object")]
    public void Bad_weights_keep_their_default_with_a_diagnostic(string config, string expected)
    {
        var settings = EnrichmentSettings.Parse(config);
        Assert.AreEqual(40, settings.Weights[ScoreFactor.GetItNow]);
        Assert.IsTrue(settings.Diagnostics.Any(d => d.Contains(expected)), string.Join("; ", settings.Diagnostics));
    }

    [TestMethod]
    [DataRow("{\"thresholds\":{\"hot\":30,\"warm\":60}}", "above hot")]
    [DataRow("{\"thresholds\":{\"hot\":130}}", "0..100")]
    [DataRow("{\"thresholds\":{\"hot\":\"x\"}}", "0..100")]
    [DataRow("{\"thresholds\":5}", "not an object")]
    public void Bad_thresholds_give_the_default_thresholds(string config, string expected)
    {
        var settings = EnrichmentSettings.Parse(config);
        Assert.AreEqual(70, settings.Thresholds.Hot);
        Assert.AreEqual(40, settings.Thresholds.Warm);
        Assert.IsTrue(settings.Diagnostics.Any(d => d.Contains(expected)), string.Join("; ", settings.Diagnostics));
    }

    [TestMethod]
    public void Bad_list_entries_are_dropped_one_by_one()
    {
        var settings = EnrichmentSettings.Parse("{\"extraSourceColumns\":[\"ok_col\",\"bad col\",5,\"OK_COL\"],\"marketplaceWriterUserIds\":\"not-a-guid\",\"unknown\":1}");
        CollectionAssert.AreEqual(new[] { "ok_col" }, settings.ExtraSourceColumns.ToArray());
        Assert.AreEqual(0, settings.MarketplaceWriterUserIds.Count);
        Assert.AreEqual(5, settings.Diagnostics.Count, string.Join("; ", settings.Diagnostics));
    }
}

[TestClass]
public sealed class RoutingTests
{
    private static readonly Guid Emea = Guid.NewGuid(), Hot = Guid.NewGuid(), Team = Guid.NewGuid();

    private static RoutingInput Lead(Storefront storefront = Storefront.AppSource, LeadAction action = LeadAction.ContactMe, string? country = "DK", int score = 50) =>
        new(storefront, storefront == Storefront.AppSource ? CampaignType.Nurture : CampaignType.DemandGeneration, action, country,
            "contoso", "contoso-field-service-accelerator", "Contoso Field Service Accelerator", null, score);

    [TestMethod]
    public void Rules_run_in_order_and_the_first_match_wins()
    {
        var rules = new RoutingRuleSet(new[]
        {
            new RoutingRule("EMEA AppSource", 20, storefront: Storefront.AppSource, countryCodes: "DK, DE;FR", assignUserId: Emea),
            new RoutingRule("Hot leads", 10, minimumScore: 70, assignUserId: Hot),
            new RoutingRule("Catch-all", 30, assignTeamId: Team),
        });
        CollectionAssert.AreEqual(new[] { "Hot leads", "EMEA AppSource", "Catch-all" }, rules.Rules.Select(r => r.Name).ToArray());

        var hot = rules.Route(Lead(score: 80), null, null);
        Assert.AreEqual(Hot, hot.Owner!.Id);
        Assert.AreEqual("Hot leads", hot.Rule!.Name);

        var emea = rules.Route(Lead(), null, null);
        Assert.AreEqual(Emea, emea.Owner!.Id);
        Assert.AreEqual(OwnerReference.UserLogicalName, emea.Owner.LogicalName);

        var rest = rules.Route(Lead(country: "US"), null, null);
        Assert.AreEqual(Team, rest.Owner!.Id);
        Assert.AreEqual(OwnerReference.TeamLogicalName, rest.Owner.LogicalName);
        Assert.AreEqual(OwnerSource.RoutingRule, rest.Source);
    }

    [TestMethod]
    public void Equal_orders_keep_the_given_order()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var rules = new RoutingRuleSet(new[] { new RoutingRule("A", 5, assignUserId: a), new RoutingRule("B", 5, assignUserId: b) });
        Assert.AreEqual(a, rules.Route(Lead(), null, null).Owner!.Id);
    }

    [TestMethod]
    [DataRow("contoso-field-service-accelerator")]
    [DataRow("CONTOSO.contoso-field-service-accelerator")]
    [DataRow("Contoso Field Service Accelerator")]
    public void Offer_condition_matches_id_full_id_or_title(string offer) =>
        Assert.AreEqual(OwnerSource.RoutingRule, new RoutingRuleSet(new[] { new RoutingRule("Offer", 1, offer: offer, assignUserId: Emea) }).Route(Lead(), null, null).Source);

    [TestMethod]
    public void Every_condition_must_hold()
    {
        var rule = new RoutingRule("Azure INS US", 1, Storefront.AzureMarketplace, CampaignType.DemandGeneration, LeadAction.GetItNow, "USA", assignUserId: Emea);
        Assert.AreEqual("US", rule.CountryCodes.Single(), "names and alpha-3 codes are normalised");
        Assert.IsTrue(rule.Matches(Lead(Storefront.AzureMarketplace, LeadAction.GetItNow, "US")));
        Assert.IsFalse(rule.Matches(Lead(Storefront.AppSource, LeadAction.GetItNow, "US")));
        Assert.IsFalse(rule.Matches(Lead(Storefront.AzureMarketplace, LeadAction.ContactMe, "US")));
        Assert.IsFalse(rule.Matches(Lead(Storefront.AzureMarketplace, LeadAction.GetItNow, "CA")));
        Assert.IsFalse(rule.Matches(Lead(Storefront.AzureMarketplace, LeadAction.GetItNow, null)));
    }

    [TestMethod]
    public void A_rule_without_owner_never_matches()
    {
        var rules = new RoutingRuleSet(new[] { new RoutingRule("No owner", 1) });
        Assert.AreEqual(OwnerSource.Unchanged, rules.Route(Lead(), null, null).Source);
    }

    [TestMethod]
    public void Fallbacks_offer_owner_then_storefront_default_then_unchanged()
    {
        var offerOwner = OwnerReference.User(Guid.NewGuid());
        var storefrontOwner = OwnerReference.Team(Guid.NewGuid());
        var none = RoutingRuleSet.Empty;
        Assert.AreSame(offerOwner, none.Route(Lead(), offerOwner, storefrontOwner).Owner);
        Assert.AreEqual(OwnerSource.Offer, none.Route(Lead(), offerOwner, storefrontOwner).Source);
        Assert.AreSame(storefrontOwner, none.Route(Lead(), null, storefrontOwner).Owner);
        Assert.AreEqual(OwnerSource.StorefrontDefault, none.Route(Lead(), null, storefrontOwner).Source);
        var unchanged = none.Route(Lead(), null, null);
        Assert.IsNull(unchanged.Owner);
        Assert.AreEqual(OwnerSource.Unchanged, unchanged.Source);
    }
}
