using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// Rows of one table in insertion order (id => slot), lazily built equality indexes, and lazily built column vectors
/// (one value per slot) that let a scan test a column without walking every row's attribute table.
/// </summary>
internal sealed class TableRows
{
    private const int MinimumSlots = 16;

    // A removed row leaves its slot empty and keeps the id's slot, so a rolled-back Delete puts the row back where it was.
    private readonly Dictionary<Guid, int> _slotById;
    private Entity?[] _slots;
    private int _used;
    private int _live;
    private readonly Dictionary<string, ColumnIndex> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?[]> _columns = new(StringComparer.Ordinal);

    private readonly StoreSizes _sizes;

    /// <param name="sizes">How large this table grew in earlier stores: its slots and id table start that large.</param>
    public TableRows(TableSchema schema, StoreSizes sizes)
    {
        Schema = schema;
        _sizes = sizes;
        var rows = sizes.Rows(schema.LogicalName);
        _slotById = new Dictionary<Guid, int>(rows);
        _slots = new Entity?[Math.Max(MinimumSlots, rows)];
    }

    public TableSchema Schema { get; }
    public int Count => _live;

    /// <summary>Live rows in storage (insertion) order.</summary>
    public LiveRows Rows => new(_slots, _used);

    public Entity? Find(Guid id) => _slotById.TryGetValue(id, out var slot) ? _slots[slot] : null;

    /// <summary>Ids whose column equals the value (case-insensitive for strings); builds the index on first use.</summary>
    public IEnumerable<Guid> Lookup(string column, object value) => LookupSet(column, value);

    /// <summary>As <see cref="Lookup"/>, with its count (the query planner compares conditions by it before reading any).</summary>
    public IReadOnlyCollection<Guid> LookupSet(string column, object value)
    {
        if (!_indexes.TryGetValue(column, out var index))
        {
            index = new ColumnIndex(_sizes, Schema.LogicalName, column);
            foreach (var row in Rows) AddToIndex(index, column, row);
            _indexes[column] = index;
        }
        return index.Find(value) ?? (IReadOnlyCollection<Guid>)Array.Empty<Guid>();
    }

    public bool HasIndex(string column) => _indexes.ContainsKey(column);

    /// <summary>
    /// The stored value of a column per slot, aligned with <see cref="Slot"/> (null for an empty slot or an absent value);
    /// built on first use and kept in step with every write, like the indexes.
    /// </summary>
    public object?[] ColumnVector(string column)
    {
        if (!_columns.TryGetValue(column, out var vector))
        {
            vector = new object?[_slots.Length];
            for (var i = 0; i < _used; i++)
                if (_slots[i] is { } row && row.Attributes.TryGetValue(column, out var value)) vector[i] = value;
            _columns[column] = vector;
        }
        return vector;
    }

    /// <summary>The row in a slot (null when removed); slots run from 0 to <see cref="SlotCount"/>.</summary>
    public Entity? Slot(int slot) => _slots[slot];

    public int SlotCount => _used;

    public void Put(Entity row)
    {
        if (_slotById.TryGetValue(row.Id, out var slot))
        {
            if (_slots[slot] is { } previous) RemoveFromIndexes(previous);
            else _live++;
        }
        else
        {
            if (_used == _slots.Length) Grow();
            slot = _used++;
            _slotById[row.Id] = slot;
            _live++;
        }
        _slots[slot] = row;
        foreach (var pair in _indexes) AddToIndex(pair.Value, pair.Key, row);
        foreach (var pair in _columns) pair.Value[slot] = row.Attributes.TryGetValue(pair.Key, out var value) ? value : null;
    }

    public void Remove(Guid id)
    {
        if (!_slotById.TryGetValue(id, out var slot) || _slots[slot] is not { } previous) return;
        RemoveFromIndexes(previous);
        _slots[slot] = null;
        foreach (var vector in _columns.Values) vector[slot] = null;
        _live--;
    }

    /// <summary>Doubles the slots, or first drops the empty ones when they are at least half (order kept).</summary>
    private void Grow()
    {
        if (_used - _live >= _used / 2 && _used >= MinimumSlots)
        {
            var keep = 0;
            var vectors = _columns.Values.ToArray();
            for (var i = 0; i < _used; i++)
            {
                var row = _slots[i];
                if (row == null) continue;
                _slots[keep] = row;
                foreach (var vector in vectors) vector[keep] = vector[i];
                _slotById[row.Id] = keep;
                keep++;
            }
            foreach (var id in _slotById.Where(p => p.Value >= keep || _slots[p.Value]?.Id != p.Key).Select(p => p.Key).ToList()) _slotById.Remove(id);
            Array.Clear(_slots, keep, _used - keep);
            foreach (var vector in vectors) Array.Clear(vector, keep, _used - keep);
            _used = keep;
            return;
        }
        Array.Resize(ref _slots, _slots.Length * 2);
        _sizes.RowsGrewTo(Schema.LogicalName, _slots.Length); // the next store starts this large
        foreach (var column in _columns.Keys.ToList())
        {
            var vector = _columns[column];
            Array.Resize(ref vector, _slots.Length);
            _columns[column] = vector;
        }
    }

    private void RemoveFromIndexes(Entity row)
    {
        foreach (var pair in _indexes)
        {
            if (row.Attributes.TryGetValue(pair.Key, out var value)) pair.Value.Remove(value, row.Id);
        }
    }

    private static void AddToIndex(ColumnIndex index, string column, Entity row)
    {
        if (row.Attributes.TryGetValue(column, out var value)) index.Add(value, row.Id);
    }
}
