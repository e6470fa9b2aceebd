using LeadPlugins.Emulator;
using LeadPlugins.InMemory;
using LeadPlugins.WebApi;

namespace LeadPlugins.Live.Tests;

/// <summary>An emulator on an ephemeral loopback port and a client for it (fast retries, so fault tests stay short).</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(DataverseEmulator emulator, WebApiOrganizationService client)
    {
        Emulator = emulator;
        Client = client;
    }

    public DataverseEmulator Emulator { get; }
    public WebApiOrganizationService Client { get; }
    public InMemoryDataverse Dataverse => Emulator.Dataverse;

    public static async Task<TestHost> StartAsync(EmulatorOptions? options = null, InMemoryDataverse? dataverse = null)
    {
        var emulator = await new DataverseEmulator(dataverse ?? new InMemoryDataverse(), options).StartAsync();
        var client = new WebApiOrganizationService(DataverseConnection.FromUrl(emulator.Url.ToString()), FastRetries());
        return new TestHost(emulator, client);
    }

    public static WebApiOptions FastRetries() => new() { RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 12 };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
