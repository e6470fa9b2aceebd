using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>
/// Compiles filters and conditions into predicates over a joined row (alias => row), with the server's rules:
/// value counts and types checked up front, strings case-insensitive, ne matches null, ranges never do.
/// Each family of operators lives in its own method; dates in <see cref="DateConditions"/>. A struct: every query
/// makes one, and it lives only while the query compiles.
/// </summary>
internal readonly struct ConditionCompiler
{
    private readonly QueryScope _scope;
    private readonly Guid _userId;
    private readonly DateTime _now;
    private readonly Func<Guid, Guid> _businessUnitOf;
    private readonly Func<Guid, IReadOnlyCollection<Guid>> _teamsOf;

    public ConditionCompiler(QueryScope scope, Guid userId, DateTime now, Func<Guid, Guid> businessUnitOf, Func<Guid, IReadOnlyCollection<Guid>> teamsOf)
    {
        _teamsOf = teamsOf;
        _scope = scope;
        _userId = userId;
        _now = now;
        _businessUnitOf = businessUnitOf;
    }

    public RowPredicate Filter(FilterExpression? filter, string defaultAlias) => Filter(filter, defaultAlias, out _);

    /// <summary>
    /// The query's own filter, and <paramref name="scan"/>: the first of its AND conditions that reads a root column,
    /// which a scan tests on the column's vector before reading a row (the whole filter still decides). Null when none.
    /// </summary>
    public RowPredicate RootFilter(FilterExpression? filter, out (string Column, ValueTest Test)? scan) => Filter(filter, string.Empty, out scan);

    private RowPredicate Filter(FilterExpression? filter, string defaultAlias, out (string Column, ValueTest Test)? scan)
    {
        scan = null;
        if (filter == null) return Always;
        // Plain loops: a filter is compiled for every query, and the predicate runs for every row a query reads.
        var conditions = filter.Conditions;
        var filters = filter.Filters;
        var count = conditions.Count + filters.Count;
        if (count == 0) return Always;
        // Most filters hold one condition: its predicate is the filter's, with no array of parts.
        var parts = count == 1 ? null : new RowPredicate[count];
        RowPredicate? only = null;
        for (var i = 0; i < conditions.Count; i++)
        {
            var operand = ConditionOperand.Resolve(conditions[i], defaultAlias, _scope);
            var test = Test(operand);
            var part = operand.Matching(test);
            if (parts == null) only = part;
            else parts[i] = part;
            if (scan == null && operand.Alias.Length == 0 && filter.FilterOperator == LogicalOperator.And) scan = (operand.Column.LogicalName, test);
        }
        for (var i = 0; i < filters.Count; i++)
        {
            var part = Filter(filters[i], defaultAlias, out _);
            if (parts == null) only = part;
            else parts[conditions.Count + i] = part;
        }
        if (parts == null) return only!;
        return filter.FilterOperator == LogicalOperator.Or ? AnyOf(parts) : AllOf(parts);
    }

    // Apart from Filter: a lambda over the parts there would make Filter's locals a heap closure for every filter.
    private static RowPredicate AnyOf(RowPredicate[] parts) => row =>
    {
        foreach (var part in parts)
            if (part(row)) return true;
        return false;
    };

    private static RowPredicate AllOf(RowPredicate[] parts) => row =>
    {
        foreach (var part in parts)
            if (!part(row)) return false;
        return true;
    };

    private static readonly RowPredicate Always = _ => true;

    /// <summary>The condition as a test of the column's stored value (absent = null).</summary>
    private ValueTest Test(ConditionOperand operand)
    {
        return Comparison(operand) ?? Text(operand) ?? Sets(operand) ?? DateConditions.Compile(operand, _now) ?? Identity(operand)
            ?? throw new NotSimulatedException("ConditionOperator." + operand.OperatorName + " is not simulated by the LeadPlugins in-memory Dataverse.");
    }

    private static ValueTest? Comparison(ConditionOperand o)
    {
        switch (o.Operator)
        {
            case ConditionOperator.Equal: { var c = o.Single(); return raw => Values.AreEqual(Values.Normalize(raw), c); }
            case ConditionOperator.NotEqual: { var c = o.Single(); return raw => Values.Normalize(raw) is not { } v || !Values.AreEqual(v, c); }
            case ConditionOperator.GreaterThan: { var c = o.Single(); return raw => Values.Normalize(raw) is { } v && Values.Compare(v, c) > 0; }
            case ConditionOperator.GreaterEqual: { var c = o.Single(); return raw => Values.Normalize(raw) is { } v && Values.Compare(v, c) >= 0; }
            case ConditionOperator.LessThan: { var c = o.Single(); return raw => Values.Normalize(raw) is { } v && Values.Compare(v, c) < 0; }
            case ConditionOperator.LessEqual: { var c = o.Single(); return raw => Values.Normalize(raw) is { } v && Values.Compare(v, c) <= 0; }
            case ConditionOperator.Between: { var c = o.Pair(); return raw => Values.Normalize(raw) is { } v && Values.Compare(v, c[0]) >= 0 && Values.Compare(v, c[1]) <= 0; }
            case ConditionOperator.NotBetween: { var c = o.Pair(); return raw => Values.Normalize(raw) is not { } v || Values.Compare(v, c[0]) < 0 || Values.Compare(v, c[1]) > 0; }
            case ConditionOperator.Null: o.NoValues(); return raw => Values.Normalize(raw) == null;
            case ConditionOperator.NotNull: o.NoValues(); return raw => Values.Normalize(raw) != null;
            default: return null;
        }
    }

    private static ValueTest? Text(ConditionOperand o)
    {
        var (pattern, escape, negate) = o.Operator switch
        {
            ConditionOperator.Like => ("{0}", false, false),
            ConditionOperator.NotLike => ("{0}", false, true),
            ConditionOperator.BeginsWith => ("{0}%", true, false),
            ConditionOperator.DoesNotBeginWith => ("{0}%", true, true),
            ConditionOperator.EndsWith => ("%{0}", true, false),
            ConditionOperator.DoesNotEndWith => ("%{0}", true, true),
            ConditionOperator.Contains => ("%{0}%", true, false),
            ConditionOperator.DoesNotContain => ("%{0}%", true, true),
            _ => (null, false, false),
        };
        if (pattern == null) return null;
        var value = ConditionValues.Text(o.Single());
        var matches = LiteralMatch(pattern, value, escape) ?? ConditionValues.LikeRegex(pattern.Replace("{0}", value, StringComparison.Ordinal), escape).IsMatch;
        return negate ? raw => raw is not string s || !matches(s) : raw => raw is string s && matches(s);
    }

    /// <summary>
    /// A value without wildcards needs no regular expression: begins/ends with, contains or equals, ignoring case
    /// (what the pattern's case-insensitive match means for such a value, at a fraction of the cost on a scan).
    /// </summary>
    private static Func<string, bool>? LiteralMatch(string pattern, string value, bool escape)
    {
        if (value.Contains('%', StringComparison.Ordinal) || (!escape && value.Contains('_', StringComparison.Ordinal))) return null;
        return pattern switch
        {
            "{0}%" => s => s.StartsWith(value, StringComparison.OrdinalIgnoreCase),
            "%{0}" => s => s.EndsWith(value, StringComparison.OrdinalIgnoreCase),
            "%{0}%" => s => s.Contains(value, StringComparison.OrdinalIgnoreCase),
            _ => s => string.Equals(s, value, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static ValueTest? Sets(ConditionOperand o)
    {
        switch (o.Operator)
        {
            case ConditionOperator.In:
            {
                var set = o.AtLeastOne();
                return raw => Values.Normalize(raw) is { } v && AnyEqual(set, v);
            }
            case ConditionOperator.NotIn:
            {
                // not-in with an empty value is tolerated by the server (DynamicsValue/fake-xrm-easy#45).
                var set = o.TypedWhere(v => v is not "");
                return raw => Values.Normalize(raw) is not { } v || !AnyEqual(set, v);
            }
            case ConditionOperator.ContainValues:
            case ConditionOperator.DoesNotContainValues:
            {
                if (o.Raw.Count == 0) throw Faults.ConditionValueCount(o.OperatorName, 1, 0, o.Column.LogicalName);
                var wanted = o.Raw.Select(v => ConditionValues.IntOf(v, o.Operator)).ToHashSet();
                bool Contains(object? raw) => raw is OptionSetValueCollection set && set.Any(x => wanted.Contains(x.Value));
                return o.Operator == ConditionOperator.ContainValues ? Contains : raw => !Contains(raw);
            }
            default: return null;
        }
    }

    /// <summary>Whether the value equals one of the set's (a loop: Any's closure was made for every row tested).</summary>
    private static bool AnyEqual(object?[] set, object value)
    {
        foreach (var candidate in set)
            if (Values.AreEqual(value, candidate)) return true;
        return false;
    }

    private ValueTest? Identity(ConditionOperand o)
    {
        switch (o.Operator)
        {
            case ConditionOperator.EqualUserId: { o.NoValues(); var user = _userId; return raw => Values.Normalize(raw) is Guid v && v == user; }
            case ConditionOperator.NotEqualUserId: { o.NoValues(); var user = _userId; return raw => Values.Normalize(raw) is not Guid v || v != user; }
            case ConditionOperator.EqualBusinessId:
            {
                o.NoValues();
                var unit = _businessUnitOf(_userId);
                return raw => Values.Normalize(raw) is Guid v && v == unit;
            }
            case ConditionOperator.NotEqualBusinessId:
            {
                o.NoValues();
                var unit = _businessUnitOf(_userId);
                return raw => Values.Normalize(raw) is not Guid v || v != unit;
            }
            case ConditionOperator.EqualUserTeams:
            case ConditionOperator.EqualUserOrUserTeams:
            {
                // Teams the user is a member of (teammembership intersect rows); "or user" adds the user.
                o.NoValues();
                var owners = _teamsOf(_userId).ToHashSet();
                if (o.Operator == ConditionOperator.EqualUserOrUserTeams) owners.Add(_userId);
                return raw => Values.Normalize(raw) is Guid v && owners.Contains(v);
            }
            default: return null;
        }
    }
}

/// <summary>A predicate over one joined row (alias => row; the root table's alias is empty).</summary>
internal delegate bool RowPredicate(JoinedRow row);

/// <summary>A condition's test of one column's stored value (null when the row has none).</summary>
internal delegate bool ValueTest(object? raw);
