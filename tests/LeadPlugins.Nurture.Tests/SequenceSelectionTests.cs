using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using static LeadPlugins.Nurture.Tests.TestData;

namespace LeadPlugins.Nurture.Tests;

[TestClass]
public sealed class SequenceSelectionTests
{
    private static NurtureLeadContext Lead(Storefront? storefront = Storefront.AppSource, CampaignType? campaign = CampaignType.Nurture,
        LeadAction? action = LeadAction.ContactMe, Guid? offerSequence = null) =>
        new() { Storefront = storefront, CampaignType = campaign, Action = action, OverrideSequenceId = offerSequence };

    [TestMethod]
    public void The_offer_override_wins_over_priority_and_filters()
    {
        var overrideId = Guid.NewGuid();
        var configured = new[]
        {
            Sequence("High priority", priority: 900),
            Sequence("Offer special", campaignType: CampaignType.DemandGeneration, priority: 0, id: overrideId,
                storefront: Storefront.AzureMarketplace, actions: new[] { LeadAction.TestDrive }),
        };

        var selection = NurtureSequenceSelector.Select(Lead(offerSequence: overrideId), configured);

        Assert.AreEqual(NurtureSelectionSource.OfferOverride, selection.Source);
        Assert.AreEqual("Offer special", selection.Sequence.Name);
        StringAssert.StartsWith(selection.Reason, "Offer override: sequence 'Offer special' (" + overrideId.ToString("D") + ")");
    }

    [TestMethod]
    public void An_inactive_invalid_or_missing_override_is_noted_and_matching_continues()
    {
        var inactiveId = Guid.NewGuid();
        var invalidId = Guid.NewGuid();
        var configured = new[]
        {
            Sequence("Retired", id: inactiveId, isActive: false),
            Sequence("Broken", id: invalidId, priority: 999, steps: Array.Empty<NurtureStepDefinition>()),
            Sequence("Regular", priority: 5),
        };

        var inactive = NurtureSequenceSelector.Select(Lead(offerSequence: inactiveId), configured);
        var invalid = NurtureSequenceSelector.Select(Lead(offerSequence: invalidId), configured);
        var missingId = Guid.NewGuid();
        var missing = NurtureSequenceSelector.Select(Lead(offerSequence: missingId), configured);

        foreach (var selection in new[] { inactive, invalid, missing })
        {
            Assert.AreEqual(NurtureSelectionSource.Configured, selection.Source);
            Assert.AreEqual("Regular", selection.Sequence.Name);
        }
        StringAssert.Contains(inactive.Notes[0], "'Retired'");
        StringAssert.Contains(inactive.Notes[0], "is inactive; ignored");
        StringAssert.Contains(invalid.Notes[0], "Offer override skipped.");
        StringAssert.Contains(invalid.Notes[0], "The sequence has no steps.");
        StringAssert.Contains(missing.Notes[0], missingId.ToString("D") + " was not found");
    }

    [TestMethod]
    public void The_highest_priority_active_matching_sequence_wins()
    {
        var configured = new[]
        {
            Sequence("Low", priority: 1),
            Sequence("Top but inactive", priority: 1000, isActive: false),
            Sequence("Top but demand generation", priority: 1000, campaignType: CampaignType.DemandGeneration),
            Sequence("Middle", priority: 50),
        };

        var selection = NurtureSequenceSelector.Select(Lead(), configured);

        Assert.AreEqual(NurtureSelectionSource.Configured, selection.Source);
        Assert.AreEqual("Middle", selection.Sequence.Name);
        StringAssert.Contains(selection.Reason, "priority 50");
        StringAssert.Contains(selection.Reason, "best of 2 matching");
    }

    [TestMethod]
    public void Ties_are_broken_by_name_then_id_whatever_the_input_order()
    {
        var a = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var b = Guid.Parse("00000000-0000-0000-0000-000000000002");
        var sequences = new[]
        {
            Sequence("beta", priority: 10, id: a),
            Sequence("Alpha", priority: 10, id: b),
            Sequence("alpha", priority: 10, id: a),
        };

        foreach (var order in new[] { sequences, sequences.Reverse().ToArray() })
        {
            var selection = NurtureSequenceSelector.Select(Lead(), order);
            Assert.AreEqual("Alpha", selection.Sequence.Name, "ignoring case ties; ordinal puts 'Alpha' before 'alpha'");
        }

        var sameName = new[] { Sequence("Same", priority: 10, id: b), Sequence("Same", priority: 10, id: a) };
        Assert.AreEqual(a, NurtureSequenceSelector.Select(Lead(), sameName).Sequence.Id);
    }

