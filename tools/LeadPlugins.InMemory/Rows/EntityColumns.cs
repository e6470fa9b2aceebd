using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>Reads a row's columns without the generic virtual call of <see cref="Entity.GetAttributeValue{T}"/>.</summary>
public static class EntityColumns
{
    /// <summary>
    /// What <see cref="Entity.GetAttributeValue{T}"/> returns (default for a missing or null column, an
    /// InvalidCastException for a value of another type), read from the attribute table: GetAttributeValue is a generic
    /// virtual method, so each call pays a virtual function pointer lookup. For plain Entity rows, such as this
    /// Dataverse's own copies and what it returns, no override can differ.
    /// </summary>
    public static T? ColumnValue<T>(this Entity row, string column)
        => row.Attributes.TryGetValue(column, out var value) && value != null ? (T)value : default;
}
