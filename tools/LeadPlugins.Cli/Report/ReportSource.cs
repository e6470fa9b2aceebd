namespace LeadPlugins.Cli.Report;

/// <summary>One input file of the report.</summary>
public sealed record ReportSource(string Name, string Format, int Leads, int Rejected, IReadOnlyList<string> Warnings);
