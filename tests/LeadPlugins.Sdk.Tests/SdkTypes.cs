using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Sdk.Tests;

internal static class SdkTypes
{
    /// <summary>A type of Microsoft.Xrm.Sdk or Microsoft.Crm.Sdk.Proxy (the ones this test run loaded) by full name.</summary>
    public static Type Get(string fullName)
    {
        var type = typeof(Entity).Assembly.GetType(fullName) ?? typeof(WhoAmIRequest).Assembly.GetType(fullName);
        Assert.IsNotNull(type, $"{fullName} is not defined by the loaded SDK assemblies");
        return type;
    }
}
