using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Emulator;

/// <summary>
/// The OData query options the live commands send to tables without FetchXML: $select, $filter with eq/ne/gt/ge/lt/le
/// joined by 'and', $orderby, $top, and paging by Prefer: odata.maxpagesize with @odata.nextLink ($skiptoken).
/// Anything else is refused with the Web API's error rather than ignored.
/// </summary>
internal sealed class ODataQuery
{
    private readonly List<(string Column, string Operator, string Literal)> _conditions = new();

    public ICollection<string>? Select { get; private set; }
    public (string Column, bool Descending)? OrderBy { get; private set; }
    public int? Top { get; private set; }
    public int Skip { get; private set; }

    public static ODataQuery Parse(IEnumerable<KeyValuePair<string, string>> options)
    {
        var query = new ODataQuery();
        foreach (var (key, value) in options)
        {
            switch (key)
            {
                case "$select":
                    query.Select = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ColumnOf).ToHashSet(StringComparer.Ordinal);
                    break;
                case "$filter":
                    foreach (var part in value.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var pieces = part.Split(' ', 3, StringSplitOptions.TrimEntries);
                        if (pieces.Length != 3 || pieces[1] is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le"))
                            throw new EmulatorRequestException(400, "0x80060888", "The emulator's $filter supports 'column op literal' joined by 'and' (op: eq ne gt ge lt le); '" + part + "' is not one.");
                        query._conditions.Add((ColumnOf(pieces[0]), pieces[1], pieces[2]));
                    }
                    break;
                case "$orderby":
                    var order = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    query.OrderBy = (ColumnOf(order[0]), order.Length > 1 && order[1] == "desc");
                    break;
                case "$top":
                    query.Top = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "$skiptoken":
                    query.Skip = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "$count":
                    break;
                default:
                    if (key.StartsWith('$')) throw new EmulatorRequestException(400, "0x80060888", "The query option " + key + " is not supported by the emulator.");
                    break;
            }
        }
        return query;
    }

    private static string ColumnOf(string property)
        => property.StartsWith('_') && property.EndsWith("_value", StringComparison.Ordinal) ? property[1..^6] : property;

    public IEnumerable<Entity> Apply(IEnumerable<Entity> rows)
    {
        var matching = rows.Where(Matches);
        if (OrderBy is { } order)
            matching = order.Descending ? matching.OrderByDescending(r => Comparable(r, order.Column)) : matching.OrderBy(r => Comparable(r, order.Column));
        if (Top is int top) matching = matching.Take(top);
        return matching;
    }

    private bool Matches(Entity row) => _conditions.All(c => Compare(row, c.Column, c.Operator, c.Literal));

    private static IComparable? Comparable(Entity row, string column)
        => row.Attributes.TryGetValue(column, out var value) ? Normalize(value) : null;

    private static IComparable? Normalize(object? value) => value switch
    {
        null => null,
        OptionSetValue option => option.Value,
        EntityReference reference => reference.Id,
        Money money => money.Value,
        IComparable comparable => comparable,
        _ => value.ToString(),
    };

    private static bool Compare(Entity row, string column, string op, string literal)
    {
        var actual = Comparable(row, column);
        object? expected = literal switch
        {
            "null" => null,
            "true" => true,
            "false" => false,
            _ when literal.StartsWith('\'') => literal.Trim('\'').Replace("''", "'", StringComparison.Ordinal),
            _ when Guid.TryParse(literal, out var guid) => guid,
            _ when DateTime.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) && literal.Contains('-') => date,
            _ => decimal.Parse(literal, CultureInfo.InvariantCulture),
        };
        if (expected == null || actual == null) return op == "eq" ? expected == actual : op == "ne" && expected != actual;
        int comparison;
        if (actual is int or long or decimal or double && expected is decimal number) comparison = Convert.ToDecimal(actual, CultureInfo.InvariantCulture).CompareTo(number);
        else if (actual is string text && expected is string wanted) comparison = string.Compare(text, wanted, StringComparison.OrdinalIgnoreCase);
        else if (actual.GetType() == expected.GetType()) comparison = actual.CompareTo(expected);
        else return op == "ne";
        return op switch
        {
            "eq" => comparison == 0,
            "ne" => comparison != 0,
            "gt" => comparison > 0,
            "ge" => comparison >= 0,
            "lt" => comparison < 0,
            _ => comparison <= 0,
        };
    }
}
