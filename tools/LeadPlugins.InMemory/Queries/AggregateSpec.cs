namespace LeadPlugins.InMemory;

/// <summary>The aggregate part of a FetchXML query (Microsoft docs: "Aggregate data using FetchXml").</summary>
internal sealed class AggregateSpec
{
    /// <summary>The platform's limit of rows an aggregate query may evaluate.</summary>
    public const int RecordLimit = 50_000;

    public AggregateSpec(int? perQueryLimit) { PerQueryLimit = perQueryLimit; }

    /// <summary>aggregatelimit: a lower limit for this query (it cannot raise the platform's).</summary>
    public int? PerQueryLimit { get; }
    public int Limit => Math.Min(PerQueryLimit ?? RecordLimit, RecordLimit);
    public List<AggregateColumn> Columns { get; } = new();
    public List<AggregateOrder> Orders { get; } = new();
}
