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
        _targetArray = Targets.ToArray();
        _optionSet = optionValues as HashSet<int>;
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

    // Every written lookup and choice is checked against these: read directly, not through the interfaces (each
    // Contains through them was an interface cast and a virtual call).
    private readonly string[] _targetArray;
    private readonly HashSet<int>? _optionSet;

    /// <summary>Whether a lookup of this column may point to the table (ordinal, as Targets.Contains).</summary>
    internal bool AllowsTarget(string table)
    {
        foreach (var target in _targetArray)
            if (string.Equals(target, table, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Whether the choice value is valid (any value when the column lists none).</summary>
    internal bool AllowsOption(int value)
        => OptionValues == null || (_optionSet != null ? _optionSet.Contains(value) : OptionValues.Contains(value));

    public bool IsReference => Type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;
}
