using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Sdk.Tests;

[TestClass]
public sealed class EntityBehaviourTests
{
    [TestMethod]
    public void Indexer_on_missing_attribute_throws_KeyNotFoundException_like_the_real_sdk()
    {
        var lead = new Entity("lead");
        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = lead["subject"]);
    }

    [TestMethod]
    public void GetAttributeValue_returns_default_for_missing_or_null()
    {
        var lead = new Entity("lead") { ["subject"] = null };
        Assert.IsNull(lead.GetAttributeValue<string>("subject"));
        Assert.AreEqual(0, lead.GetAttributeValue<int>("mpl_leadscore"));
    }
}
