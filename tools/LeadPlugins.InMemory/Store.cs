using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>Rows of one table (id => stored entity, insertion-ordered) and lazily built equality indexes.</summary>
internal sealed class TableData
{
    private readonly Dictionary<Guid, Entity> _rows = new();
    private readonly Dictionary<string, Dictionary<object, HashSet<Guid>>> _indexes = new(StringComparer.Ordinal);

    public TableData(TableSchema schema) { Schema = schema; }

    public TableSchema Schema { get; }
    public int Count => _rows.Count;
    public IEnumerable<Entity> Rows => _rows.Values;

    public Entity? Find(Guid id) => _rows.TryGetValue(id, out var row) ? row : null;

    /// <summary>Ids whose column equals the value (case-insensitive for strings); builds the index on first use.</summary>
    public IEnumerable<Guid> Lookup(string column, object value)
    {
        if (!_indexes.TryGetValue(column, out var index))
        {
            index = new Dictionary<object, HashSet<Guid>>();
            foreach (var row in _rows.Values) AddToIndex(index, column, row);
            _indexes[column] = index;
        }
        var key = Values.IndexKey(value);
        return key != null && index.TryGetValue(key, out var ids) ? ids : Enumerable.Empty<Guid>();
    }

    public bool HasIndex(string column) => _indexes.ContainsKey(column);

    public void Put(Entity row)
    {
        if (_rows.TryGetValue(row.Id, out var previous)) RemoveFromIndexes(previous);
        _rows[row.Id] = row;
        foreach (var pair in _indexes) AddToIndex(pair.Value, pair.Key, row);
    }

    public void Remove(Guid id)
    {
        if (_rows.Remove(id, out var previous)) RemoveFromIndexes(previous);
    }

    private void RemoveFromIndexes(Entity row)
    {
        foreach (var pair in _indexes)
        {
            if (!row.Attributes.TryGetValue(pair.Key, out var value)) continue;
            var key = Values.IndexKey(value);
            if (key != null && pair.Value.TryGetValue(key, out var ids))
            {
                ids.Remove(row.Id);
                if (ids.Count == 0) pair.Value.Remove(key);
            }
        }
    }

    private static void AddToIndex(Dictionary<object, HashSet<Guid>> index, string column, Entity row)
    {
        if (!row.Attributes.TryGetValue(column, out var value)) return;
        var key = Values.IndexKey(value);
        if (key == null) return;
        if (!index.TryGetValue(key, out var ids)) index[key] = ids = new HashSet<Guid>();
        ids.Add(row.Id);
    }
}

/// <summary>One N:N association (intersect row) of a relationship.</summary>
public sealed record Association(string Relationship, EntityReference Entity1, EntityReference Entity2);

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

/// <summary>The in-memory database: tables of stored entities and N:N intersect rows. Every write can be undone.</summary>
internal sealed class Store
{
    private readonly Dictionary<string, TableData> _tables = new(StringComparer.Ordinal);
    private readonly List<Association> _associations = new();
    private readonly DataverseSchema _schema;

    public Store(DataverseSchema schema) { _schema = schema; }

    public IReadOnlyList<Association> Associations => _associations;

    public TableData Table(string logicalName)
    {
        if (!_tables.TryGetValue(logicalName, out var table))
        {
            table = new TableData(_schema.GetTable(logicalName));
            _tables[logicalName] = table;
        }
        return table;
    }

    public Entity? Find(string logicalName, Guid id) => _tables.TryGetValue(logicalName, out var t) ? t.Find(id) : null;

    public void Insert(Entity row, Transaction? tx)
    {
        var table = Table(row.LogicalName);
        table.Put(row);
        tx?.OnRollback(() => table.Remove(row.Id));
    }

    public void Replace(Entity row, Transaction? tx)
    {
        var table = Table(row.LogicalName);
        var previous = table.Find(row.Id);
        table.Put(row);
        if (previous != null) tx?.OnRollback(() => table.Put(previous));
    }

    public void Delete(string logicalName, Guid id, Transaction? tx)
    {
        var table = Table(logicalName);
        var previous = table.Find(id);
        if (previous == null) return;
        table.Remove(id);
        tx?.OnRollback(() => table.Put(previous));
    }

    public void Associate(Association association, Transaction? tx)
    {
        _associations.Add(association);
        tx?.OnRollback(() => _associations.Remove(association));
    }

    public bool Disassociate(Association association, Transaction? tx)
    {
        var index = _associations.FindIndex(a => SameAssociation(a, association));
        if (index < 0) return false;
        var removed = _associations[index];
        _associations.RemoveAt(index);
        tx?.OnRollback(() => _associations.Insert(Math.Min(index, _associations.Count), removed));
        return true;
    }

    public bool IsAssociated(Association association) => _associations.Any(a => SameAssociation(a, association));

    private static bool SameAssociation(Association a, Association b)
        => a.Relationship == b.Relationship
           && ((a.Entity1.Equals(b.Entity1) && a.Entity2.Equals(b.Entity2)) || (a.Entity1.Equals(b.Entity2) && a.Entity2.Equals(b.Entity1)));
}
