using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>An order of an aggregate query: by an alias (as the docs advise) or by a group-by column's attribute.</summary>
internal sealed record AggregateOrder(LinkEntity? Link, string? Alias, string? Attribute, bool Descending);
