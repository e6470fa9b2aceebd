using LeadPlugins.Plugins.Domain;
using LeadPlugins.Schema;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Tests;

[TestClass]
public sealed class SolutionModelTests
{
    private static readonly SolutionSource Source = SolutionSource.Load();

    [TestMethod]
    [DataRow(LeadTable.Columns.Storefront, typeof(Storefront))]
    [DataRow(LeadTable.Columns.Audience, typeof(Audience))]
    [DataRow(LeadTable.Columns.CampaignType, typeof(CampaignType))]
    [DataRow(LeadTable.Columns.ListingType, typeof(ListingType))]
    [DataRow(LeadTable.Columns.LeadAction, typeof(LeadAction))]
    [DataRow(LeadTable.Columns.FunnelStage, typeof(FunnelStage))]
    [DataRow(LeadTable.Columns.TrackedIn, typeof(TrackedIn))]
    [DataRow(LeadTable.Columns.EmailStatus, typeof(EmailStatus))]
    [DataRow(LeadTable.Columns.EnrichmentStatus, typeof(EnrichmentStatus))]
    [DataRow(NurtureStepTable.Columns.ActivityType, typeof(NurtureActivityType))]
    [DataRow("mpl_steppriority", typeof(StepPriority))]
    [DataRow("mpl_enrollmentstatus", typeof(EnrollmentStatus))]
    public void Choice_values_in_the_solution_match_the_domain_enum(string choiceName, Type enumType)
    {
        var choice = Source.FindChoice(choiceName);
        Assert.IsNotNull(choice, choiceName + " is missing from Solution/src/choices.xml");
        CollectionAssert.AreEquivalent(
            Enum.GetValues(enumType).Cast<int>().ToList(),
            choice.Options.Select(o => o.Value).ToList(),
            choiceName + " and " + enumType.Name + " differ");
    }

    [TestMethod]
    public void Every_global_choice_uses_the_publisher_option_value_prefix()
    {
        foreach (var option in Source.Choices.SelectMany(c => c.Options))
        {
            Assert.AreEqual(71254, option.Value / 10000, option.Label);
        }
    }

    [TestMethod]
    public void Lead_columns_are_never_required_so_the_lead_writer_can_always_create()
    {
        var lead = Source.FindTable("lead");
        Assert.IsNotNull(lead);
        Assert.IsTrue(lead.Columns.Count >= 20);
        Assert.IsFalse(lead.Columns.Any(c => c.Required));
    }
}
