using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>Reads a row's columns without the generic virtual call of <see cref="Entity.GetAttributeValue{T}"/>.</summary>
internal static class EntityColumns
{
    /// <summary>
    /// What <see cref="Entity.GetAttributeValue{T}"/> returns (default for a missing or null column, an
    /// InvalidCastException for a value of another type), read from the attribute table: as a generic virtual method,
    /// GetAttributeValue pays a virtual function pointer lookup on every call, about 35 per simulated lead. The in-memory
    /// Dataverse reads its own rows the same way (its Values.AttributeValue, internal to it).
    /// </summary>
    public static T? ColumnValue<T>(this Entity row, string column)
        => row.Attributes.TryGetValue(column, out var value) && value != null ? (T)value : default;
}
