using System.Globalization;
using System.Text.RegularExpressions;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Condition values typed by their column, as the server types them; LIKE patterns as regular expressions.</summary>
internal static class ConditionValues
{
    public static string Text(object? value) => value as string ?? global::System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    public static int IntOf(object? value, ConditionOperator op) => value switch
    {
        int i => i,
        decimal d when d == Math.Truncate(d) => (int)d,
        long l => (int)l,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        OptionSetValue o => o.Value,
        _ => throw Faults.InvalidArgument("The ConditionOperator." + op + " requires an integer value."),
    };

    public static Regex LikeRegex(object? pattern, bool escape = false)
    {
        var text = pattern as string ?? global::System.Convert.ToString(pattern, CultureInfo.InvariantCulture) ?? string.Empty;
        var body = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (ch == '%') body.Append(".*");
            else if (ch == '_' && !escape) body.Append('.');
            else body.Append(Regex.Escape(ch.ToString()));
        }
        return new Regex("^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>The server types condition values by the column: a Guid column takes Guids (or their text), not EntityReferences.</summary>
    public static object? Convert(TableSchema table, ColumnSchema column, object? value, ConditionOperator op)
    {
        if (value == null) return null;
        // The fault text is built only when thrown: every condition value of every query passes through here.
        System.ServiceModel.FaultException<OrganizationServiceFault> Wrong(string expected) => WrongType(table, column, value, expected);
        if (value is Enum) throw Wrong("System.Int32");
        switch (column.Type)
        {
            case ColumnType.Lookup:
            case ColumnType.Customer:
            case ColumnType.Owner:
            case ColumnType.UniqueIdentifier:
                if (value is Guid) return value;
                if (value is string text && Guid.TryParse(text, out var parsed)) return parsed;
                throw Wrong("System.Guid");
            case ColumnType.String:
            case ColumnType.Memo:
                return value as string ?? global::System.Convert.ToString(value, CultureInfo.InvariantCulture);
            case ColumnType.Integer:
            case ColumnType.Choice:
            case ColumnType.State:
            case ColumnType.Status:
            case ColumnType.MultiChoice:
            case ColumnType.Decimal:
            case ColumnType.Float:
            case ColumnType.Money:
                if (value is OptionSetValue or Money) throw Wrong(column.Type is ColumnType.Money or ColumnType.Decimal ? "System.Decimal" : column.Type == ColumnType.Float ? "System.Double" : "System.Int32");
                if (value is int or long or decimal or double or float) return Values.Normalize(value);
                if (value is string number && decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsedNumber)) return parsedNumber;
                throw Wrong(column.Type is ColumnType.Money or ColumnType.Decimal ? "System.Decimal" : column.Type == ColumnType.Float ? "System.Double" : "System.Int32");
            case ColumnType.Boolean:
                return value switch
                {
                    bool b => b,
                    int i => i != 0,
                    string s when s is "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
                    string s when s is "0" || s.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
                    _ => throw Wrong("System.Boolean"),
                };
            case ColumnType.DateTime:
                if (value is DateTime date) return column.Behavior == "DateOnly" ? DateTime.SpecifyKind(date.Date, DateTimeKind.Utc) : Values.ToUtcWithoutMilliseconds(date);
                if (value is string dateText && DateTime.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsedDate))
                    return DateTime.SpecifyKind(parsedDate, DateTimeKind.Utc);
                var name = op.ToString();
                if (name.Contains('X', StringComparison.Ordinal) && (name.StartsWith("Last", StringComparison.Ordinal) || name.StartsWith("Next", StringComparison.Ordinal) || name.StartsWith("OlderThan", StringComparison.Ordinal))) return value;
                throw Wrong("System.DateTime");
            default:
                return Values.Normalize(value);
        }
    }

    private static System.ServiceModel.FaultException<OrganizationServiceFault> WrongType(TableSchema table, ColumnSchema column, object value, string expected)
        => Faults.InvalidArgument("Condition for attribute '" + table.LogicalName + "." + column.LogicalName + "': expected argument(s) of type '" + expected + "' but received '" + value.GetType().FullName + "'.");
}
