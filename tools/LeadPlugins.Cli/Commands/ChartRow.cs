using System.CommandLine;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>One row of a chart: the group-by values (as labels) and the measures, in the chart's alias order.</summary>
public sealed record ChartRow(IReadOnlyList<string> Groups, IReadOnlyList<decimal> Measures);
