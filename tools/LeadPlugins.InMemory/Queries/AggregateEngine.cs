using System.Globalization;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// FetchXML aggregates (Microsoft docs "Aggregate data using FetchXml"): count, countcolumn (distinct), sum, avg, min,
/// max over the rows the filters and links select, grouped by group-by columns (dates by day, week, month, quarter or
/// year), each result an <see cref="AliasedValue"/> under its alias; nulls are left out of every aggregate. More than
/// 50,000 rows (or aggregatelimit) faults with AggregateQueryRecordLimit.
/// </summary>
internal sealed class AggregateEngine
{
    private readonly QueryEngine _queries;

    public AggregateEngine(QueryEngine queries) { _queries = queries; }

    private sealed record BoundColumn(AggregateColumn Spec, string RowAlias, TableSchema Table, ColumnSchema Column);

    public EntityCollection Run(FetchQuery fetch, Guid userId)
    {
        var spec = fetch.Aggregate!;
        var query = fetch.Query;
        var compiled = _queries.Compile(query, userId);
        var columns = spec.Columns.Select(c => Bind(c, compiled)).ToList();
        var rows = _queries.Select(query, compiled);
        if (rows.Count > spec.Limit) throw Faults.Create(ErrorCodes.AggregateQueryRecordLimit, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");

        var groupColumns = columns.Where(c => c.Spec.IsGroupBy).ToList();
        var groups = new Dictionary<string, (object?[] Keys, List<JoinedRow> Rows)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in rows)
        {
            var keys = groupColumns.Select(c => GroupValue(c, row)).ToArray();
            var key = string.Join("\u001f", keys.Select(k => Convert.ToString(Values.IndexKey(k), CultureInfo.InvariantCulture)));
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = (keys, new List<JoinedRow>());
                order.Add(key);
            }
            group.Rows.Add(row);
        }
        // Without group-by there is always one result row, even over no rows (count 0).
        if (groupColumns.Count == 0 && groups.Count == 0)
        {
            groups[string.Empty] = (Array.Empty<object?>(), new List<JoinedRow>());
            order.Add(string.Empty);
        }

