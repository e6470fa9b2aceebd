using LeadPlugins.Schema;

namespace LeadPlugins.Cli.Simulation;

/// <summary>One nurture activity read back after the run (task, phone call or draft e-mail).</summary>
public sealed record NurtureStep(int? Order, string Type, string? Subject, DateTime? Due);
