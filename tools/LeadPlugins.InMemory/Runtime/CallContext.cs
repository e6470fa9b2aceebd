using Microsoft.Xrm.Sdk;

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
