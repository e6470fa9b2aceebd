namespace LeadPlugins.Cli.Report;

/// <summary>A row of the report's problems table: a rejected line, or a lead whose enrichment was Partial or Failed.</summary>
public sealed record ReportProblem(string Source, int Line, string Kind, string? Lead, string Message);
