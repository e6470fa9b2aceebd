using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>A resolved condition: which alias and column it reads, its operator and its checked, typed values.</summary>
internal sealed class ConditionOperand
{
    private ConditionOperand(string alias, TableSchema table, ColumnSchema column, ConditionOperator op, IReadOnlyList<object?> raw)
    {
        Alias = alias;
        Table = table;
        Column = column;
        Operator = op;
        Raw = raw;
    }

    public string Alias { get; }
    public TableSchema Table { get; }
    public ColumnSchema Column { get; }
    public ConditionOperator Operator { get; }
    /// <summary>The operator's name, for fault messages (made when first needed: most conditions never fault).</summary>
    public string OperatorName => _operatorName ??= Operator.ToString();

    private string? _operatorName;
    public IReadOnlyList<object?> Raw { get; }

    /// <summary>
    /// The condition's alias may be the root table's name, a link's alias, or (server behaviour) the logical name of
    /// a link that has no alias.
    /// </summary>
    public static ConditionOperand Resolve(ConditionExpression condition, string defaultAlias, QueryScope scope)
    {
        var alias = scope.ResolveAlias(condition.EntityName ?? defaultAlias);
        var table = scope.TableOf(alias);
        var column = table.FindColumn(condition.AttributeName ?? string.Empty) ?? throw Faults.NoAttribute(table.LogicalName, condition.AttributeName ?? string.Empty);
        if (condition.CompareColumns) throw new NotSimulatedException("Column comparison conditions are not simulated by the LeadPlugins in-memory Dataverse.");
        // Read, not copied: the operand lives only while its query runs, and nothing changes the query meanwhile.
        IReadOnlyList<object?> raw = condition.Values;
        if (raw.Count == 1 && Values.IsCollectionValue(raw[0]) && raw[0] is not OptionSetValueCollection)
            throw Faults.InvalidArgument("Condition for attribute '" + table.LogicalName + "." + column.LogicalName + "': pass the values of " + condition.Operator + " one by one, not as one " + raw[0]!.GetType().Name + ".");
        return new ConditionOperand(alias, table, column, condition.Operator, raw);
    }

    /// <summary>
    /// The condition as a predicate over a joined row: the test of the stored value. The operand keeps the test, so
    /// the predicate is its method rather than a closure over both.
    /// </summary>
    public RowPredicate Matching(ValueTest test)
    {
        _test = test;
        return Matches;
    }

    private ValueTest? _test;

    private bool Matches(JoinedRow row) => _test!(RawValue(row));

    /// <summary>The stored value as it is (text conditions need no normalising: a string stays a string).</summary>
    public object? RawValue(JoinedRow row)
    {
        var entity = Alias.Length == 0 ? row.Root : row.TryGetValue(Alias, out var linked) ? linked : null;
        return entity != null && entity.Attributes.TryGetValue(Column.LogicalName, out var v) ? v : null;
    }

    public void Count(int expected)
    {
        if (Raw.Count != expected) throw Faults.ConditionValueCount(OperatorName, expected, Raw.Count, Column.LogicalName);
    }

    public void NoValues()
    {
        if (Raw.Count != 0) throw Faults.ConditionRequiresNoValues(OperatorName);
    }

    public object? Single()
    {
        Count(1);
        return Typed(Raw[0]);
    }

    public object?[] Pair()
    {
        Count(2);
        return AllTyped();
    }

    public object?[] AtLeastOne()
    {
        if (Raw.Count == 0) throw Faults.ConditionValueCount(OperatorName, 1, 0, Column.LogicalName);
        return AllTyped();
    }

    private object?[] AllTyped()
    {
        var typed = new object?[Raw.Count];
        for (var i = 0; i < typed.Length; i++) typed[i] = Typed(Raw[i]);
        return typed;
    }

    public object?[] TypedWhere(Func<object?, bool> keep) => Raw.Where(keep).Select(Typed).ToArray();

    /// <summary>The single value as an integer (the X of last-x-days and friends).</summary>
    public int SingleInt()
    {
        Count(1);
        return ConditionValues.IntOf(Raw[0], Operator);
    }

    private object? Typed(object? value) => ConditionValues.Convert(Table, Column, value, Operator);
}
