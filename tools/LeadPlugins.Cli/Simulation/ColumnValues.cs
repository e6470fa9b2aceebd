using System.Globalization;
using LeadPlugins.InMemory;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Turns text, as the Dynamics lead destination, a CSV export or a configuration file gives it, into the SDK value
/// a column of the in-memory Dataverse's schema expects: choices by label or number, booleans, numbers, ISO dates,
/// lookups by id ("guid" or "table:guid"). Range and length checks are left to the in-memory Dataverse.
/// </summary>
public sealed class ColumnValues
{
    private static readonly string[] TrueWords = { "true", "yes", "1" };
    private static readonly string[] FalseWords = { "false", "no", "0" };

    private readonly DataverseSchema _schema;
    private readonly ChoiceLabels _labels;

    public ColumnValues(DataverseSchema schema, ChoiceLabels labels)
    {
        _schema = schema;
        _labels = labels;
    }

    public DataverseSchema Schema => _schema;
    public ChoiceLabels Labels => _labels;

    public TableSchema Table(string logicalName)
        => _schema.FindTable(logicalName) ?? throw new InputException("unknown table '" + logicalName + "'");

    public ColumnSchema Column(TableSchema table, string logicalName)
        => table.FindColumn(logicalName) ?? throw new InputException("unknown column '" + logicalName + "' of " + table.LogicalName);

    /// <summary>
    /// The typed value of <paramref name="text"/> for the column, or null for empty text.
    /// <paramref name="resolveId"/> turns a non-GUID reference (a configuration row's "id" name) into an id.
    /// </summary>
    public object? Convert(TableSchema table, ColumnSchema column, string? text, Func<string, Guid?>? resolveId = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        var name = column.LogicalName;
        switch (column.Type)
        {
            case ColumnType.String:
            case ColumnType.Memo:
                return text; // as given: trimming and normalising is enrichment's job
            case ColumnType.Integer:
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw Invalid(name, value, "a whole number");
            case ColumnType.Decimal:
                return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : throw Invalid(name, value, "a number");
            case ColumnType.Money:
                return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? new Money(m) : throw Invalid(name, value, "an amount");
            case ColumnType.Boolean:
                if (TrueWords.Contains(value, StringComparer.OrdinalIgnoreCase)) return true;
                if (FalseWords.Contains(value, StringComparer.OrdinalIgnoreCase)) return false;
                throw Invalid(name, value, "true or false");
            case ColumnType.Choice:
            case ColumnType.State:
            case ColumnType.Status:
                return new OptionSetValue(Option(table, column, value));
            case ColumnType.MultiChoice:
                return Options(table, column, value);
            case ColumnType.DateTime:
                return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                    ? when.UtcDateTime
                    : throw Invalid(name, value, "an ISO 8601 date");
            case ColumnType.UniqueIdentifier:
                return Guid.TryParse(value, out var g) ? g : resolveId?.Invoke(value) ?? throw Invalid(name, value, "a GUID");
            case ColumnType.Lookup:
            case ColumnType.Customer:
            case ColumnType.Owner:
                return Reference(column, value, resolveId);
            default:
                throw new InputException(name + ": " + column.Type + " columns cannot be given as text");
        }
    }

    // Apart from Convert: a lambda there captured its parameters, which made a closure on every call, not only for these.
    private OptionSetValueCollection Options(TableSchema table, ColumnSchema column, string text)
        => new(text.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => new OptionSetValue(Option(table, column, part))).ToList());

    private int Option(TableSchema table, ColumnSchema column, string text)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return number;
        return _labels.Value(table.LogicalName, column.LogicalName, text)
            ?? throw new InputException(column.LogicalName + ": '" + text + "' is not one of " +
                string.Join(", ", _labels.Options(table.LogicalName, column.LogicalName).Select(o => o.Label)));
    }

    private static EntityReference Reference(ColumnSchema column, string text, Func<string, Guid?>? resolveId)
    {
        var target = column.Targets.Count == 1 ? column.Targets[0] : null;
        var idText = text;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            target = text[..colon].Trim();
            idText = text[(colon + 1)..].Trim();
            if (!column.Targets.Contains(target, StringComparer.Ordinal))
                throw new InputException(column.LogicalName + ": '" + target + "' is not a target of this lookup (" + string.Join(", ", column.Targets) + ")");
        }
        if (target == null)
            throw new InputException(column.LogicalName + ": give the table too, as table:id (one of " + string.Join(", ", column.Targets) + ")");
        var id = Guid.TryParse(idText, out var g) ? g : resolveId?.Invoke(idText) ?? throw Invalid(column.LogicalName, text, "a GUID");
        return new EntityReference(target, id);
    }

    private static InputException Invalid(string column, string text, string expected)
        => new(column + ": '" + text + "' is not " + expected);
}
