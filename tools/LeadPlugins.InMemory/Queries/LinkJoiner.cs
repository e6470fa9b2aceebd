using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Compiles link-entities and expands a root row into its joined rows (inner and left outer joins).</summary>
internal sealed class LinkJoiner
{
    private readonly DataverseSchema _schema;
    private readonly RowStore _store;

    public LinkJoiner(DataverseSchema schema, RowStore store)
    {
        _schema = schema;
        _store = store;
    }

    public LinkInfo Compile(LinkEntity link, TableSchema parent, string parentAlias, QueryScope scope)
    {
        var table = _schema.GetTable(link.LinkToEntityName);
        if (parent.FindColumn(link.LinkFromAttributeName ?? string.Empty) == null) throw Faults.NoAttribute(parent.LogicalName, link.LinkFromAttributeName ?? string.Empty);
        if (table.FindColumn(link.LinkToAttributeName ?? string.Empty) == null) throw Faults.NoAttribute(table.LogicalName, link.LinkToAttributeName ?? string.Empty);
        AttributeValidator.ValidateColumns(table, link.Columns ?? new ColumnSet());
        var alias = scope.AddLink(link, table);
        var info = new LinkInfo { Link = link, Table = table, ParentTable = parent, Alias = alias, ParentAlias = parentAlias };
        // Indexed: a foreach over the link collection boxes its enumerator, for every link of every query.
        var children = link.LinkEntities;
        for (var i = 0; i < children.Count; i++) info.Children.Add(Compile(children[i], table, alias, scope));
        return info;
    }

    /// <summary>
    /// The joined rows of one parent row. Inner, Natural (an equal join: inner here) and LeftOuter join; the semi-join
    /// operators (In, Exists, Any, NotAny, All, NotAll) keep or drop the parent row once, without the link's columns;
    /// MatchFirstRowUsingCrossApply joins the first matching row only (JoinOperator docs, FetchXML link-type docs).
    /// </summary>
    public IEnumerable<JoinedRow> Expand(JoinedRow row, LinkInfo link)
    {
        var join = link.Link.JoinOperator;
        var related = Related(row, link);
        var matches = new List<JoinedRow>();
        var failing = 0;
        foreach (var candidate in related)
        {
            var extended = row.With(link.Alias, candidate);
            IEnumerable<JoinedRow> nested = new[] { extended };
            if (link.Criteria == null || link.Criteria(extended))
                foreach (var child in link.Children) nested = nested.SelectMany(r => Expand(r, child)).ToList();
            else nested = Array.Empty<JoinedRow>();
            var before = matches.Count;
            matches.AddRange(nested);
            if (matches.Count == before) failing++;
            if (join == JoinOperator.MatchFirstRowUsingCrossApply && matches.Count > 0) return matches.Take(1);
        }
        var keep = join switch
        {
            JoinOperator.In or JoinOperator.Exists or JoinOperator.Any => matches.Count > 0,
            JoinOperator.NotAny => matches.Count == 0,
            JoinOperator.All => failing == 0,
            JoinOperator.NotAll => failing > 0,
            _ => (bool?)null,
        };
        if (keep != null) return keep.Value ? new[] { Unmatched(row, link) } : Array.Empty<JoinedRow>();
        if (matches.Count > 0 || join != JoinOperator.LeftOuter) return matches;
        return new[] { Unmatched(row, link) };
    }

    private IReadOnlyList<Entity> Related(JoinedRow row, LinkInfo link)
    {
        var parent = row.TryGetValue(link.ParentAlias, out var p) ? p : null;
        if (parent == null || !parent.Attributes.TryGetValue(link.Link.LinkFromAttributeName, out var from) || from == null) return Array.Empty<Entity>();
        var data = _store.Table(link.Table.LogicalName);
        if (link.Link.LinkToAttributeName == link.Table.PrimaryId)
            return Values.Normalize(from) is Guid id && data.Find(id) is { } single ? new[] { single } : Array.Empty<Entity>();
        // Typed as an id set (the index's, or none): no boxed enumerator, closure or iterator per joined row.
        if (data.LookupSet(link.Link.LinkToAttributeName, from) is not IdSet ids) return Array.Empty<Entity>();
        var related = new Entity[ids.Count];
        var found = 0;
        foreach (var rowId in ids) related[found++] = data.Find(rowId)!;
        return related;
    }

    /// <summary>The parent row with the link (and its nested links) empty.</summary>
    private static JoinedRow Unmatched(JoinedRow row, LinkInfo link)
    {
        var outer = row.With(link.Alias, null);
        foreach (var child in LinkInfo.Flatten(link.Children)) outer.Set(child.Alias, null);
        return outer;
    }
}
