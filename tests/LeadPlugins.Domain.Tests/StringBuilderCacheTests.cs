using LeadPlugins.Plugins.Domain;
using LeadPlugins.Schema;

namespace LeadPlugins.Domain.Tests;

/// <summary>The thread's cached builder (trace lines, summaries, rendered texts) and the non-boxing enum check.</summary>
[TestClass]
public sealed class StringBuilderCacheTests
{
    [TestMethod]
    public void A_released_builder_is_handed_out_again_empty_and_a_builder_in_use_is_never_shared()
    {
        var first = StringBuilderCache.Acquire();
        var second = StringBuilderCache.Acquire();
        Assert.AreNotSame(first, second, "the cached builder is in use: a second one is made");
        first.Append("text");
        Assert.AreEqual("text", StringBuilderCache.GetStringAndRelease(first));
        var again = StringBuilderCache.Acquire();
        Assert.AreSame(first, again);
        Assert.AreEqual(0, again.Length);
        StringBuilderCache.Release(again);
    }

    [TestMethod]
    public void A_builder_larger_than_the_limit_is_not_kept()
    {
        var large = StringBuilderCache.Acquire(StringBuilderCache.MaxBuilderSize + 1);
        StringBuilderCache.Release(large);
        Assert.AreNotSame(large, StringBuilderCache.Acquire(16));
    }

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
}
