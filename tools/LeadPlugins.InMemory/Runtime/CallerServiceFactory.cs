using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>Factory for callers outside any plug-in (tests, the simulator).</summary>
internal sealed class CallerServiceFactory : IOrganizationServiceFactory
{
    private readonly InMemoryDataverse _dataverse;

    public CallerServiceFactory(InMemoryDataverse dataverse) { _dataverse = dataverse; }

    public IOrganizationService CreateOrganizationService(Guid? userId) => _dataverse.GetOrganizationService(userId ?? _dataverse.SystemUserId);
}
