using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>The tables a query can name: the root (alias "") and every link by its alias.</summary>
internal sealed class QueryScope
{
    // Only links without an alias need these (most queries have no link at all).
    private Dictionary<string, int>? _aliasCounters;
    private Dictionary<string, string?>? _unaliasedByTable;

    // Made by the first link: most queries have none, and every query has a scope.
    private Dictionary<string, TableSchema>? _links;

    public QueryScope(TableSchema root) { Root = root; }

    public TableSchema Root { get; }

    /// <summary>The table of an alias: the root's ("") or a link's.</summary>
    public TableSchema TableOf(string alias)
        => alias.Length == 0 ? Root : _links?.TryGetValue(alias, out var table) == true ? table : throw new KeyNotFoundException("The alias '" + alias + "' is not in the query.");

    private bool HasAlias(string alias) => alias.Length == 0 || (_links != null && _links.ContainsKey(alias));

    /// <summary>A link without an alias is named like the server does: its table's logical name and a counter.</summary>
    public string AddLink(LinkEntity link, TableSchema table)
    {
        var alias = link.EntityAlias;
        if (string.IsNullOrEmpty(alias))
        {
            _aliasCounters ??= new(StringComparer.Ordinal);
            _unaliasedByTable ??= new(StringComparer.Ordinal);
            var n = _aliasCounters.TryGetValue(table.LogicalName, out var c) ? c + 1 : 1;
            _aliasCounters[table.LogicalName] = n;
            alias = table.LogicalName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Two unaliased links to one table make its logical name ambiguous (null): then only the generated alias works.
            _unaliasedByTable[table.LogicalName] = _unaliasedByTable.ContainsKey(table.LogicalName) ? null : alias;
        }
        if (HasAlias(alias)) throw Faults.InvalidArgument("Duplicate link-entity alias '" + alias + "'.");
        (_links ??= new(StringComparer.Ordinal))[alias] = table;
        return alias;
    }

    /// <summary>
    /// The alias a condition's or order's entity name refers to: an alias, the root's logical name, or the logical name
    /// of a link that has no alias (the server accepts the link-entity's name or its alias).
    /// </summary>
    public string ResolveAlias(string name)
    {
        if (HasAlias(name)) return name;
        if (name == Root.LogicalName) return string.Empty;
        if (_unaliasedByTable != null && _unaliasedByTable.TryGetValue(name, out var generated) && generated != null) return generated;
        throw Faults.InvalidArgument("The link entity with alias '" + name + "' is not found in the query.");
    }
}
