namespace LeadPlugins.InMemory;

/// <summary>
/// All writes of one database transaction, kept as an undo log so a failing synchronous step or core operation
/// rolls back everything the request (and the plug-ins it triggered) wrote. Async steps queue here and are
/// released on commit only.
/// </summary>
internal sealed class Transaction
{
    // Undo entries are values, not closures: every write of every request logs one.
    private UndoEntry _first;
    private bool _hasFirst;
    private List<UndoEntry>? _undo;
    private List<AsyncJob>? _pendingAsync;

    public List<AsyncJob> PendingAsync => _pendingAsync ??= new();

    public bool HasPendingAsync => _pendingAsync is { Count: > 0 };

    /// <summary>Set when an organization-service call inside the transaction faulted: the request can no longer commit.</summary>
    public Exception? DoomedBy { get; private set; }

    public void Doom(Exception cause) => DoomedBy ??= cause;

    /// <summary>Undo by putting the previous row back (or removing the row when there was none).</summary>
    public void OnRollback(TableRows table, Guid id, Microsoft.Xrm.Sdk.Entity? previous) => Log(new UndoEntry(table, id, previous, null));

    public void OnRollback(Action undo) => Log(new UndoEntry(null, Guid.Empty, null, undo));

    // Most requests write one row: the first entry needs no list.
    private void Log(UndoEntry entry)
    {
        if (!_hasFirst)
        {
            _first = entry;
            _hasFirst = true;
        }
        else (_undo ??= new()).Add(entry);
    }

    /// <summary>After a commit: the undo log is emptied (its room kept), so the transaction can serve another request.</summary>
    public void Forget()
    {
        _undo?.Clear();
        _hasFirst = false;
        _first = default;
    }

    public void Rollback()
    {
        if (_undo != null)
        {
            for (var i = _undo.Count - 1; i >= 0; i--) _undo[i].Undo();
        }
        if (_hasFirst) _first.Undo();
        Forget();
        _pendingAsync?.Clear();
    }

    private readonly record struct UndoEntry(TableRows? Table, Guid Id, Microsoft.Xrm.Sdk.Entity? Previous, Action? Action)
    {
        public void Undo()
        {
            if (Action != null) Action();
            else if (Previous != null) Table!.Put(Previous);
            else Table!.Remove(Id);
        }
    }
}
