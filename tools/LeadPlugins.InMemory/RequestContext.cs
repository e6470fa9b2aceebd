using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>One request travelling through the chain.</summary>
internal sealed class RequestContext
{
    /// <param name="request">Null only for a typed Create no step or handler sees (<see cref="PipelineRunner.CreateWithoutSteps"/>).</param>
    public RequestContext(OrganizationRequest? request, CallContext call)
    {
        Request = request!;
        Call = call;
        Depth = call.ParentDepth + 1;
        Transaction = call.Transaction;
        _correlationId = call.CorrelationId;
        ContextForChildren = call.ParentContext;
    }

    public OrganizationRequest Request { get; }
    public CallContext Call { get; }
    public int Depth { get; }
    public Transaction? Transaction { get; set; }
    /// <summary>
    /// The call's correlation id, or a new one from the store for an outermost request (made when first read: most
    /// requests never need one).
    /// </summary>
    public Guid CorrelationId(InMemoryDataverse dataverse)
        => _correlationId == Guid.Empty ? _correlationId = dataverse.NewCorrelationId() : _correlationId;
    /// <summary>
    /// The request's Target is a copy made at the service boundary that no plug-in sees (no step fires), so the store
    /// may keep it as the row instead of copying it again.
    /// </summary>
    public bool OwnsTarget { get; set; }
    /// <summary>The context platform sub-operations see as their parent (set by the pipeline).</summary>
    public IPluginExecutionContext? ContextForChildren { get; set; }
    /// <summary>Targets that already received the platform's Create/Update defaults (before PreOperation).</summary>
    public HashSet<Entity> DefaultsApplied => _defaultsApplied ??= new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether the pipeline already applied the platform's defaults to this target (no set is made for a request without steps).</summary>
    public bool HasDefaults(Entity target) => _defaultsApplied != null && _defaultsApplied.Contains(target);

    private HashSet<Entity>? _defaultsApplied;
    private Guid _correlationId;
}
