using System.Collections.Concurrent;

namespace LeadPlugins.InMemory;

/// <summary>
/// How large each table's rows and equality indexes grew in the stores built from one <see cref="SchemaSource"/>: a
/// fresh store (simulate starts one per 250 leads) makes them that large at once instead of regrowing them through
/// every size on the way, which was a tenth of the store's own allocation. Only a starting size, never a limit, so
/// nothing a store does depends on it; stores on other threads may share it.
/// </summary>
internal sealed class StoreSizes
{
    private readonly ConcurrentDictionary<string, int> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Table, string Column), int> _keys = new();

    /// <summary>The most row slots a table of this name grew to (0: none seen).</summary>
    public int Rows(string table) => _rows.TryGetValue(table, out var rows) ? rows : 0;

    /// <summary>The most keys a table's index on this column was expected to reach (0: none seen).</summary>
    public int Keys(string table, string column) => _keys.TryGetValue((table, column), out var keys) ? keys : 0;

    public void RowsGrewTo(string table, int rows) => _rows.AddOrUpdate(table, static (_, n) => n, static (_, known, n) => Math.Max(known, n), rows);

    public void KeysGrewTo(string table, string column, int keys)
        => _keys.AddOrUpdate((table, column), static (_, n) => n, static (_, known, n) => Math.Max(known, n), keys);
}
