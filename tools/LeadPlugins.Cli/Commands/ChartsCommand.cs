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

/// <summary>One row of a chart: the group-by values (as labels) and the measures, in the chart's alias order.</summary>
public sealed record ChartRow(IReadOnlyList<string> Groups, IReadOnlyList<decimal> Measures);

/// <summary>What a chart shows: its columns (group-bys, then measures) and rows sorted by the groups.</summary>
public sealed record ChartTable(ChartDefinition Chart, IReadOnlyList<string> GroupColumns, IReadOnlyList<string> MeasureColumns, IReadOnlyList<ChartRow> Rows, bool ComputedClientSide)
{
    public decimal Measure(string measureAlias, params string[] groups)
    {
        var index = Chart.MeasureAliases.ToList().IndexOf(measureAlias);
        if (index < 0) throw new ArgumentException("no measure " + measureAlias, nameof(measureAlias));
        return Rows.Where(r => r.Groups.SequenceEqual(groups)).Select(r => r.Measures[index]).SingleOrDefault();
    }
}

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
        if (table.ComputedClientSide)
            consoles.Error.MarkupLine("[yellow]" + Markup.Escape(table.Chart.Name + ": computed client-side (ClientSideChartAggregation), the in-memory Dataverse does not run aggregate FetchXML yet") + "[/]");
    }

    /// <summary>Runs the chart's FetchXML against <paramref name="service"/> and labels the groups.</summary>
    public static ChartTable Tabulate(IOrganizationService service, ChartDefinition chart, SimulationEnvironment environment, DependencyDefinitions dependencies)
    {
        var fetch = XElement.Parse(chart.FetchXml);
        var table = (string)fetch.Element("entity")!.Attribute("name")!;
        var attributes = fetch.Element("entity")!.Elements("attribute").ToList();
        string Column(string alias) => (string)attributes.Single(a => (string?)a.Attribute("alias") == alias).Attribute("name")!;
        EntityCollection result;
        var clientSide = false;
        try
        {
            result = service.RetrieveMultiple(new FetchExpression(chart.FetchXml));
        }
        catch (NotSimulatedException)
        {
            result = ClientSideChartAggregation.Retrieve(service, chart.FetchXml);
            clientSide = true;
        }
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
        return new ChartTable(chart, chart.GroupByAliases.Select(a => DisplayName(Column(a))).ToList(), measureNames, rows, clientSide);
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

/// <summary>
/// Stand-in for server-side aggregation while the in-memory Dataverse does not run aggregate FetchXML: runs the chart's
/// FetchXML without its aggregates (same entity, filters and group-by columns, every page) and counts or sums in memory,
/// returning rows shaped like the server's (AliasedValue per alias). Supports what the charts use: groupby, count,
/// countcolumn, sum. Remove it once the in-memory Dataverse aggregates (ChartsCommand then takes the server's rows).
/// </summary>
public static class ClientSideChartAggregation
{
    public static EntityCollection Retrieve(IOrganizationService service, string aggregateFetchXml)
    {
        var fetch = XElement.Parse(aggregateFetchXml);
        var entity = fetch.Element("entity")!;
        var table = (string)entity.Attribute("name")!;
        var attributes = entity.Elements("attribute").Select(a => (
            Column: (string)a.Attribute("name")!,
            Alias: (string?)a.Attribute("alias") ?? (string)a.Attribute("name")!,
            GroupBy: (string?)a.Attribute("groupby") == "true",
            Aggregate: (string?)a.Attribute("aggregate"))).ToList();
        foreach (var a in attributes.Where(a => !a.GroupBy && a.Aggregate is not ("count" or "countcolumn" or "sum")))
            throw new NotSupportedException("ClientSideChartAggregation does not compute aggregate '" + a.Aggregate + "' (" + a.Alias + ")");

        // The same query without aggregation: plain attributes, the chart's filters, no orders by alias.
        var plain = new XElement("fetch", new XAttribute("mapping", "logical"),
            new XElement("entity", new XAttribute("name", table),
                attributes.Select(a => a.Column).Distinct(StringComparer.Ordinal).Select(c => new XElement("attribute", new XAttribute("name", c))),
                entity.Elements("filter").Select(f => new XElement(f)),
                entity.Elements("link-entity").Select(l => new XElement(l))));
        var rows = new List<Entity>();
        for (var page = 1; ; page++)
        {
            plain.SetAttributeValue("count", 5000);
            plain.SetAttributeValue("page", page);
            var batch = service.RetrieveMultiple(new FetchExpression(plain.ToString(SaveOptions.DisableFormatting)));
            rows.AddRange(batch.Entities);
            if (!batch.MoreRecords || batch.Entities.Count == 0) break;
        }

        var groups = attributes.Where(a => a.GroupBy).ToList();
        var result = new EntityCollection { EntityName = table };
        foreach (var group in rows.GroupBy(r => string.Join("\u0001", groups.Select(g => Key(r.GetAttributeValue<object>(g.Column))))))
        {
            var first = group.First();
            var row = new Entity(table);
            foreach (var g in groups)
                row[g.Alias] = new AliasedValue(table, g.Column, first.Contains(g.Column) ? first[g.Column] : null);
            foreach (var a in attributes.Where(a => !a.GroupBy))
            {
                object value = a.Aggregate switch
                {
                    "count" => group.Count(),
                    "countcolumn" => group.Count(r => r.Contains(a.Column) && r[a.Column] != null),
                    _ => new Money(group.Sum(r => r.GetAttributeValue<object>(a.Column) switch
                    {
                        Money m => m.Value,
                        int i => i,
                        decimal d => d,
                        double d => (decimal)d,
                        _ => 0m,
                    })),
                };
                row[a.Alias] = new AliasedValue(table, a.Column, value);
            }
            result.Entities.Add(row);
        }
        return result;
    }

    private static string Key(object? value) => value switch
    {
        null => "\u0000",
        OptionSetValue option => option.Value.ToString(CultureInfo.InvariantCulture),
        EntityReference reference => reference.Id.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
