using System.CommandLine;
using System.Globalization;
using System.Xml.Linq;
using LeadPlugins.Cli.Simulation;
using LeadPlugins.InMemory;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>
/// `leadplugins charts &lt;leads file&gt;`: simulates the file (the same machinery as `simulate`, keeping every lead) and
/// prints each system chart of Solution/src/charts as a table, from the chart's own FetchXML: what the dashboard will show.
/// </summary>
public sealed class ChartsCommand : ICliCommand
{
    public Command Build(CliConsoles consoles)
    {
        var file = new Argument<string>("file") { Description = "Leads to simulate first: JSON lines (HTTPS-endpoint payloads or lead rows) or CSV" };
        var format = new Option<InputFormat>("--format") { Description = "Input format (auto: from the first non-empty line)", DefaultValueFactory = _ => InputFormat.Auto, HelpName = "auto|payload|rows|csv" };
        var seedConfig = new Option<string?>("--seed-config") { Description = "JSON with the caller and configuration rows, as for simulate", HelpName = "file" };
        var now = new Option<DateTimeOffset?>("--now") { Description = "When the leads arrive, ISO 8601 (default: now)", HelpName = "iso" };
        var command = new Command("charts", "Simulate a leads file, then print each system chart (storefront and action, rating, enrichment status, nurture, opportunities) from its FetchXML.")
        {
            file, format, seedConfig, now,
        };
        command.SetAction(parse =>
        {
            var environment = SimulateCommand.LoadEnvironment(consoles.Error);
            if (environment == null) return Cli.Failure;
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                consoles.Error.MarkupLine("[red]input not found:[/] " + Markup.Escape(path));
                return Cli.Failure;
            }
            SeedConfiguration? seed = null;
            try
            {
                if (parse.GetValue(seedConfig) is { } seedPath) seed = SeedConfiguration.Load(seedPath, environment.Values);
                var simulator = new LeadSimulator(environment, new SimulationOptions
                {
                    Format = parse.GetValue(format),
                    Now = (parse.GetValue(now) ?? DateTimeOffset.UtcNow).UtcDateTime,
                    Seed = seed,
                    DiscardEvery = null, // charts count every lead of the file
                });
                using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
                var summary = simulator.Run(reader, new NoOutput());
                consoles.Error.MarkupLine(Markup.Escape(summary.Leads.ToString(CultureInfo.InvariantCulture) + " leads simulated, " + summary.Rejected.ToString(CultureInfo.InvariantCulture) + " lines rejected"));
                var components = SolutionComponents.Load(environment.Solution.Directory);
                foreach (var chart in components.Charts.OrderBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal))
                    Print(consoles, Tabulate(simulator.Dataverse.GetOrganizationService(), chart, environment, components.Dependencies));
                return Cli.Success;
            }
            catch (UnusableInputException e)
            {
                consoles.Error.MarkupLine("[red]" + Markup.Escape(e.Message) + "[/]");
                return Cli.Failure;
            }
        });
        return command;
    }

    private static void Print(CliConsoles consoles, ChartTable table)
    {
        var grid = new Table().Title(Markup.Escape(table.Chart.Name)).Border(TableBorder.Simple);
        foreach (var column in table.GroupColumns) grid.AddColumn(Markup.Escape(column));
        foreach (var column in table.MeasureColumns) grid.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        foreach (var row in table.Rows)
            grid.AddRow(row.Groups.Select(Markup.Escape).Concat(row.Measures.Select(m => m.ToString("#,0.##", CultureInfo.InvariantCulture))).ToArray());
        if (table.Rows.Count == 0) grid.Caption("no rows");
        consoles.Out.Write(grid);
    }

    /// <summary>Runs the chart's FetchXML against <paramref name="service"/> and labels the groups.</summary>
    public static ChartTable Tabulate(IOrganizationService service, ChartDefinition chart, SimulationEnvironment environment, DependencyDefinitions dependencies)
    {
        var fetch = XElement.Parse(chart.FetchXml);
        var table = (string)fetch.Element("entity")!.Attribute("name")!;
        var attributes = fetch.Element("entity")!.Elements("attribute").ToList();
        string Column(string alias) => (string)attributes.Single(a => (string?)a.Attribute("alias") == alias).Attribute("name")!;
        // Aggregate FetchXML, answered by the server (or the in-memory Dataverse's aggregate engine) as AliasedValues.
        var result = service.RetrieveMultiple(new FetchExpression(chart.FetchXml));
        var rows = result.Entities.Select(row => new ChartRow(
            chart.GroupByAliases.Select(alias => Label(environment, table, Column(alias), Value(row, alias))).ToList(),
            chart.MeasureAliases.Select(alias => Number(Value(row, alias))).ToList()))
            .OrderBy(r => string.Join("\u0001", r.Groups), StringComparer.Ordinal).ToList();
        string DisplayName(string column) => environment.Solution.FindTable(table)?.FindColumn(column)?.DisplayName
            ?? dependencies.FindTable(table)?.FindColumn(column)?.DisplayName ?? column;
        var measureNames = chart.MeasureAliases.Select(alias =>
        {
            var attribute = attributes.Single(a => (string?)a.Attribute("alias") == alias);
            var aggregate = (string?)attribute.Attribute("aggregate");
            return aggregate is "count" or "countcolumn" ? "Count" : char.ToUpperInvariant(aggregate![0]) + aggregate[1..] + " of " + DisplayName((string)attribute.Attribute("name")!);
        }).ToList();
        return new ChartTable(chart, chart.GroupByAliases.Select(a => DisplayName(Column(a))).ToList(), measureNames, rows);
    }

    private static object? Value(Entity row, string alias)
        => row.Attributes.TryGetValue(alias, out var value) ? value is AliasedValue aliased ? aliased.Value : value : null;

    private static string Label(SimulationEnvironment environment, string table, string column, object? value) => value switch
    {
        null => "(empty)",
        OptionSetValue option => environment.Labels.Label(table, column, option.Value),
        EntityReference reference => reference.Name ?? reference.Id.ToString("D"),
        bool flag => flag ? "Yes" : "No",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static decimal Number(object? value) => value switch
    {
        null => 0m,
        Money money => money.Value,
        int i => i,
        long l => l,
        decimal d => d,
        double d => (decimal)d,
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private sealed class NoOutput : ISimulationOutput
    {
        public void Lead(SimulatedLead lead) { }
        public void Rejected(int line, string reason) { }
        public void EndBatch() { }
    }
}
