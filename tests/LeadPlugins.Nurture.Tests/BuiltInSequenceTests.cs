using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using static LeadPlugins.Nurture.Tests.TestData;

namespace LeadPlugins.Nurture.Tests;

[TestClass]
public sealed class BuiltInSequenceTests
{
    public static IEnumerable<object[]> CampaignsAndActions()
    {
        foreach (var campaign in Enum.GetValues<CampaignType>())
        {
            foreach (var action in Enum.GetValues<LeadAction>()) yield return new object[] { campaign, action };
            yield return new object[] { campaign, null! };
        }
    }

    [TestMethod]
    [DynamicData(nameof(CampaignsAndActions))]
    public void Every_built_in_has_4_to_6_steps_over_about_three_weeks_and_ends_with_qualify_or_disqualify(CampaignType campaign, LeadAction? action)
    {
        var sequence = BuiltInNurtureSequences.For(campaign, action);

        Assert.IsTrue(sequence.IsBuiltIn);
        Assert.IsNull(sequence.Id);
        Assert.AreEqual(campaign, sequence.CampaignType);
        Assert.IsTrue(NurtureSequenceValidator.Validate(sequence).IsValid, NurtureSequenceValidator.Validate(sequence).Summary);
        Assert.IsTrue(sequence.Steps.Count is >= 4 and <= 6, $"{sequence.Name} has {sequence.Steps.Count} steps");

        var last = sequence.Steps[^1];
        Assert.AreEqual(NurtureActivityType.Task, last.ActivityType);
        StringAssert.StartsWith(last.SubjectTemplate, "Qualify or disqualify");
        Assert.IsTrue(last.OffsetBusinessDays is >= 13 and <= 17, $"last step at {last.OffsetBusinessDays} business days");
        Assert.AreEqual(last.OffsetBusinessDays, sequence.Steps.Max(s => s.OffsetBusinessDays));

        // Offsets never go backwards, and the sequence mixes activity kinds.
        for (var i = 1; i < sequence.Steps.Count; i++)
            Assert.IsTrue(sequence.Steps[i].OffsetBusinessDays >= sequence.Steps[i - 1].OffsetBusinessDays);
        Assert.IsTrue(sequence.Steps.Select(s => s.ActivityType).Distinct().Count() >= 2);
        Assert.IsTrue(sequence.Steps.Any(s => s.ActivityType == NurtureActivityType.Email));
    }

    [TestMethod]
    [DataRow(CampaignType.Nurture)]
    [DataRow(CampaignType.DemandGeneration)]
    public void Contact_me_starts_with_a_discovery_call_due_within_one_business_day(CampaignType campaign)
    {
        var sequence = BuiltInNurtureSequences.For(campaign, LeadAction.ContactMe);
        var first = sequence.Steps[0];

        Assert.AreEqual(NurtureActivityType.PhoneCall, first.ActivityType);
        Assert.AreEqual(StepPriority.High, first.Priority);
        StringAssert.Contains(first.SubjectTemplate, "discovery call", StringComparison.OrdinalIgnoreCase);

        // Enrolled Friday afternoon: the call is due on Monday, not later.
        var calendar = new BusinessCalendar();
        var plan = new NurturePlanner(calendar).Plan(sequence, Mette(), Utc(2026, 3, 6, 15));
        Assert.AreEqual(Utc(2026, 3, 9, 17), plan.Activities[0].DueDateUtc);
        Assert.IsTrue(plan.Activities[0].DueDateUtc <= calendar.DueDateUtc(Utc(2026, 3, 6, 15), 1));
    }

    [TestMethod]
    [DataRow(CampaignType.Nurture, LeadAction.GetItNow)]
    [DataRow(CampaignType.Nurture, LeadAction.Create)]
    [DataRow(CampaignType.DemandGeneration, LeadAction.GetItNow)]
    [DataRow(CampaignType.DemandGeneration, LeadAction.Create)]
    public void Get_it_now_and_create_leads_get_onboarding_and_adoption_touches(CampaignType campaign, LeadAction action)
    {
        var sequence = BuiltInNurtureSequences.For(campaign, action);

        Assert.AreEqual(BuiltInNurtureVariant.Acquisition, BuiltInNurtureSequences.VariantOf(action));
        CollectionAssert.AreEquivalent(new[] { LeadAction.GetItNow, LeadAction.Create }, sequence.LeadActions.ToArray());
        Assert.AreEqual(0, sequence.Steps[0].OffsetBusinessDays, "welcome on the day of acquisition");
        var text = AllText(sequence);
        Assert.IsTrue(text.Contains("onboarding", StringComparison.OrdinalIgnoreCase) || text.Contains("deployment", StringComparison.OrdinalIgnoreCase));
        Assert.IsTrue(text.Contains("adoption", StringComparison.OrdinalIgnoreCase));
    }

