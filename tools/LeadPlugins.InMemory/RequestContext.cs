using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>One request travelling through the chain.</summary>
internal sealed class RequestContext
{
    public RequestContext(OrganizationRequest request, CallContext call)
    {
        Request = request;
        Call = call;
        Depth = call.ParentDepth + 1;
        Transaction = call.Transaction;
        CorrelationId = call.CorrelationId == Guid.Empty ? Guid.NewGuid() : call.CorrelationId;
        ContextForChildren = call.ParentContext;
    }

    public OrganizationRequest Request { get; }
    public CallContext Call { get; }
    public int Depth { get; }
    public Transaction? Transaction { get; set; }
    public Guid CorrelationId { get; }
    /// <summary>The context platform sub-operations see as their parent (set by the pipeline).</summary>
    public IPluginExecutionContext? ContextForChildren { get; set; }
    /// <summary>Targets that already received the platform's Create/Update defaults (before PreOperation).</summary>
    public HashSet<Entity> DefaultsApplied => _defaultsApplied ??= new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether the pipeline already applied the platform's defaults to this target (no set is made for a request without steps).</summary>
    public bool HasDefaults(Entity target) => _defaultsApplied != null && _defaultsApplied.Contains(target);

    private HashSet<Entity>? _defaultsApplied;
}
