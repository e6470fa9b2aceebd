using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>The execution context handed to plug-ins (the platform's RemoteExecutionContext, bulk-aware).</summary>
public sealed class PluginExecutionContext : IPluginExecutionContext4
{
    public int Mode { get; internal set; }
    public int IsolationMode { get; internal set; } = 2;
    public int Depth { get; internal set; }
    public string MessageName { get; internal set; } = string.Empty;
    public string PrimaryEntityName { get; internal set; } = "none";
    public Guid? RequestId { get; internal set; }
    public string SecondaryEntityName { get; internal set; } = "none";
    public ParameterCollection InputParameters { get; internal set; } = new();
    public ParameterCollection OutputParameters { get; internal set; } = new();
    public ParameterCollection SharedVariables { get; internal set; } = new();
    public Guid UserId { get; internal set; }
    public Guid InitiatingUserId { get; internal set; }
    public Guid BusinessUnitId { get; internal set; }
    public Guid OrganizationId { get; internal set; }
    public string OrganizationName { get; internal set; } = string.Empty;
    public Guid PrimaryEntityId { get; internal set; }
    public EntityImageCollection PreEntityImages { get; internal set; } = new();
    public EntityImageCollection PostEntityImages { get; internal set; } = new();
    public EntityReference OwningExtension { get; internal set; } = new();
    public Guid CorrelationId { get; internal set; }
    public bool IsExecutingOffline => false;
    public bool IsOfflinePlayback => false;
    public bool IsInTransaction { get; internal set; }
    public Guid OperationId { get; internal set; }
    public DateTime OperationCreatedOn { get; internal set; }
    public int Stage { get; internal set; }
    public IPluginExecutionContext ParentContext { get; internal set; } = null!;
    public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;
    public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;
    public Guid InitiatingUserApplicationId => Guid.Empty;
    public Guid PortalsContactId => Guid.Empty;
    public bool IsPortalsClientCall => false;
    public Guid AuthenticatedUserId => InitiatingUserId;
    public EntityImageCollection[] PreEntityImagesCollection { get; internal set; } = Array.Empty<EntityImageCollection>();
    public EntityImageCollection[] PostEntityImagesCollection { get; internal set; } = Array.Empty<EntityImageCollection>();

    internal PluginExecutionContext ShallowCopy() => (PluginExecutionContext)MemberwiseClone();
}
