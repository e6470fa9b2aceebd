namespace LeadPlugins.Domain.Tests;

[TestClass]
public sealed class SmokeTests
{
    [TestMethod]
    public void Plugin_assembly_is_strong_named()
    {
        var name = typeof(LeadPlugins.Plugins.Execution.PluginBase).Assembly.GetName();
        Assert.IsNotNull(name.GetPublicKeyToken());
        Assert.AreEqual(8, name.GetPublicKeyToken()!.Length);
    }
}
