using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Who makes a request and from where: the service's user, the plug-in execution (if any) and its transaction.</summary>
internal sealed class CallContext
{
    public Guid UserId { get; init; }
    /// <summary>Context of the plug-in (or platform operation) that made this call; null for an external caller.</summary>
    public IPluginExecutionContext? ParentContext { get; init; }
    /// <summary>Depth of the caller: 0 for an external caller, the plug-in's depth for its calls.</summary>
    public int ParentDepth { get; init; }
    public Transaction? Transaction { get; init; }
    public StepExecution? Execution { get; init; }
    /// <summary>A platform sub-operation (SetState's Update, QualifyLead's Creates): same depth, not a round trip.</summary>
    public bool Internal { get; init; }
    public Guid CorrelationId { get; init; }
    public bool FromPlugin => Execution != null;
}

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

/// <summary>Captures a step execution's trace lines.</summary>
internal sealed class TracingService : ITracingService
{
    private readonly StepExecution _execution;
    private readonly List<TraceLine> _all;

    public TracingService(StepExecution execution, List<TraceLine> all)
    {
        _execution = execution;
        _all = all;
    }

    public void Trace(string format, params object[] args)
    {
        var text = args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        _execution.AddTrace(text);
        _all.Add(new TraceLine(_execution, text));
    }
}

/// <summary>The service provider a plug-in receives.</summary>
internal sealed class PluginServiceProvider : IServiceProvider
{
    private readonly PluginExecutionContext _context;
    private readonly IOrganizationServiceFactory _factory;
    private readonly ITracingService _tracing;

    public PluginServiceProvider(PluginExecutionContext context, IOrganizationServiceFactory factory, ITracingService tracing)
    {
        _context = context;
        _factory = factory;
        _tracing = tracing;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext)
            || serviceType == typeof(IPluginExecutionContext2) || serviceType == typeof(IPluginExecutionContext3)
            || serviceType == typeof(IPluginExecutionContext4))
            return _context;
        if (serviceType == typeof(IOrganizationServiceFactory)) return _factory;
        if (serviceType == typeof(ITracingService)) return _tracing;
        return null;
    }
}

/// <summary>Organization service factory handed to a plug-in: services run as the given user (null = SYSTEM) inside the plug-in's transaction.</summary>
internal sealed class PluginServiceFactory : IOrganizationServiceFactory
{
    private readonly InMemoryDataverse _dataverse;
    private readonly PluginExecutionContext _context;
    private readonly StepExecution _execution;
    private readonly Transaction? _transaction;

    public PluginServiceFactory(InMemoryDataverse dataverse, PluginExecutionContext context, StepExecution execution, Transaction? transaction)
    {
        _dataverse = dataverse;
        _context = context;
        _execution = execution;
        _transaction = transaction;
    }

    public IOrganizationService CreateOrganizationService(Guid? userId)
        => new OrganizationService(_dataverse, new CallContext
        {
            UserId = userId ?? _dataverse.SystemUserId,
            ParentContext = _context,
            ParentDepth = _context.Depth,
            Transaction = _transaction,
            Execution = _execution,
            CorrelationId = _context.CorrelationId,
        });
}

/// <summary>Factory for callers outside any plug-in (tests, the simulator).</summary>
internal sealed class CallerServiceFactory : IOrganizationServiceFactory
{
    private readonly InMemoryDataverse _dataverse;

    public CallerServiceFactory(InMemoryDataverse dataverse) { _dataverse = dataverse; }

    public IOrganizationService CreateOrganizationService(Guid? userId) => _dataverse.GetOrganizationService(userId ?? _dataverse.SystemUserId);
}

/// <summary>
/// IOrganizationService as a plain class: every method becomes a request through <see cref="Execute"/>. Requests and
/// responses are copied at this boundary, as the wire does, so the caller's objects never alias stored rows.
/// </summary>
internal sealed class OrganizationService : IOrganizationService
{
    private readonly InMemoryDataverse _dataverse;
    private readonly CallContext _call;

    public OrganizationService(InMemoryDataverse dataverse, CallContext call)
    {
        _dataverse = dataverse;
        _call = call;
    }

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (request == null) throw Faults.RequiredField("request");
        return _dataverse.ExecuteFromService(Values.CloneRequest(request), _call);
    }

    // The typed methods build the request themselves, so only the caller's entity needs the boundary copy.
    public Guid Create(Entity entity)
        => (Guid)Send(new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = entity == null ? null! : Values.CloneEntity(entity) }).Results["id"];

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        => (Entity)Send(new Microsoft.Xrm.Sdk.Messages.RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet == null ? null! : (ColumnSet)Values.CloneValue(columnSet)! }).Results["Entity"];

    public void Update(Entity entity) => Send(new Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target = entity == null ? null! : Values.CloneEntity(entity) });

    public void Delete(string entityName, Guid id) => Send(new Microsoft.Xrm.Sdk.Messages.DeleteRequest { Target = new EntityReference(entityName, id) });

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => Execute(new Microsoft.Xrm.Sdk.Messages.AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => Execute(new Microsoft.Xrm.Sdk.Messages.DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public EntityCollection RetrieveMultiple(QueryBase query)
        => (EntityCollection)Send(new Microsoft.Xrm.Sdk.Messages.RetrieveMultipleRequest { Query = query }).Results["EntityCollection"];

    private OrganizationResponse Send(OrganizationRequest ownCopy) => _dataverse.ExecuteFromService(ownCopy, _call);
}
