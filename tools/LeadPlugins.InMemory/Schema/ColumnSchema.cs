using LeadPlugins.SolutionModel;

namespace LeadPlugins.InMemory;

/// <summary>One column of the in-memory schema, with its option values resolved.</summary>
public sealed class ColumnSchema
{
    internal ColumnSchema(string logicalName, ColumnType type, int? maxLength = null, long? minValue = null, long? maxValue = null,
        IReadOnlyList<string>? targets = null, IReadOnlyCollection<int>? optionValues = null, string? behavior = null)
    {
        LogicalName = logicalName;
        Type = type;
        MaxLength = maxLength;
        MinValue = minValue;
        MaxValue = maxValue;
        Targets = targets ?? Array.Empty<string>();
        OptionValues = optionValues;
        Behavior = behavior;
    }

    public string LogicalName { get; }
    public ColumnType Type { get; }
    public int? MaxLength { get; }
    public long? MinValue { get; }
    public long? MaxValue { get; }
    /// <summary>Tables a lookup, customer or owner column may point to.</summary>
    public IReadOnlyList<string> Targets { get; }
    /// <summary>Valid values of a choice or multi-choice column.</summary>
    public IReadOnlyCollection<int>? OptionValues { get; }
    /// <summary>DateTime behaviour: UserLocal (default), DateOnly or TimeZoneIndependent.</summary>
    public string? Behavior { get; }

    public bool IsReference => Type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;
}
