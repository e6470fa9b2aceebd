namespace LeadPlugins.SolutionModel;

public sealed record TableDefinition(
    string LogicalName,
    bool Existing,
    string DisplayName,
    string DisplayCollectionName,
    string Description,
    TableOwnership Ownership,
    string? PrimaryName,
    IReadOnlyList<ColumnDefinition> Columns,
    IReadOnlyList<KeyDefinition> Keys,
    IReadOnlyList<StatusDefinition> Statuses,
    string SourceFile)
{
    /// <summary>Primary key column, by Dataverse convention &lt;table&gt;id (activities use activityid).</summary>
    public string PrimaryId { get; init; } = LogicalName + "id";

    public ColumnDefinition? FindColumn(string logicalName) => Columns.FirstOrDefault(c => c.LogicalName == logicalName);
}
