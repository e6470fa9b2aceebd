namespace LeadPlugins.Cli.Simulation;

public sealed record LeadTableColumn(LeadColumn Kind, string Header, bool RightAligned = false);
