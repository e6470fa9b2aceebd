using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using static LeadPlugins.Nurture.Tests.TestData;

namespace LeadPlugins.Nurture.Tests;

[TestClass]
public sealed class EligibilityTests
{
    private static NurtureEligibilityFacts Eligible() => new()
    {
        IsMarketplace = true,
        IsTestLead = false,
        Action = LeadAction.ContactMe,
        IsCoSell = false,
        IsOpen = true,
    };

    [TestMethod]
    public void An_open_marketplace_lead_is_eligible()
    {
        var decision = NurtureEligibility.Decide(Eligible());

        Assert.IsTrue(decision.IsEligible);
        Assert.AreEqual(NurtureSkipReason.None, decision.Reason);
        Assert.AreEqual("Eligible", decision.Message);
        Assert.IsNull(decision.ExistingEnrollmentId);
    }

    public static IEnumerable<object[]> SkipCases()
    {
        yield return new object[] { (Action<NurtureEligibilityFacts>)(f => f.IsTestLead = true), NurtureSkipReason.TestLead, "Test lead" };
        yield return new object[] { (Action<NurtureEligibilityFacts>)(f => f.Action = LeadAction.DoNotContact), NurtureSkipReason.DoNotContact, "Do not contact (DNC)" };
        yield return new object[] { (Action<NurtureEligibilityFacts>)(f => f.IsCoSell = true), NurtureSkipReason.CoSell, "Co-sell referral" };
        yield return new object[] { (Action<NurtureEligibilityFacts>)(f => f.IsMarketplace = false), NurtureSkipReason.NotMarketplace, "Not a marketplace lead" };
        yield return new object[] { (Action<NurtureEligibilityFacts>)(f => f.IsOpen = false), NurtureSkipReason.LeadNotOpen, "Lead is not open" };
    }

    [TestMethod]
    [DynamicData(nameof(SkipCases))]
    public void Each_skip_reason_has_its_code_and_readable_message(Action<NurtureEligibilityFacts> change, NurtureSkipReason reason, string message)
    {
        var facts = Eligible();
        change(facts);

        var decision = NurtureEligibility.Decide(facts);

        Assert.IsFalse(decision.IsEligible);
        Assert.AreEqual(reason, decision.Reason);
        Assert.AreEqual(reason.ToString(), decision.ReasonCode);
        Assert.AreEqual(message, decision.Message);
        Assert.IsNull(decision.ExistingEnrollmentId);
    }

    [TestMethod]
    public void A_duplicate_of_an_enrolled_lead_is_a_repeat_engagement_on_the_existing_enrolment()
    {
        var existing = Guid.NewGuid();
        var facts = Eligible();
        facts.DuplicateOfLeadId = Guid.NewGuid();
        facts.DuplicateOfEnrollmentId = existing;

        var decision = NurtureEligibility.Decide(facts);

        Assert.IsFalse(decision.IsEligible);
        Assert.AreEqual(NurtureSkipReason.RepeatEngagement, decision.Reason);
        Assert.AreEqual("Repeat engagement: duplicate of an enrolled lead", decision.Message);
        Assert.AreEqual(existing, decision.ExistingEnrollmentId);
    }

    [TestMethod]
    public void A_duplicate_of_a_lead_that_was_never_enrolled_is_enrolled()
    {
        var facts = Eligible();
        facts.DuplicateOfLeadId = Guid.NewGuid();

        Assert.IsTrue(NurtureEligibility.Decide(facts).IsEligible);
    }

    [TestMethod]
    public void The_first_reason_in_the_documented_order_wins()
    {
        var everything = new NurtureEligibilityFacts
        {
            IsMarketplace = false, IsTestLead = true, IsCoSell = true, Action = LeadAction.DoNotContact, IsOpen = false,
            DuplicateOfLeadId = Guid.NewGuid(), DuplicateOfEnrollmentId = Guid.NewGuid(),
        };
        var expected = new[]
        {
            NurtureSkipReason.TestLead, NurtureSkipReason.CoSell, NurtureSkipReason.NotMarketplace,
            NurtureSkipReason.DoNotContact, NurtureSkipReason.LeadNotOpen, NurtureSkipReason.RepeatEngagement,
        };

        foreach (var reason in expected)
        {
            Assert.AreEqual(reason, NurtureEligibility.Decide(everything).Reason);
            switch (reason)
            {
                case NurtureSkipReason.TestLead: everything.IsTestLead = false; break;
                case NurtureSkipReason.CoSell: everything.IsCoSell = false; break;
                case NurtureSkipReason.NotMarketplace: everything.IsMarketplace = true; break;
                case NurtureSkipReason.DoNotContact: everything.Action = LeadAction.GetItNow; break;
                case NurtureSkipReason.LeadNotOpen: everything.IsOpen = true; break;
                case NurtureSkipReason.RepeatEngagement: everything.DuplicateOfEnrollmentId = null; break;
            }
        }
        Assert.IsTrue(NurtureEligibility.Decide(everything).IsEligible);
    }

    [TestMethod]
    public void Missing_facts_are_not_a_marketplace_lead()
    {
        Assert.AreEqual(NurtureSkipReason.NotMarketplace, NurtureEligibility.Decide(null).Reason);
    }

    [TestMethod]
    public void The_repeat_engagement_line_says_when_which_lead_and_what_it_did()
    {
        var lead = Guid.Parse("1b2c3d4e-0000-0000-0000-000000000042");

        var line = NurtureEligibility.RepeatEngagementLine(Utc(2026, 3, 14, 9, 12), lead, LeadAction.GetItNow, " Contoso SaaS Analytics ");

        Assert.AreEqual("2026-03-14 09:12 UTC repeat engagement: lead 1b2c3d4e-0000-0000-0000-000000000042 (Get it now, Contoso SaaS Analytics)", line);
        Assert.AreEqual("2026-03-14 09:12 UTC repeat engagement", NurtureEligibility.RepeatEngagementLine(Utc(2026, 3, 14, 9, 12), null, null, null));
    }

    [TestMethod]
    public void Trace_lines_are_appended_and_the_oldest_dropped_to_fit_the_column()
    {
        var text = NurtureEligibility.AppendTraceLine(null, "first", 400);
        text = NurtureEligibility.AppendTraceLine(text, "second", 400);
        Assert.AreEqual("first\nsecond", text);

        var full = NurtureEligibility.AppendTraceLine(new string('a', 300) + "\n" + new string('b', 90), "third line", 400);
        Assert.AreEqual(new string('b', 90) + "\nthird line", full);

        var single = NurtureEligibility.AppendTraceLine(null, new string('c', 500), 400);
        Assert.AreEqual(400, single.Length);
    }
}
