using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>
/// The date operators of conditions, relative to the query's clock (UTC, the harness's only time zone). Each operator
/// is a range [from, to] (inclusive end) or [from, to) (exclusive end); docs/in-memory.md lists them with Microsoft's
/// definitions. Fiscal operators need the organization's fiscal settings and are not simulated.
/// </summary>
internal static class DateConditions
{
    public static ValueTest? Compile(ConditionOperand o, DateTime now)
    {
        var today = now.Date;
        var sunday = today.AddDays(-(int)today.DayOfWeek);
        var month = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var year = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        switch (o.Operator)
        {
            case ConditionOperator.On: { var d = DateOf(o.Single()); return raw => Values.Normalize(raw) is DateTime v && v.Date == d; }
            case ConditionOperator.NotOn: { var d = DateOf(o.Single()); return raw => Values.Normalize(raw) is not DateTime v || v.Date != d; }
            case ConditionOperator.OnOrBefore: { var d = DateOf(o.Single()); return raw => Values.Normalize(raw) is DateTime v && v.Date <= d; }
            case ConditionOperator.OnOrAfter: { var d = DateOf(o.Single()); return raw => Values.Normalize(raw) is DateTime v && v.Date >= d; }
            case ConditionOperator.Today: o.NoValues(); return Within(o, today, today.AddDays(1));
            case ConditionOperator.Yesterday: o.NoValues(); return Within(o, today.AddDays(-1), today);
            case ConditionOperator.Tomorrow: o.NoValues(); return Within(o, today.AddDays(1), today.AddDays(2));
            case ConditionOperator.Last7Days: o.NoValues(); return Through(o, today.AddDays(-7), now);
            case ConditionOperator.Next7Days: o.NoValues(); return Within(o, now, today.AddDays(8));
            case ConditionOperator.ThisWeek: o.NoValues(); return Within(o, sunday, sunday.AddDays(7));
            case ConditionOperator.LastWeek: o.NoValues(); return Within(o, sunday.AddDays(-7), sunday);
            case ConditionOperator.NextWeek: o.NoValues(); return Within(o, sunday.AddDays(7), sunday.AddDays(14));
            case ConditionOperator.ThisMonth: o.NoValues(); return Within(o, month, month.AddMonths(1));
            case ConditionOperator.LastMonth: o.NoValues(); return Within(o, month.AddMonths(-1), month);
            case ConditionOperator.NextMonth: o.NoValues(); return Within(o, month.AddMonths(1), month.AddMonths(2));
            case ConditionOperator.ThisYear: o.NoValues(); return Within(o, year, year.AddYears(1));
            case ConditionOperator.LastYear: o.NoValues(); return Within(o, year.AddYears(-1), year);
            case ConditionOperator.NextYear: o.NoValues(); return Within(o, year.AddYears(1), year.AddYears(2));
            case ConditionOperator.LastXHours: { var x = TimeBased(o); return Through(o, now.AddHours(-x), now); }
            case ConditionOperator.NextXHours: { var x = TimeBased(o); return Through(o, now, now.AddHours(x)); }
            case ConditionOperator.LastXDays: { var x = o.SingleInt(); return Through(o, today.AddDays(-x), now); }
            case ConditionOperator.NextXDays: { var x = o.SingleInt(); return Within(o, now, today.AddDays(x + 1)); }
            case ConditionOperator.LastXWeeks: { var x = o.SingleInt(); return Through(o, today.AddDays(-7 * x), now); }
            case ConditionOperator.NextXWeeks: { var x = o.SingleInt(); return Within(o, now, today.AddDays(7 * x + 1)); }
            case ConditionOperator.LastXMonths: { var x = o.SingleInt(); return Through(o, today.AddMonths(-x), now); }
            case ConditionOperator.NextXMonths: { var x = o.SingleInt(); return Within(o, now, today.AddMonths(x).AddDays(1)); }
            case ConditionOperator.LastXYears: { var x = o.SingleInt(); return Through(o, today.AddYears(-x), now); }
            case ConditionOperator.NextXYears: { var x = o.SingleInt(); return Within(o, now, today.AddYears(x).AddDays(1)); }
            case ConditionOperator.OlderThanXMinutes: { var x = TimeBased(o); return Before(o, now.AddMinutes(-x)); }
            case ConditionOperator.OlderThanXHours: { var x = TimeBased(o); return Before(o, now.AddHours(-x)); }
            case ConditionOperator.OlderThanXDays: { var x = o.SingleInt(); return Before(o, now.AddDays(-x)); }
            case ConditionOperator.OlderThanXWeeks: { var x = o.SingleInt(); return Before(o, now.AddDays(-7 * x)); }
            case ConditionOperator.OlderThanXMonths: { var x = o.SingleInt(); return Before(o, now.AddMonths(-x)); }
            case ConditionOperator.OlderThanXYears: { var x = o.SingleInt(); return Before(o, now.AddYears(-x)); }
            default: return null;
        }
    }

    /// <summary>[from, to): the value is on or after from and before to.</summary>
    private static ValueTest Within(ConditionOperand o, DateTime from, DateTime to) => raw => Values.Normalize(raw) is DateTime v && v >= from && v < to;

    /// <summary>[from, to]: both ends included.</summary>
    private static ValueTest Through(ConditionOperand o, DateTime from, DateTime to) => raw => Values.Normalize(raw) is DateTime v && v >= from && v <= to;

    private static ValueTest Before(ConditionOperand o, DateTime limit) => raw => Values.Normalize(raw) is DateTime v && v < limit;

    /// <summary>Hour and minute operators are not valid on a date-only column (behavior-format-date-time-attribute.md).</summary>
    private static int TimeBased(ConditionOperand o)
    {
        if (o.Column.Behavior == "DateOnly")
            throw Faults.InvalidArgument("The ConditionOperator." + o.OperatorName + " is not valid for the date-only attribute '" + o.Column.LogicalName + "'.");
        return o.SingleInt();
    }

    private static DateTime DateOf(object? value) => value is DateTime d ? d.Date : throw Faults.InvalidArgument("A date value is required.");
}
