using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>Rows of one table (id => stored entity, insertion-ordered) and lazily built equality indexes.</summary>
internal sealed class TableRows
{
    private readonly Dictionary<Guid, Entity> _rows = new();
    private readonly Dictionary<string, Dictionary<object, HashSet<Guid>>> _indexes = new(StringComparer.Ordinal);

    public TableRows(TableSchema schema) { Schema = schema; }

    public TableSchema Schema { get; }
    public int Count => _rows.Count;
    public Dictionary<Guid, Entity>.ValueCollection Rows => _rows.Values;

    public Entity? Find(Guid id) => _rows.TryGetValue(id, out var row) ? row : null;

    /// <summary>Ids whose column equals the value (case-insensitive for strings); builds the index on first use.</summary>
    public IEnumerable<Guid> Lookup(string column, object value) => LookupSet(column, value);

    /// <summary>As <see cref="Lookup"/>, with its count (the query planner compares conditions by it before reading any).</summary>
    public IReadOnlyCollection<Guid> LookupSet(string column, object value)
    {
        if (!_indexes.TryGetValue(column, out var index))
        {
            index = new Dictionary<object, HashSet<Guid>>();
            foreach (var row in _rows.Values) AddToIndex(index, column, row);
            _indexes[column] = index;
        }
        var key = Values.IndexKey(value);
        return key != null && index.TryGetValue(key, out var ids) ? ids : Array.Empty<Guid>();
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
