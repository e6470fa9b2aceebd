namespace LeadPlugins.SolutionModel;

public sealed record ColumnDefinition(
    string LogicalName,
    ColumnType Type,
    string DisplayName,
    string Description,
    int? MaxLength = null,
    long? MinValue = null,
    long? MaxValue = null,
    string? Choice = null,
    IReadOnlyList<string>? Targets = null,
    bool Required = false,
    string? Default = null,
    string? Behavior = null)
{
    public IReadOnlyList<string> LookupTargets => Targets ?? Array.Empty<string>();
}
