using System.Runtime.InteropServices;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// One column's equality index: the ids of the rows by <see cref="Values.IndexKey"/> of their value. Ids (lookups,
/// unique identifiers) and numbers (choices, integers) are kept by their own type, so neither a write nor a lookup
/// boxes its key; keys of different types never were equal, so the index finds exactly what one table of objects did.
/// </summary>
internal sealed class ColumnIndex
{
    // Made for the first key of their kind (a column's keys are mostly of one), as large as the index grew before.
    private Dictionary<Guid, IdSet>? _byId;
    private Dictionary<decimal, IdSet>? _byNumber;
    private Dictionary<object, IdSet>? _byOther;
    private readonly StoreSizes _sizes;
    private readonly string _table;
    private readonly string _column;
    private readonly int _initialKeys;
    private int _keysToReport;

    /// <summary>An empty index of the table's column, made as large as that index grew in earlier stores (<see cref="StoreSizes"/>).</summary>
    public ColumnIndex(StoreSizes sizes, string table, string column)
    {
        _sizes = sizes;
        _table = table;
        _column = column;
        _initialKeys = _keysToReport = sizes.Keys(table, column);
    }

    private int KeyCount => (_byId?.Count ?? 0) + (_byNumber?.Count ?? 0) + (_byOther?.Count ?? 0);

    /// <summary>The ids whose value has the same key as <paramref name="value"/>, or null.</summary>
    public IdSet? Find(object? value)
    {
        IdSet? ids;
        return KeyOf(value, out var id, out var number, out var other) switch
        {
            KeyKind.Id => _byId != null && _byId.TryGetValue(id, out ids) ? ids : null,
            KeyKind.Number => _byNumber != null && _byNumber.TryGetValue(number, out ids) ? ids : null,
            KeyKind.Other => _byOther != null && _byOther.TryGetValue(other!, out ids) ? ids : null,
            _ => null,
        };
    }

    public void Add(object? value, Guid rowId)
    {
        switch (KeyOf(value, out var id, out var number, out var other))
        {
            case KeyKind.Id: Add(_byId ??= new(_initialKeys), id, rowId); break;
            case KeyKind.Number: Add(_byNumber ??= new(_initialKeys), number, rowId); break;
            case KeyKind.Other: Add(_byOther ??= new(_initialKeys), other!, rowId); break;
        }
    }

    /// <summary>Tells the store's sizes when the index passes the size it was made for, and each time it doubles since.</summary>
    private void Counted()
    {
        var keys = KeyCount;
        if (keys <= _keysToReport) return;
        _keysToReport = keys * 2;
        _sizes.KeysGrewTo(_table, _column, _keysToReport);
    }

    public void Remove(object? value, Guid rowId)
    {
        switch (KeyOf(value, out var id, out var number, out var other))
        {
            case KeyKind.Id: Remove(_byId, id, rowId); break;
            case KeyKind.Number: Remove(_byNumber, number, rowId); break;
            case KeyKind.Other: Remove(_byOther, other!, rowId); break;
        }
    }

    private void Add<TKey>(Dictionary<TKey, IdSet> index, TKey key, Guid rowId) where TKey : notnull
    {
        // One lookup for a new key too (most keys of lookup and id columns are new: a row per lead names its own).
        ref var ids = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var existed);
        if (existed)
        {
            ids!.Add(rowId);
            return;
        }
        ids = new IdSet(rowId);
        Counted();
    }

    private static void Remove<TKey>(Dictionary<TKey, IdSet>? index, TKey key, Guid rowId) where TKey : notnull
    {
        if (index == null || !index.TryGetValue(key, out var ids)) return;
        ids.Remove(rowId);
        if (ids.Count == 0) index.Remove(key);
    }

    private enum KeyKind { None, Id, Number, Other }

    /// <summary><see cref="Values.IndexKey"/> of the value, the common kinds without boxing.</summary>
    private static KeyKind KeyOf(object? value, out Guid id, out decimal number, out object? other)
    {
        id = default;
        other = null;
        if (Values.TryNumber(value, out number)) return KeyKind.Number;
        switch (value)
        {
            case EntityReference reference:
                id = reference.Id;
                return KeyKind.Id;
            case Guid guid:
                id = guid;
                return KeyKind.Id;
        }
        switch (Values.IndexKey(value))
        {
            case null: return KeyKind.None;
            case Guid guid:
                id = guid;
                return KeyKind.Id;
            case decimal amount:
                number = amount;
                return KeyKind.Number;
            case var key:
                other = key;
                return KeyKind.Other;
        }
    }
}
