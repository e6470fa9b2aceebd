using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>A compiled link-entity: its table, alias, parent, nested links and link criteria.</summary>
internal sealed class LinkInfo
{
    public required LinkEntity Link { get; init; }
    public required TableSchema Table { get; init; }
    public required TableSchema ParentTable { get; init; }
    public required string Alias { get; init; }
    public required string ParentAlias { get; init; }
    public List<LinkInfo> Children { get; } = new();
    public RowPredicate? Criteria { get; set; }

    /// <summary>The links and their nested links, each before its children (an empty list is returned as it is).</summary>
    public static List<LinkInfo> Flatten(List<LinkInfo> links)
    {
        if (links.Count == 0) return links;
        var all = new List<LinkInfo>(links.Count);
        AddWithChildren(links, all);
        return all;
    }

    private static void AddWithChildren(List<LinkInfo> links, List<LinkInfo> all)
    {
        foreach (var link in links)
        {
            all.Add(link);
            AddWithChildren(link.Children, all);
        }
    }
}
