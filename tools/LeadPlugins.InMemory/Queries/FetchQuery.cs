using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>A parsed FetchXML query: the row query, plus its aggregate columns when the fetch says aggregate="true".</summary>
internal sealed record FetchQuery(QueryExpression Query, AggregateSpec? Aggregate);