    [TestMethod]
    public void A_sequence_with_a_storefront_only_matches_that_storefront()
    {
        var configured = new[] { Sequence("Azure only", storefront: Storefront.AzureMarketplace, priority: 100), Sequence("Any storefront") };

        Assert.AreEqual("Any storefront", NurtureSequenceSelector.Select(Lead(Storefront.AppSource), configured).Sequence.Name);
        Assert.AreEqual("Azure only", NurtureSequenceSelector.Select(Lead(Storefront.AzureMarketplace), configured).Sequence.Name);
        Assert.AreEqual("Any storefront", NurtureSequenceSelector.Select(Lead(storefront: null), configured).Sequence.Name);
    }

    [TestMethod]
    public void A_sequence_with_actions_only_matches_those_actions()
    {
        var configured = new[]
        {
            Sequence("Trials", actions: new[] { LeadAction.TestDrive, LeadAction.FreeTrial }, priority: 100),
            Sequence("Any action"),
        };

        Assert.AreEqual("Trials", NurtureSequenceSelector.Select(Lead(action: LeadAction.FreeTrial), configured).Sequence.Name);
        Assert.AreEqual("Any action", NurtureSequenceSelector.Select(Lead(action: LeadAction.ContactMe), configured).Sequence.Name);
        Assert.AreEqual("Any action", NurtureSequenceSelector.Select(Lead(action: null), configured).Sequence.Name);
    }

    [TestMethod]
    public void An_invalid_matching_sequence_is_skipped_with_its_problems()
    {
        var configured = new[]
        {
            Sequence("Broken", priority: 100, steps: new[] { Step(1, offset: -1, name: "Back in time") }),
            Sequence("Fine", priority: 1),
        };

        var selection = NurtureSequenceSelector.Select(Lead(), configured);

        Assert.AreEqual("Fine", selection.Sequence.Name);
        Assert.AreEqual(1, selection.Notes.Count);
        StringAssert.Contains(selection.Notes[0], "'Broken'");
        StringAssert.Contains(selection.Notes[0], "Step 'Back in time' (order 1): offset -1 business days is negative.");
    }

    [TestMethod]
    public void Without_a_matching_configured_sequence_the_built_in_one_is_used()
    {
        var configured = new NurtureSequenceDefinition?[] { null, Sequence("Demand only", campaignType: CampaignType.DemandGeneration) };

        var appSource = NurtureSequenceSelector.Select(Lead(action: LeadAction.GetItNow), configured);
        var none = NurtureSequenceSelector.Select(Lead(Storefront.AzureMarketplace, CampaignType.DemandGeneration, LeadAction.TestDrive), null);

        Assert.AreEqual(NurtureSelectionSource.BuiltIn, appSource.Source);
        Assert.AreEqual("Built-in Nurture: Get it now", appSource.Sequence.Name);
        StringAssert.Contains(appSource.Reason, "No active, valid configured sequence matches Nurture / AppSource / Get it now");
        Assert.AreEqual("Built-in Demand generation: Trial", none.Sequence.Name);
    }

    [TestMethod]
    [DataRow(Storefront.AppSource, CampaignType.Nurture)]
    [DataRow(Storefront.AzureMarketplace, CampaignType.DemandGeneration)]
    [DataRow(Storefront.Other, CampaignType.Nurture)]
    public void A_missing_campaign_type_comes_from_the_storefront_and_is_noted(Storefront storefront, CampaignType expected)
    {
        var selection = NurtureSequenceSelector.Select(Lead(storefront, campaign: null), null);

        Assert.AreEqual(expected, selection.CampaignType);
        Assert.AreEqual(expected, selection.Sequence.CampaignType);
        StringAssert.StartsWith(selection.Notes[0], "The lead has no campaign type");
    }

    [TestMethod]
    public void The_built_ins_copied_into_rows_select_exactly_like_the_built_in_fallback()
    {
        var asRows = BuiltInNurtureSequences.All()
            .Select(s => new NurtureSequenceDefinition(s.Name, s.CampaignType, s.Steps, Guid.NewGuid(), s.Storefront, s.LeadActions, s.Priority))
            .ToList();

        foreach (var campaign in Enum.GetValues<CampaignType>())
        {
            foreach (var action in Enum.GetValues<LeadAction>().Cast<LeadAction?>().Append(null))
            {
                var lead = Lead(campaign: campaign, action: action);
                var configured = NurtureSequenceSelector.Select(lead, asRows);
                var builtIn = NurtureSequenceSelector.Select(lead, null);

                Assert.AreEqual(NurtureSelectionSource.Configured, configured.Source);
                Assert.AreEqual(builtIn.Sequence.Name, configured.Sequence.Name, $"{campaign} / {action}");
            }
        }
    }

    [TestMethod]
    public void A_null_lead_still_gets_a_sequence()
    {
        var selection = NurtureSequenceSelector.Select(null, null);

        Assert.AreEqual("Built-in Nurture: General", selection.Sequence.Name);
    }
}
