using Microsoft.Xrm.Sdk;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>
/// For tests that call the nurture services directly, as the workflow activities do: a second in-memory Dataverse with
/// no plug-in registered (so its counters hold only the service's own requests) and a tracing service to read.
/// </summary>
public abstract class PluginFreeTestBase : NurtureTestBase
{
    protected InMemory.InMemoryDataverse Plain { get; private set; } = null!;
    protected IOrganizationService PlainService { get; private set; } = null!;
    protected ListTracing Tracing { get; } = new();

    [TestInitialize]
    public void CreatePluginFreeDataverse()
    {
        Plain = NewDataverse();
        PlainService = Plain.GetOrganizationService();
    }
}
