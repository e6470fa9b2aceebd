using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>The in-memory database: tables of stored entities and N:N intersect rows. Every write can be undone.</summary>
internal sealed class RowStore
{
    private readonly Dictionary<string, TableRows> _tables = new(StringComparer.Ordinal);
    private readonly List<Association> _associations = new();
    private readonly DataverseSchema _schema;

    public RowStore(DataverseSchema schema) { _schema = schema; }

    public IReadOnlyList<Association> Associations => _associations;

    public TableRows Table(string logicalName)
    {
        if (!_tables.TryGetValue(logicalName, out var table))
        {
            table = new TableRows(_schema.GetTable(logicalName), _schema.Sizes);
            _tables[table.Schema.LogicalName] = table; // the interned name (see TableSchema)
        }
        return table;
    }

    public Entity? Find(string logicalName, Guid id) => _tables.TryGetValue(logicalName, out var t) ? t.Find(id) : null;

    public void Insert(Entity row, Transaction? tx)
    {
        var table = Table(row.LogicalName);
        table.Put(row);
        tx?.OnRollback(table, row.Id, null);
    }

    public void Replace(Entity row, Transaction? tx)
    {
        var table = Table(row.LogicalName);
        var previous = table.Find(row.Id);
        table.Put(row);
        if (previous != null) tx?.OnRollback(table, row.Id, previous);
    }

    public void Delete(string logicalName, Guid id, Transaction? tx)
    {
        var table = Table(logicalName);
        var previous = table.Find(id);
        if (previous == null) return;
        table.Remove(id);
        tx?.OnRollback(table, id, previous);
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
