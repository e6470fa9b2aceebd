using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>The date operators of conditions, relative to the query's clock (UTC).</summary>
internal static class DateConditions
{
    public static RowPredicate? Compile(ConditionOperand o, DateTime now)
    {
        switch (o.Operator)
        {
            case ConditionOperator.On: { var d = DateOf(o.Single()); return r => o.Value(r) is DateTime v && v.Date == d; }
            case ConditionOperator.NotOn: { var d = DateOf(o.Single()); return r => o.Value(r) is not DateTime v || v.Date != d; }
            case ConditionOperator.OnOrBefore: { var d = DateOf(o.Single()); return r => o.Value(r) is DateTime v && v.Date <= d; }
            case ConditionOperator.OnOrAfter: { var d = DateOf(o.Single()); return r => o.Value(r) is DateTime v && v.Date >= d; }
            case ConditionOperator.Today: o.NoValues(); return r => o.Value(r) is DateTime v && v.Date == now.Date;
            case ConditionOperator.Yesterday: o.NoValues(); return r => o.Value(r) is DateTime v && v.Date == now.Date.AddDays(-1);
            case ConditionOperator.Tomorrow: o.NoValues(); return r => o.Value(r) is DateTime v && v.Date == now.Date.AddDays(1);
            case ConditionOperator.Last7Days: o.NoValues(); return r => o.Value(r) is DateTime v && v >= now.Date.AddDays(-7) && v <= now;
            case ConditionOperator.Next7Days: o.NoValues(); return r => o.Value(r) is DateTime v && v >= now && v < now.Date.AddDays(8);
            case ConditionOperator.LastXDays: { var x = o.SingleInt(); return r => o.Value(r) is DateTime v && v >= now.Date.AddDays(-x) && v <= now; }
            case ConditionOperator.NextXDays: { var x = o.SingleInt(); return r => o.Value(r) is DateTime v && v >= now && v < now.Date.AddDays(x + 1); }
            case ConditionOperator.LastXHours: { var x = o.SingleInt(); return r => o.Value(r) is DateTime v && v >= now.AddHours(-x) && v <= now; }
            case ConditionOperator.NextXHours: { var x = o.SingleInt(); return r => o.Value(r) is DateTime v && v >= now && v <= now.AddHours(x); }
            case ConditionOperator.OlderThanXDays: { var x = o.SingleInt(); return r => o.Value(r) is DateTime v && v < now.AddDays(-x); }
            case ConditionOperator.OlderThanXMonths: { var x = o.SingleInt(); return r => o.Value(r) is DateTime v && v < now.AddMonths(-x); }
            default: return null;
        }
    }

    private static DateTime DateOf(object? value) => value is DateTime d ? d.Date : throw Faults.InvalidArgument("A date value is required.");
}
