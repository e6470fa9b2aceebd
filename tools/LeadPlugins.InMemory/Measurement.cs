using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

public enum StepOutcome
{
    Succeeded,
    Failed,
}

/// <summary>One execution of a plug-in step (the audit): what ran, where, and what it did.</summary>
public sealed class StepExecution
{
    private readonly List<string> _traces = new();
    private readonly Dictionary<string, int> _callsByMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, int> _callsByUser = new();

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
    public IReadOnlyDictionary<string, int> ServiceCallsByMessage => _callsByMessage;
    /// <summary>The execution's requests by the user its service ran as (CreateOrganizationService(id); null = SYSTEM).</summary>
    public IReadOnlyDictionary<Guid, int> ServiceCallsByUser => _callsByUser;
    /// <summary>The context's UserId (the step's user: the caller, or SYSTEM for a RunAs System step).</summary>
    public Guid UserId { get; internal set; }
    /// <summary>The context's InitiatingUserId (the caller who started the operation).</summary>
    public Guid InitiatingUserId { get; internal set; }

    internal void AddTrace(string text) => _traces.Add(text);

    internal void CountCall(string message, Guid userId)
    {
        ServiceCalls++;
        _callsByMessage[message] = _callsByMessage.TryGetValue(message, out var n) ? n + 1 : 1;
        _callsByUser[userId] = _callsByUser.TryGetValue(userId, out var u) ? u + 1 : 1;
    }

    public override string ToString()
        => PluginType.Name + " " + MessageName + "/" + PrimaryEntityName + " stage " + Stage + (Mode == 1 ? " async" : " sync") + " depth " + Depth + ": " + Outcome;
}

/// <summary>A trace line with the step execution that wrote it.</summary>
public sealed record TraceLine(StepExecution Execution, string Text);

/// <summary>Counts organization-service requests (round trips): the caller's and the plug-ins' separately.</summary>
public sealed class RequestCounters
{
    private readonly Dictionary<string, int> _fromCaller = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _fromPlugins = new(StringComparer.Ordinal);

    public int Total => FromCaller + FromPlugins;
    public int FromCaller { get; private set; }
    public int FromPlugins { get; private set; }
    public IReadOnlyDictionary<string, int> ByMessageFromCaller => _fromCaller;
    public IReadOnlyDictionary<string, int> ByMessageFromPlugins => _fromPlugins;

    /// <summary>Requests of this message from anyone.</summary>
    public int this[string message] => (_fromCaller.TryGetValue(message, out var a) ? a : 0) + (_fromPlugins.TryGetValue(message, out var b) ? b : 0);

    public IReadOnlyDictionary<string, int> ByMessage
        => _fromCaller.Keys.Union(_fromPlugins.Keys).ToDictionary(k => k, k => this[k], StringComparer.Ordinal);

    internal void Count(string message, bool fromPlugin)
    {
        var map = fromPlugin ? _fromPlugins : _fromCaller;
        map[message] = map.TryGetValue(message, out var n) ? n + 1 : 1;
        if (fromPlugin) FromPlugins++;
        else FromCaller++;
    }

    public void Reset()
    {
        _fromCaller.Clear();
        _fromPlugins.Clear();
        FromCaller = 0;
        FromPlugins = 0;
    }
}

public enum AsyncJobStatus
{
    Waiting,
    Succeeded,
    Failed,
}

/// <summary>A queued asynchronous step (the platform's asyncoperation row).</summary>
public sealed class AsyncJob
{
    internal AsyncJob(Guid id, PluginStep step, Action<AsyncJob, int> run)
    {
        Id = id;
        Step = step;
        Run = run;
    }

    public Guid Id { get; }
    public PluginStep Step { get; }
    public AsyncJobStatus Status { get; internal set; } = AsyncJobStatus.Waiting;
    /// <summary>Runs made so far (1 + retries).</summary>
    public int Attempts { get; internal set; }
    public string? Error { get; internal set; }
    public List<StepExecution> Executions { get; } = new();
    internal Action<AsyncJob, int> Run { get; }

    public override string ToString() => Step.PluginType.Name + " " + Step.Message + " async: " + Status + " after " + Attempts + " attempt(s)";
}
