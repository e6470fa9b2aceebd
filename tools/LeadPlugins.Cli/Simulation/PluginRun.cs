using LeadPlugins.Schema;

namespace LeadPlugins.Cli.Simulation;

/// <summary>One plug-in step execution attributed to a lead (its own row, its enrolment or one of its activities).</summary>
public sealed record PluginRun(string Plugin, string Message, string Table, int Stage, bool Async, string Outcome, int ServiceCalls, string? Error);
