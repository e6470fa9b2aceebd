using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>One request travelling through the chain.</summary>
internal sealed class RequestContext
{
    /// <param name="request">Null only for a typed Create no step or handler sees (<see cref="PipelineRunner.CreateWithoutSteps"/>).</param>
    public RequestContext(OrganizationRequest? request, CallContext call) => Start(request, call);

    /// <summary>Makes this the context of a new request, as a new one would be (see <see cref="InMemoryDataverse"/>'s
    /// one context for the requests no step sees).</summary>
    public RequestContext Start(OrganizationRequest? request, CallContext call)
    {
        Request = request!;
        Call = call;
        Depth = call.ParentDepth + 1;
        Transaction = call.Transaction;
        _correlationId = call.CorrelationId;
        ContextForChildren = call.ParentContext;
        OwnsTarget = false;
        _defaultsApplied = null;
        return this;
    }

    public OrganizationRequest Request { get; private set; } = null!;
    public CallContext Call { get; private set; } = null!;
    public int Depth { get; private set; }
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
    /// <summary>Notes that the pipeline applied the platform's Create/Update defaults to this target (before PreOperation).</summary>
    public void DefaultsApplied(Entity target)
    {
        if (_defaultsApplied == null) _defaultsApplied = target;
        else if (_defaultsApplied is HashSet<Entity> targets) targets.Add(target);
        else _defaultsApplied = new HashSet<Entity>(ReferenceEqualityComparer.Instance) { (Entity)_defaultsApplied, target };
    }

    /// <summary>Whether the pipeline already applied the platform's defaults to this target.</summary>
    public bool HasDefaults(Entity target)
        => _defaultsApplied is HashSet<Entity> targets ? targets.Contains(target) : ReferenceEquals(_defaultsApplied, target);

    // The one target a single Create or Update has, or the set of a bulk request's targets: no set for the usual one.
    private object? _defaultsApplied;
    private Guid _correlationId;
}
