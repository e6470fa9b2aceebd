namespace LeadPlugins.InMemory;

/// <summary>
/// All writes of one database transaction, kept as an undo log so a failing synchronous step or core operation
/// rolls back everything the request (and the plug-ins it triggered) wrote. Async steps queue here and are
/// released on commit only.
/// </summary>
internal sealed class Transaction
{
    private readonly List<Action> _undo = new();

    public List<AsyncJob> PendingAsync { get; } = new();

    /// <summary>Set when an organization-service call inside the transaction faulted: the request can no longer commit.</summary>
    public Exception? DoomedBy { get; private set; }

    public void Doom(Exception cause) => DoomedBy ??= cause;

    public void OnRollback(Action undo) => _undo.Add(undo);

    public void Rollback()
    {
        for (var i = _undo.Count - 1; i >= 0; i--) _undo[i]();
        _undo.Clear();
        PendingAsync.Clear();
    }
}
