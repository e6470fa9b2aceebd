using LeadPlugins.InMemory;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Option labels of every choice, state and status column the in-memory Dataverse knows: the solution's global and
/// local choices (Solution/src) and the built-in system tables' inline options. Labels print the simulated leads and
/// let input rows give a choice by its label.
/// </summary>
public sealed class ChoiceLabels
{
    private readonly Dictionary<(string Table, string Column), IReadOnlyList<ChoiceOption>> _options = new();

    public ChoiceLabels(SolutionSource solution, DataverseSchema schema, string? systemTablesDirectory = null)
    {
        var directory = systemTablesDirectory ?? DataverseSchema.DefaultSystemTablesDirectory;
        if (Directory.Exists(directory))
            foreach (var file in Directory.GetFiles(directory, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
                Add(SolutionSource.LoadTable(file), solution);
        foreach (var table in solution.Tables) Add(table, solution);
        foreach (var table in schema.Tables.Values)
        {
            if (!table.HasState) continue;
            _options[(table.LogicalName, "statecode")] = table.Statuses.GroupBy(s => s.State).Select(g => new ChoiceOption(g.Key, g.First().StateLabel)).ToList();
            _options[(table.LogicalName, "statuscode")] = table.Statuses.Select(s => new ChoiceOption(s.Status, s.StatusLabel)).ToList();
        }
    }

    private void Add(TableDefinition table, SolutionSource solution)
    {
        IReadOnlyList<ChoiceDefinition>? local = null;
        foreach (var column in table.Columns)
        {
            if (column.Choice == null) continue;
            ChoiceDefinition? choice;
            if (column.Choice.StartsWith("local:", StringComparison.Ordinal))
            {
                local ??= SolutionSource.LoadLocalChoices(table.SourceFile);
                choice = local.FirstOrDefault(c => c.Name == column.Choice);
            }
            else
            {
                choice = solution.FindChoice(column.Choice);
            }
            if (choice != null) _options[(table.LogicalName, column.LogicalName)] = choice.Options;
        }
    }

    /// <summary>The label of a value, or the value itself when no label is known.</summary>
    public string Label(string table, string column, int value)
    {
        // A loop, not FirstOrDefault: its lambda captured the value, a closure per label read back.
        if (_options.TryGetValue((table, column), out var options))
            for (var i = 0; i < options.Count; i++)
                if (options[i].Value == value) return options[i].Label;
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The label of a row's choice column, or null when the column is empty.</summary>
    public string? Label(Entity row, string column)
        => row.ColumnValue<OptionSetValue>(column) is { } option ? Label(row.LogicalName, column, option.Value) : null;

    /// <summary>The value of a label (case-insensitive), or null.</summary>
    public int? Value(string table, string column, string label)
        => _options.TryGetValue((table, column), out var options)
            ? options.FirstOrDefault(o => string.Equals(o.Label, label.Trim(), StringComparison.OrdinalIgnoreCase))?.Value
            : null;

    public IReadOnlyList<ChoiceOption> Options(string table, string column)
        => _options.TryGetValue((table, column), out var options) ? options : Array.Empty<ChoiceOption>();
}
