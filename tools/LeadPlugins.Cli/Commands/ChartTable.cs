using System.CommandLine;
using LeadPlugins.SolutionModel;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>What a chart shows: its columns (group-bys, then measures) and rows sorted by the groups.</summary>
public sealed record ChartTable(ChartDefinition Chart, IReadOnlyList<string> GroupColumns, IReadOnlyList<string> MeasureColumns, IReadOnlyList<ChartRow> Rows)
{
    public decimal Measure(string measureAlias, params string[] groups)
    {
        var index = Chart.MeasureAliases.ToList().IndexOf(measureAlias);
        if (index < 0) throw new ArgumentException("no measure " + measureAlias, nameof(measureAlias));
        return Rows.Where(r => r.Groups.SequenceEqual(groups)).Select(r => r.Measures[index]).SingleOrDefault();
    }
}