    [TestMethod]
    [DataRow(CampaignType.Nurture, LeadAction.TestDrive)]
    [DataRow(CampaignType.Nurture, LeadAction.FreeTrial)]
    [DataRow(CampaignType.DemandGeneration, LeadAction.TestDrive)]
    [DataRow(CampaignType.DemandGeneration, LeadAction.FreeTrial)]
    public void Trial_leads_get_a_follow_up_call_after_the_trial(CampaignType campaign, LeadAction action)
    {
        var sequence = BuiltInNurtureSequences.For(campaign, action);

        var followUp = sequence.Steps.First(s => s.ActivityType == NurtureActivityType.PhoneCall);
        StringAssert.Contains(followUp.SubjectTemplate, "Trial follow-up");
        Assert.IsTrue(followUp.OffsetBusinessDays >= 2, "after the trial, not on day one");
        Assert.AreEqual(StepPriority.High, followUp.Priority);
    }

    [TestMethod]
    public void Nurture_sequences_speak_to_business_buyers_and_demand_generation_to_technical_buyers()
    {
        foreach (var sequence in BuiltInNurtureSequences.All())
        {
            var text = AllText(sequence);
            if (sequence.CampaignType == CampaignType.Nurture)
            {
                Assert.IsTrue(text.Contains("business", StringComparison.OrdinalIgnoreCase), sequence.Name);
                Assert.IsFalse(text.Contains("architecture", StringComparison.OrdinalIgnoreCase), sequence.Name);
            }
            else
            {
                Assert.IsTrue(text.Contains("Azure", StringComparison.Ordinal), sequence.Name);
                Assert.IsTrue(new[] { "architecture", "deploy", "engineer" }.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)), sequence.Name);
            }
        }
    }

    [TestMethod]
    public void Catalogue_has_eight_uniquely_named_sequences_matching_the_selector_for_each_variant()
    {
        var all = BuiltInNurtureSequences.All();

        Assert.AreEqual(8, all.Count);
        Assert.AreEqual(8, all.Select(s => s.Name).Distinct().Count());
        foreach (var campaign in Enum.GetValues<CampaignType>())
            foreach (var action in Enum.GetValues<LeadAction>())
                Assert.IsTrue(all.Any(s => s.Name == BuiltInNurtureSequences.For(campaign, action).Name));
    }

    [TestMethod]
    public void Templates_use_only_known_tokens_and_fit_the_columns_even_with_long_values()
    {
        var longLead = new NurtureLeadContext
        {
            FirstName = new string('F', 100),
            CompanyName = new string('C', 160),
            OfferTitle = new string('O', 200),
            Storefront = Storefront.AzureMarketplace,
            CampaignType = CampaignType.DemandGeneration,
        };
        foreach (var sequence in BuiltInNurtureSequences.All())
        {
            foreach (var step in sequence.Steps)
            {
                var normal = NurtureTemplateRenderer.RenderSubject(step.SubjectTemplate, Mette());
                var body = NurtureTemplateRenderer.RenderDescription(step.DescriptionTemplate, Mette());
                Assert.AreEqual(0, normal.UnknownTokens.Count + body.UnknownTokens.Count, step.Name);
                Assert.IsFalse(normal.WasTruncated || body.WasTruncated, step.Name);
                Assert.IsTrue(step.DescriptionTemplate.Length > 80, "a real description: " + step.Name);

                Assert.IsTrue(NurtureTemplateRenderer.RenderSubject(step.SubjectTemplate, longLead).Text.Length <= 200);
                Assert.IsTrue(NurtureTemplateRenderer.RenderDescription(step.DescriptionTemplate, longLead).Text.Length <= 2000);
            }
        }
    }

    [TestMethod]
    public void Customer_emails_greet_the_lead_and_seller_activities_do_not()
    {
        foreach (var step in BuiltInNurtureSequences.All().SelectMany(s => s.Steps))
        {
            if (step.ActivityType == NurtureActivityType.Email) StringAssert.StartsWith(step.DescriptionTemplate, "Hi {firstname},");
            else Assert.IsFalse(step.DescriptionTemplate.StartsWith("Hi ", StringComparison.Ordinal), step.Name);
        }
    }

    [TestMethod]
    public void All_returns_fresh_instances()
    {
        Assert.AreNotSame(BuiltInNurtureSequences.All()[0], BuiltInNurtureSequences.All()[0]);
    }

    private static string AllText(NurtureSequenceDefinition sequence) =>
        string.Join("\n", sequence.Steps.Select(s => s.Name + "\n" + s.SubjectTemplate + "\n" + s.DescriptionTemplate));
}
