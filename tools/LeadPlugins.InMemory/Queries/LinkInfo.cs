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

    public static IEnumerable<LinkInfo> Flatten(List<LinkInfo> links)
        => links.Count == 0 ? Array.Empty<LinkInfo>() : links.SelectMany(l => new[] { l }.Concat(Flatten(l.Children)));
}