        var results = new List<Entity>();
        foreach (var key in order)
        {
            var (keys, groupRows) = groups[key];
            var result = new Entity(compiled.Root.LogicalName);
            var g = 0;
            foreach (var column in columns)
            {
                var value = column.Spec.IsGroupBy ? keys[g++] : Aggregate(column, groupRows);
                result.Attributes[column.Spec.Alias] = new AliasedValue(column.Table.LogicalName, column.Spec.Attribute, value);
            }
            results.Add(result);
        }
        foreach (var result in results) _queries.Names.Fill(result);
        return QueryEngine.Page(compiled.Root, Order(results, spec, columns), query.TopCount, query.PageInfo);
    }

    private static BoundColumn Bind(AggregateColumn spec, QueryEngine.CompiledQuery compiled)
    {
        var alias = string.Empty;
        var table = compiled.Root;
        if (spec.Link != null)
        {
            var link = LinkInfo.Flatten(compiled.Links).First(l => ReferenceEquals(l.Link, spec.Link));
            alias = link.Alias;
            table = link.Table;
        }
        var column = table.FindColumn(spec.Attribute) ?? throw Faults.NoAttribute(table.LogicalName, spec.Attribute);
        if (spec.Function is AggregateFunction.Sum or AggregateFunction.Avg && !IsNumeric(column.Type))
            throw Faults.Create(ErrorCodes.InvalidQuery, "The aggregate function '" + spec.Function.Value.ToString().ToLowerInvariant() + "' is not valid for attribute '" + column.LogicalName + "' of type " + column.Type + ".");
        if (spec.DateGrouping != null && column.Type != ColumnType.DateTime)
            throw Faults.Create(ErrorCodes.InvalidQuery, "dategrouping applies only to date and time attributes, not '" + column.LogicalName + "'.");
        if (spec.DateGrouping is "fiscal-period" or "fiscal-year")
            throw new NotSimulatedException("dategrouping '" + spec.DateGrouping + "' (the organization's fiscal settings) is not simulated by the LeadPlugins in-memory Dataverse.");
        if (spec.DateGrouping is not (null or "day" or "week" or "month" or "quarter" or "year"))
            throw Faults.Create(ErrorCodes.InvalidQuery, "Invalid dategrouping '" + spec.DateGrouping + "'.");
        return new BoundColumn(spec, alias, table, column);
    }

    private static bool IsNumeric(ColumnType type) => type is ColumnType.Integer or ColumnType.Decimal or ColumnType.Money or ColumnType.Float;

    private static object? Raw(BoundColumn column, JoinedRow row)
        => row.TryGetValue(column.RowAlias, out var e) && e != null && e.Attributes.TryGetValue(column.Column.LogicalName, out var v) ? v : null;

    /// <summary>The group a row falls in: the stored value, or the date part as an int (the server's dategrouping values).</summary>
    private static object? GroupValue(BoundColumn column, JoinedRow row)
    {
        var value = Values.CloneValue(Raw(column, row));
        if (value is not DateTime date || column.Spec.DateGrouping == null) return value;
        return column.Spec.DateGrouping switch
        {
            "day" => date.Day,
            // Week of the year as the docs' example shows it (8/27/2023 is week 35): weeks start on Sunday, week 1 holds January 1.
            "week" => (date.DayOfYear - 1 + (int)new DateTime(date.Year, 1, 1).DayOfWeek) / 7 + 1,
            "month" => date.Month,
            "quarter" => (date.Month - 1) / 3 + 1,
            _ => date.Year,
        };
    }

    private static object? Aggregate(BoundColumn column, List<JoinedRow> rows)
    {
        if (column.Spec.Function == AggregateFunction.Count) return rows.Count;
        var values = rows.Select(r => Raw(column, r)).Where(v => v != null).ToList();
        switch (column.Spec.Function)
        {
            case AggregateFunction.CountColumn:
                return column.Spec.Distinct ? values.Select(Values.IndexKey).Distinct().Count() : values.Count;
            case AggregateFunction.Min:
            case AggregateFunction.Max:
                if (values.Count == 0) return null;
                var sorted = values.OrderBy(v => v, Comparer<object?>.Create(Values.Compare));
                return Values.CloneValue(column.Spec.Function == AggregateFunction.Min ? sorted.First() : sorted.Last());
            case AggregateFunction.Sum:
                // The docs' grouping example shows 0 as the total of a group whose values are all null.
                return Typed(column.Column.Type, values.Sum(Number));
            case AggregateFunction.Avg:
                if (values.Count == 0) return null;
                return Typed(column.Column.Type, values.Sum(Number) / values.Count);
            default:
                return null;
        }
    }

    private static decimal Number(object? value) => value switch
    {
        Money m => m.Value,
        int i => i,
        long l => l,
        decimal d => d,
        double d => (decimal)d,
        _ => 0m,
    };

    /// <summary>Sum and avg keep the column's type: Money stays Money, a whole-number average is truncated (docs: 3,911).</summary>
    private static object Typed(ColumnType type, decimal number) => type switch
    {
        ColumnType.Money => new Money(number),
        ColumnType.Integer => (int)decimal.Truncate(number),
        ColumnType.Float => (double)number,
        _ => number,
    };

    private static List<Entity> Order(List<Entity> results, AggregateSpec spec, List<BoundColumn> columns)
    {
        if (spec.Orders.Count == 0) return results;
        IOrderedEnumerable<Entity>? sorted = null;
        var comparer = Comparer<object?>.Create(Values.Compare);
        foreach (var order in spec.Orders)
        {
            var alias = order.Alias
                ?? columns.FirstOrDefault(c => c.Spec.IsGroupBy && c.Spec.Attribute == order.Attribute && ReferenceEquals(c.Spec.Link, order.Link))?.Spec.Alias
                ?? throw Faults.Create(ErrorCodes.InvalidQuery, "An order in an aggregate query must name an alias or a groupby attribute ('" + order.Attribute + "' is neither).");
            if (!columns.Any(c => c.Spec.Alias == alias)) throw Faults.Create(ErrorCodes.InvalidQuery, "The order alias '" + alias + "' is not an alias of this aggregate query.");
            Func<Entity, object?> key = e => e.Attributes.TryGetValue(alias, out var v) && v is AliasedValue a ? Values.Normalize(a.Value) : null;
            sorted = sorted == null
                ? (order.Descending ? results.OrderByDescending(key, comparer) : results.OrderBy(key, comparer))
                : (order.Descending ? sorted.ThenByDescending(key, comparer) : sorted.ThenBy(key, comparer));
        }
        return sorted!.ToList();
    }
}
