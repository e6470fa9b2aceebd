using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// One row of a query's join: the root table's row (alias "") and each link's row by alias (null where an outer join
/// found none). Most queries have no link, so the links' table is made only for rows that have one.
/// </summary>
internal sealed class JoinedRow
{
    private Dictionary<string, Entity?>? _links;

    public JoinedRow(Entity? root) { Root = root; }

    public Entity? Root { get; set; }

    public bool TryGetValue(string alias, out Entity? row)
    {
        if (alias.Length == 0)
        {
            row = Root;
            return true;
        }
        if (_links != null && _links.TryGetValue(alias, out row)) return true;
        row = null;
        return false;
    }

    public Entity? this[string alias] => TryGetValue(alias, out var row) ? row : throw new KeyNotFoundException("No row for alias '" + alias + "'.");

    /// <summary>Sets a link's row on a row this join is still building (never on one a predicate has seen).</summary>
    public void Set(string alias, Entity? row)
    {
        if (alias.Length == 0) Root = row;
        else (_links ??= new(StringComparer.Ordinal))[alias] = row;
    }

    /// <summary>A copy of this row with one more link's row.</summary>
    public JoinedRow With(string alias, Entity? row)
    {
        var copy = new JoinedRow(Root) { _links = _links == null ? new(StringComparer.Ordinal) : new(_links, StringComparer.Ordinal) };
        copy._links[alias] = row;
        return copy;
    }
}
