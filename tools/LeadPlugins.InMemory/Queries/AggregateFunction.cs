namespace LeadPlugins.InMemory;

internal enum AggregateFunction
{
    Count,
    CountColumn,
    Sum,
    Avg,
    Min,
    Max,
}
