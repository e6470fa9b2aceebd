using System.Reflection;

namespace LeadPlugins.Sdk.Tests.Metadata;

/// <summary>
/// Locations of the binaries the tests read, baked into this assembly by the project file
/// (target AddSdkTestFileLocations) as [AssemblyMetadata(key, path)].
/// </summary>
internal static class TestFiles
{
    public const string XrmToolingConnector = "XrmToolingConnector";
    public const string ContractXrmSdk = "Net462:Microsoft.Xrm.Sdk";
    public const string ContractCrmSdkProxy = "Net462:Microsoft.Crm.Sdk.Proxy";
    public const string ContractXrmSdkWorkflow = "Net462:Microsoft.Xrm.Sdk.Workflow";
    public const string PluginsNet462 = "Net462:LeadPlugins.Plugins";

    public static string Get(string key)
    {
        var value = typeof(TestFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == key)
            .Select(a => a.Value)
            .SingleOrDefault();
        Assert.IsFalse(string.IsNullOrEmpty(value), $"[AssemblyMetadata(\"{key}\")] is missing: the test project's AddSdkTestFileLocations target did not run.");
        Assert.IsTrue(File.Exists(value), $"{key}: file not found at {value}");
        return value!;
    }
}
