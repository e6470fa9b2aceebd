namespace LeadPlugins.InMemory;

/// <summary>One execution of a plug-in step (the audit): what ran, where, and what it did.</summary>
public sealed class StepExecution
{
    private readonly List<string> _traces = new();
    // Made by the first service call: most executions make none.
    private Dictionary<string, int>? _callsByMessage;
    private Dictionary<Guid, int>? _callsByUser;

    internal StepExecution(PluginStep step, string messageName, string primaryEntityName, Guid primaryEntityId, int depth, int attempt)
    {
        Step = step;
        MessageName = messageName;
        PrimaryEntityName = primaryEntityName;
        PrimaryEntityId = primaryEntityId;
        Depth = depth;
        Attempt = attempt;
    }

    public PluginStep Step { get; }
    public Type PluginType => Step.PluginType;
    /// <summary>The message the step saw (Create for a Create step fired by CreateMultiple).</summary>
    public string MessageName { get; }
    public string PrimaryEntityName { get; }
    public Guid PrimaryEntityId { get; }
    public int Stage => Step.Stage;
    public int Mode => Step.Mode;
    public int Depth { get; }
    /// <summary>1 for the first run; async retries count up.</summary>
    public int Attempt { get; }
    public StepOutcome Outcome { get; internal set; } = StepOutcome.Succeeded;
    public string? Error { get; internal set; }
    public IReadOnlyList<string> Traces => _traces;
    /// <summary>Organization-service requests this execution made.</summary>
    public int ServiceCalls { get; private set; }
    public IReadOnlyDictionary<string, int> ServiceCallsByMessage
        => _callsByMessage ?? (IReadOnlyDictionary<string, int>)System.Collections.ObjectModel.ReadOnlyDictionary<string, int>.Empty;
    /// <summary>The execution's requests by the user its service ran as (CreateOrganizationService(id); null = SYSTEM).</summary>
    public IReadOnlyDictionary<Guid, int> ServiceCallsByUser
        => _callsByUser ?? (IReadOnlyDictionary<Guid, int>)System.Collections.ObjectModel.ReadOnlyDictionary<Guid, int>.Empty;
    /// <summary>The context's UserId (the step's user: the caller, or SYSTEM for a RunAs System step).</summary>
    public Guid UserId { get; internal set; }
    /// <summary>The context's InitiatingUserId (the caller who started the operation).</summary>
    public Guid InitiatingUserId { get; internal set; }

    internal void AddTrace(string text) => _traces.Add(text);

    internal void CountCall(string message, Guid userId)
    {
        ServiceCalls++;
        _callsByMessage ??= new(StringComparer.Ordinal);
        _callsByUser ??= new();
        _callsByMessage[message] = _callsByMessage.TryGetValue(message, out var n) ? n + 1 : 1;
        _callsByUser[userId] = _callsByUser.TryGetValue(userId, out var u) ? u + 1 : 1;
    }

    public override string ToString()
        => PluginType.Name + " " + MessageName + "/" + PrimaryEntityName + " stage " + Stage + (Mode == 1 ? " async" : " sync") + " depth " + Depth + ": " + Outcome;
}
