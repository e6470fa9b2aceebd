using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Chooses the rows a query must look at: from the hash indexes when an Equal/In condition allows, else all.</summary>
internal static class IndexPlanner
{
    /// <summary>
    /// The rows an Equal or In condition on a root column (reachable through AND filters only) allows, from hash indexes;
    /// the most selective such condition wins (e.g. emailaddress1 In (...) over statecode = 0). Null: scan.
    /// </summary>
    public static List<Guid>? Candidates(FilterExpression? criteria, TableSchema root, TableRows data)
    {
        // Compare the conditions by their index counts first; only the most selective one is read into a list.
        var best = new Best { Count = int.MaxValue };
        Consider(criteria, root, data, ref best);
        if (best.Sets == null) return null;
        var ids = new List<Guid>(best.Count);
        if (best.Sets is IReadOnlyCollection<Guid> single)
        {
            AddIds(single, ids);
            return ids;
        }
        var sets = (List<IReadOnlyCollection<Guid>>)best.Sets;
        if (sets.Count == 1)
        {
            AddIds(sets[0], ids);
            return ids;
        }
        var seen = new HashSet<Guid>();
        foreach (var set in sets)
            foreach (var id in set)
                if (seen.Add(id)) ids.Add(id);
        return ids;
    }

    /// <summary>An index's ids (an <see cref="IdSet"/>, or none) added without an iterator.</summary>
    private static void AddIds(IReadOnlyCollection<Guid> set, List<Guid> ids)
    {
        if (set is IdSet idSet) idSet.AddTo(ids);
        else ids.AddRange(set);
    }

    /// <summary>The most selective indexable condition so far: one id set (an Equal) or a list of them (an In), and how many ids.</summary>
    private struct Best
    {
        public object? Sets;
        public int Count;
    }

    /// <summary>Equal and In conditions on root columns, reachable through AND filters only (no iterator or value list per query).</summary>
    private static void Consider(FilterExpression? filter, TableSchema root, TableRows data, ref Best best)
    {
        if (filter == null || filter.FilterOperator != LogicalOperator.And) return;
        var conditions = filter.Conditions;
        for (var c = 0; c < conditions.Count; c++)
        {
            var condition = conditions[c];
            bool equal = condition.Operator == ConditionOperator.Equal && condition.Values.Count == 1;
            bool @in = condition.Operator == ConditionOperator.In && condition.Values.Count > 0;
            if (!(equal || @in) || condition.CompareColumns) continue;
            if (!string.IsNullOrEmpty(condition.EntityName) && condition.EntityName != root.LogicalName) continue;
            var column = root.FindColumn(condition.AttributeName);
            if (column == null || column.Type is ColumnType.PartyList or ColumnType.MultiChoice) continue;
            if (equal)
            {
                var value = ConditionValues.Convert(root, column, condition.Values[0], condition.Operator);
                if (value == null) continue;
                var set = data.LookupSet(column.LogicalName, value);
                if (set.Count < best.Count) (best.Sets, best.Count) = (set, set.Count);
                continue;
            }
            var values = new object[condition.Values.Count];
            var usable = true;
            for (var i = 0; i < values.Length && usable; i++)
                usable = (values[i] = ConditionValues.Convert(root, column, condition.Values[i], condition.Operator)!) != null;
            if (!usable) continue;
            var sets = new List<IReadOnlyCollection<Guid>>(values.Length);
            var count = 0;
            foreach (var value in values)
            {
                var set = data.LookupSet(column.LogicalName, value);
                sets.Add(set);
                count += set.Count;
            }
            if (count < best.Count) (best.Sets, best.Count) = (sets, count);
        }
        for (var f = 0; f < filter.Filters.Count; f++) Consider(filter.Filters[f], root, data, ref best);
    }
}
