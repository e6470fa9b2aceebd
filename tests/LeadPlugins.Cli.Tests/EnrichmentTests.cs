using LeadPlugins.Cli.Simulation;

namespace LeadPlugins.Cli.Tests;

/// <summary>
/// About the product's enrichment and nurture plug-ins, run by the simulator exactly as `demo` runs them. Kept
/// minimal: the plug-ins have their own tests. Inconclusive until LeadPlugins.Plugins declares its steps.
/// </summary>
[TestClass]
[TestCategory("Enrichment")]
public sealed class EnrichmentTests
{
    private static List<SimulatedLead> Simulate(string sample)
    {
        var output = new RecordingOutput();
        var summary = new LeadSimulator(Repo.Environment, new SimulationOptions { Now = Repo.Now }).Run(new StreamReader(Repo.Sample(sample)), output);
        if (summary.RegisteredSteps == 0) Assert.Inconclusive("LeadPlugins.Plugins declares no [PluginStep] yet: nothing enriches the leads.");
        return output.Leads;
    }

    [TestMethod]
    public void The_documented_payload_is_an_enriched_Azure_Marketplace_get_it_now_lead()
    {
        var lead = Simulate("marketplace-payloads.jsonl").Single(l => l.Input == 1);
        Assert.AreEqual(true, lead.IsMarketplace);
        Assert.AreEqual("Azure Marketplace", lead.Storefront);
        Assert.AreEqual("Get it now", lead.LeadAction);
        Assert.IsNotNull(lead.Score);
        Assert.IsNotNull(lead.EnrichmentStatus);
    }

    [TestMethod]
    public void Test_and_co_sell_leads_are_flagged_and_not_nurtured()
    {
        var leads = Simulate("lead-rows.jsonl");
        var test = leads.Single(l => l.Input == 9);
        var coSell = leads.Single(l => l.Input == 10);
        Assert.AreEqual(true, test.IsTestLead);
        Assert.AreEqual("Test", test.EnrichmentStatus);
        Assert.AreEqual(true, coSell.IsCoSell);
        Assert.AreEqual("Co-sell", coSell.EnrichmentStatus);
        Assert.AreEqual(0, test.NurtureSteps.Count);
        Assert.AreEqual(0, coSell.NurtureSteps.Count);
    }

    [TestMethod]
    public void A_repeat_customer_is_a_duplicate_of_the_earlier_line()
        => Assert.AreEqual(1, Simulate("lead-rows.jsonl").Single(l => l.Input == 8).DuplicateOf);
}
