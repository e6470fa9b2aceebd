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
        foreach (var id in data.Lookup(first.Column, first.Value).ToList())
        {
            if (id == except) continue;
            var row = data.Find(id)!;
            if (values.All(v => Values.AreEqual(row.Attributes.TryGetValue(v.Column, out var stored) ? stored : null, v.Value))) return row;
        }
        return null;
    }

    public void CheckAlternateKeys(TableSchema table, Entity row)
    {
        foreach (var key in table.Keys) CheckAlternateKey(table, key, row); // a helper: its lambdas' closure is made only for tables with keys
    }

    private void CheckAlternateKey(TableSchema table, KeyDefinition key, Entity row)
    {
        var values = key.Columns.Select(c => (c, row.Attributes.TryGetValue(c, out var v) ? v : null)).ToList();
        if (values.Any(v => v.Item2 == null)) return;
        if (FindByValues(table, values, row.Id) != null)
            throw Faults.Create(ErrorCodes.DuplicateRecordEntityKey,
                "A record that has the attribute values " + string.Join(", ", key.Columns) + " already exists. The entity key " + key.DisplayName +
                " requires that this set of attributes contains unique values. Select unique values and try again.");
    }
}
