using LeadPlugins.Schema;
using System.Globalization;
using LeadPlugins.Cli.Simulation;
using LeadPlugins.Plugins.Domain.Enrichment;

namespace LeadPlugins.Cli.Report;

/// <summary>A lead shown in the drill-down: its score reasons and nurture timeline.</summary>
public sealed record ReportLead(string Source, SimulatedLead Lead);
