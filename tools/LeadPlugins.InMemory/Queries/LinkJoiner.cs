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
        if (link.JoinOperator is not (JoinOperator.Inner or JoinOperator.LeftOuter))
            throw new NotSimulatedException("JoinOperator." + link.JoinOperator + " is not simulated by the LeadPlugins in-memory Dataverse (Inner and LeftOuter are).");
        var table = _schema.GetTable(link.LinkToEntityName);
        if (parent.FindColumn(link.LinkFromAttributeName ?? string.Empty) == null) throw Faults.NoAttribute(parent.LogicalName, link.LinkFromAttributeName ?? string.Empty);
        if (table.FindColumn(link.LinkToAttributeName ?? string.Empty) == null) throw Faults.NoAttribute(table.LogicalName, link.LinkToAttributeName ?? string.Empty);
        AttributeValidator.ValidateColumns(table, link.Columns ?? new ColumnSet());
        var alias = scope.AddLink(link, table);
        var info = new LinkInfo { Link = link, Table = table, ParentTable = parent, Alias = alias, ParentAlias = parentAlias };
        foreach (var child in link.LinkEntities) info.Children.Add(Compile(child, table, alias, scope));
        return info;
    }

    public IEnumerable<Dictionary<string, Entity?>> Expand(Dictionary<string, Entity?> row, LinkInfo link)
    {
        var parent = row.TryGetValue(link.ParentAlias, out var p) ? p : null;
        var matches = new List<Dictionary<string, Entity?>>();
        if (parent != null && parent.Attributes.TryGetValue(link.Link.LinkFromAttributeName, out var from) && from != null)
        {
            var data = _store.Table(link.Table.LogicalName);
            var candidates = link.Link.LinkToAttributeName == link.Table.PrimaryId
                ? (Values.Normalize(from) is Guid id && data.Find(id) is { } single ? new[] { single } : Array.Empty<Entity>())
                : data.Lookup(link.Link.LinkToAttributeName, from).Select(i => data.Find(i)!).ToArray();
            foreach (var candidate in candidates)
            {
                var extended = new Dictionary<string, Entity?>(row, StringComparer.Ordinal) { [link.Alias] = candidate };
                if (link.Criteria != null && !link.Criteria(extended)) continue;
                IEnumerable<Dictionary<string, Entity?>> nested = new[] { extended };
                foreach (var child in link.Children) nested = nested.SelectMany(r => Expand(r, child)).ToList();
                matches.AddRange(nested);
            }
        }
        if (matches.Count > 0 || link.Link.JoinOperator == JoinOperator.Inner) return matches;
        var outer = new Dictionary<string, Entity?>(row, StringComparer.Ordinal) { [link.Alias] = null };
        foreach (var child in LinkInfo.Flatten(link.Children)) outer[child.Alias] = null;
        return new[] { outer };
    }
}
