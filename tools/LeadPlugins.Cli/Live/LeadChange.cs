namespace LeadPlugins.Cli.Live;

/// <summary>One lead the backfill changes (or would change): each column before and after.</summary>
public sealed record LeadChange(Guid LeadId, IReadOnlyList<ColumnChange> Columns, bool IsTestLead);
