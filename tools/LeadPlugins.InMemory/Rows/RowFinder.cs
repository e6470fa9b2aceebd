using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Finds the row a request names: by id, primary id column or alternate key; enforces alternate-key uniqueness.</summary>
internal sealed class RowFinder
{
    private readonly InMemoryDataverse _dataverse;

    public RowFinder(InMemoryDataverse dataverse) { _dataverse = dataverse; }

    private RowStore Store => _dataverse.Store;

    public Entity ResolveRow(TableSchema table, Guid id, KeyAttributeCollection? keys)
    {
        if (id == Guid.Empty && keys != null && keys.Count > 0)
        {
            return FindByKey(table, keys)
                ?? throw Faults.Create(ErrorCodes.ObjectDoesNotExist, "A record with the specified key values does not exist in " + table.LogicalName + " entity");
        }
        return Store.Find(table.LogicalName, id) ?? throw Faults.DoesNotExist(table.LogicalName, id);
    }

    public Entity? FindByKey(TableSchema table, KeyAttributeCollection keys)
    {
        if (keys.Count == 1 && keys.TryGetValue(table.PrimaryId, out var primary) && primary is Guid primaryId)
            return Store.Find(table.LogicalName, primaryId);
        var names = keys.Keys.ToHashSet(StringComparer.Ordinal);
        var key = table.Keys.FirstOrDefault(k => k.Columns.Count == names.Count && k.Columns.All(names.Contains))
            ?? throw Faults.Create(ErrorCodes.EntityKeyNotDefined, "The specified key attributes are not a defined key for the " + table.LogicalName + " entity");
        return FindByValues(table, key.Columns.Select(c => (c, (object?)keys[c])).ToList(), Guid.Empty);
    }

    private Entity? FindByValues(TableSchema table, IReadOnlyList<(string Column, object? Value)> values, Guid except)
    {
        var data = Store.Table(table.LogicalName);
        var first = values[0];
        if (first.Value == null) return null;
        // Every write of a table with keys asks, and the key is usually free: no copy of the ids and no closure per id
        // (nothing here changes the index while it is read).
        var ids = data.LookupSet(first.Column, first.Value);
        if (ids.Count == 0) return null;
        foreach (var id in ids)
        {
            if (id == except) continue;
            var row = data.Find(id)!;
            if (HasValues(row, values)) return row;
        }
        return null;
    }

    private static bool HasValues(Entity row, IReadOnlyList<(string Column, object? Value)> values)
    {
        for (var i = 0; i < values.Count; i++)
            if (!Values.AreEqual(row.Attributes.TryGetValue(values[i].Column, out var stored) ? stored : null, values[i].Value)) return false;
        return true;
    }

    public void CheckAlternateKeys(TableSchema table, Entity row)
    {
        // Indexed: a foreach over the key list would box its enumerator on every write.
        var keys = table.Keys;
        for (var i = 0; i < keys.Count; i++) CheckAlternateKey(table, keys[i], row);
    }

    private void CheckAlternateKey(TableSchema table, KeyDefinition key, Entity row)
    {
        var columns = key.Columns;
        // A key with an empty column is not checked: stop at the first (reading the row has no side effect).
        var values = new List<(string Column, object? Value)>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            if (!row.Attributes.TryGetValue(columns[i], out var value) || value == null) return;
            values.Add((columns[i], value));
        }
        if (FindByValues(table, values, row.Id) != null)
            throw Faults.Create(ErrorCodes.DuplicateRecordEntityKey,
                "A record that has the attribute values " + string.Join(", ", key.Columns) + " already exists. The entity key " + key.DisplayName +
                " requires that this set of attributes contains unique values. Select unique values and try again.");
    }
}
