using LeadPlugins.Plugins.Domain;
using LeadPlugins.Schema;

namespace LeadPlugins.Domain.Tests;

/// <summary>The enum check that does not box its value answers as Enum.IsDefined, and its names are ToString's.</summary>
[TestClass]
public sealed class DefinedValuesTests
{
    [TestMethod]
    public void Defined_values_answer_as_Enum_IsDefined()
    {
        foreach (var value in new[] { -1, 0, 1, 2, 3, 100000000, 100000001, 100000002, 100000003, int.MaxValue })
        {
            Assert.AreEqual(Enum.IsDefined(typeof(NurtureActivityType), value), DefinedValues<NurtureActivityType>.Contains((NurtureActivityType)value), value.ToString());
            Assert.AreEqual(Enum.IsDefined(typeof(Storefront), value), DefinedValues<Storefront>.Contains((Storefront)value), value.ToString());
            Assert.AreEqual(Enum.IsDefined(typeof(CampaignType), value), DefinedValues<CampaignType>.Contains((CampaignType)value), value.ToString());
        }
    }
    [TestMethod]
    public void Names_are_what_ToString_gives_for_defined_and_other_values()
    {
        foreach (var value in new[] { -1, 0, 1, 2, 3, 4, 5, 6, 7, 100000000, 100000001, 100000002, 100000003, int.MaxValue })
        {
            Assert.AreEqual(((Storefront)value).ToString(), DefinedValues<Storefront>.Name((Storefront)value), value.ToString());
            Assert.AreEqual(((EnrichmentStatus)value).ToString(), DefinedValues<EnrichmentStatus>.Name((EnrichmentStatus)value), value.ToString());
            Assert.AreEqual(((LeadAction)value).ToString(), DefinedValues<LeadAction>.Name((LeadAction)value), value.ToString());
            Assert.AreEqual(((Rating)value).ToString(), DefinedValues<Rating>.Name((Rating)value), value.ToString());
        }
    }
}
