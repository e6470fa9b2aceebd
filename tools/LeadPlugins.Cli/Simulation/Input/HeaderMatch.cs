using LeadPlugins.InMemory;

namespace LeadPlugins.Cli.Simulation;

/// <summary>What one header cell names.</summary>
public readonly record struct HeaderMatch(ColumnSchema? Column, bool Ignored)
{
    public bool Unknown => Column == null && !Ignored;
}
