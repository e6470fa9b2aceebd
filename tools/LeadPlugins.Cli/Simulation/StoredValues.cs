using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Reads of the simulator's own bookkeeping rows (stored rows and carried leads, read once per lead).
/// </summary>
internal static class StoredValues
{
    /// <summary>
    /// What <see cref="Entity.GetAttributeValue{T}"/> returns (default for a missing or null value, else the value cast),
    /// read from the attribute dictionary: the SDK method is a generic virtual, slow to dispatch on every column read.
    /// </summary>
    public static T? ValueOf<T>(this Entity row, string column)
        => row.Attributes.TryGetValue(column, out var value) && value != null ? (T)value : default;
}
