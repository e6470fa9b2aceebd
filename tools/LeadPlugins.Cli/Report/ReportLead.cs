using LeadPlugins.Cli.Simulation;

namespace LeadPlugins.Cli.Report;

/// <summary>A lead shown in the drill-down: its score reasons and nurture timeline.</summary>
public sealed record ReportLead(string Source, SimulatedLead Lead);
