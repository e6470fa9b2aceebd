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
        List<IReadOnlyCollection<Guid>>? best = null;
        var bestCount = int.MaxValue;
        foreach (var (column, values) in IndexableConditions(criteria, root))
        {
            var sets = new List<IReadOnlyCollection<Guid>>(values.Count);
            var count = 0;
            foreach (var value in values)
            {
                var set = data.LookupSet(column, value);
                sets.Add(set);
                count += set.Count;
            }
            if (count < bestCount)
            {
                best = sets;
                bestCount = count;
            }
        }
        if (best == null) return null;
        var ids = new List<Guid>(bestCount);
        var seen = best.Count > 1 ? new HashSet<Guid>() : null;
        foreach (var set in best)
            foreach (var id in set)
                if (seen == null || seen.Add(id)) ids.Add(id);
        return ids;
    }

    private static IEnumerable<(string Column, IReadOnlyList<object> Values)> IndexableConditions(FilterExpression? filter, TableSchema root)
    {
        if (filter == null || filter.FilterOperator != LogicalOperator.And) yield break;
        foreach (var condition in filter.Conditions)
        {
            bool equal = condition.Operator == ConditionOperator.Equal && condition.Values.Count == 1;
            bool @in = condition.Operator == ConditionOperator.In && condition.Values.Count > 0;
            if (!(equal || @in) || condition.CompareColumns) continue;
            if (!string.IsNullOrEmpty(condition.EntityName) && condition.EntityName != root.LogicalName) continue;
            var column = root.FindColumn(condition.AttributeName);
            if (column == null || column.Type is ColumnType.PartyList or ColumnType.MultiChoice) continue;
            var values = condition.Values.Select(v => ConditionValues.Convert(root, column, v, condition.Operator)).ToList();
            if (values.All(v => v != null)) yield return (column.LogicalName, values!);
        }
        foreach (var child in filter.Filters)
            foreach (var found in IndexableConditions(child, root)) yield return found;
    }
}
