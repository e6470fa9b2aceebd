using System.Globalization;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.WebApi;

/// <summary>QueryExpression -> FetchXML, so every query travels as fetchXml= (the Web API has no QueryExpression).</summary>
public static class FetchXmlBuilder
{
    private static readonly Dictionary<ConditionOperator, string> Operators = new()
    {
        [ConditionOperator.Equal] = "eq", [ConditionOperator.NotEqual] = "ne", [ConditionOperator.GreaterThan] = "gt",
        [ConditionOperator.GreaterEqual] = "ge", [ConditionOperator.LessThan] = "lt", [ConditionOperator.LessEqual] = "le",
        [ConditionOperator.Like] = "like", [ConditionOperator.NotLike] = "not-like", [ConditionOperator.In] = "in", [ConditionOperator.NotIn] = "not-in",
        [ConditionOperator.Between] = "between", [ConditionOperator.NotBetween] = "not-between", [ConditionOperator.Null] = "null",
        [ConditionOperator.NotNull] = "not-null", [ConditionOperator.Yesterday] = "yesterday", [ConditionOperator.Today] = "today",
        [ConditionOperator.Tomorrow] = "tomorrow", [ConditionOperator.Last7Days] = "last-seven-days", [ConditionOperator.Next7Days] = "next-seven-days",
        [ConditionOperator.LastXHours] = "last-x-hours", [ConditionOperator.NextXHours] = "next-x-hours", [ConditionOperator.LastXDays] = "last-x-days",
        [ConditionOperator.NextXDays] = "next-x-days", [ConditionOperator.OlderThanXDays] = "olderthan-x-days", [ConditionOperator.OlderThanXMonths] = "olderthan-x-months",
        [ConditionOperator.On] = "on", [ConditionOperator.OnOrBefore] = "on-or-before", [ConditionOperator.OnOrAfter] = "on-or-after", [ConditionOperator.NotOn] = "not-on",
        [ConditionOperator.EqualUserId] = "eq-userid", [ConditionOperator.NotEqualUserId] = "ne-userid", [ConditionOperator.EqualBusinessId] = "eq-businessid",
        [ConditionOperator.BeginsWith] = "begins-with", [ConditionOperator.DoesNotBeginWith] = "not-begin-with", [ConditionOperator.EndsWith] = "ends-with",
        [ConditionOperator.DoesNotEndWith] = "not-end-with", [ConditionOperator.ContainValues] = "contain-values", [ConditionOperator.DoesNotContainValues] = "not-contain-values",
    };

    public static string Build(QueryExpression query, int? defaultPageSize = null)
    {
        var fetch = new XElement("fetch");
        if (query.Distinct) fetch.SetAttributeValue("distinct", "true");
        if (query.NoLock) fetch.SetAttributeValue("no-lock", "true");
        if (query.TopCount is int top) fetch.SetAttributeValue("top", top);
        var paging = query.PageInfo;
        if (paging != null && (paging.Count > 0 || paging.PageNumber > 0))
        {
            fetch.SetAttributeValue("count", paging.Count > 0 ? paging.Count : defaultPageSize ?? 5000);
            fetch.SetAttributeValue("page", Math.Max(1, paging.PageNumber));
            if (!string.IsNullOrEmpty(paging.PagingCookie)) fetch.SetAttributeValue("paging-cookie", paging.PagingCookie);
            if (paging.ReturnTotalRecordCount) fetch.SetAttributeValue("returntotalrecordcount", "true");
        }
        var entity = new XElement("entity", new XAttribute("name", query.EntityName));
        AddColumns(entity, query.ColumnSet);
        foreach (var order in query.Orders) entity.Add(Order(order));
        AddFilter(entity, query.Criteria);
        foreach (var link in query.LinkEntities) entity.Add(Link(link));
        fetch.Add(entity);
        return fetch.ToString(SaveOptions.DisableFormatting);
    }

    public static QueryExpression FromQueryByAttribute(QueryByAttribute query)
    {
        var expression = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet, PageInfo = query.PageInfo, TopCount = query.TopCount };
        for (var i = 0; i < query.Attributes.Count; i++) expression.Criteria.AddCondition(query.Attributes[i], ConditionOperator.Equal, query.Values[i]);
        foreach (var order in query.Orders) expression.Orders.Add(order);
        return expression;
    }

    private static void AddColumns(XElement element, ColumnSet? columns)
    {
        if (columns == null) return;
        if (columns.AllColumns) element.Add(new XElement("all-attributes"));
        else foreach (var column in columns.Columns) element.Add(new XElement("attribute", new XAttribute("name", column)));
    }

    private static XElement Order(OrderExpression order)
    {
        var element = new XElement("order", new XAttribute("attribute", order.AttributeName));
        if (order.OrderType == OrderType.Descending) element.SetAttributeValue("descending", "true");
        if (!string.IsNullOrEmpty(order.EntityName)) element.SetAttributeValue("entityname", order.EntityName);
        return element;
    }

    private static void AddFilter(XElement parent, FilterExpression? filter)
    {
        if (filter == null || filter.Conditions.Count == 0 && filter.Filters.Count == 0) return;
        parent.Add(Filter(filter));
    }

    private static XElement Filter(FilterExpression filter)
    {
        var element = new XElement("filter", new XAttribute("type", filter.FilterOperator == LogicalOperator.Or ? "or" : "and"));
        foreach (var condition in filter.Conditions) element.Add(Condition(condition));
        foreach (var child in filter.Filters)
            if (child.Conditions.Count > 0 || child.Filters.Count > 0) element.Add(Filter(child));
        return element;
    }

    private static XElement Condition(ConditionExpression condition)
    {
        if (!Operators.TryGetValue(condition.Operator, out var name))
            throw new NotSupportedException("Condition operator " + condition.Operator + " has no FetchXML form in the Web API client.");
        var element = new XElement("condition", new XAttribute("attribute", condition.AttributeName), new XAttribute("operator", name));
        if (!string.IsNullOrEmpty(condition.EntityName)) element.SetAttributeValue("entityname", condition.EntityName);
        var values = condition.Values.SelectMany(Flatten).ToList();
        if (condition.Operator is ConditionOperator.In or ConditionOperator.NotIn or ConditionOperator.Between or ConditionOperator.NotBetween or ConditionOperator.ContainValues or ConditionOperator.DoesNotContainValues)
            foreach (var value in values) element.Add(new XElement("value", Text(value)));
        else if (values.Count == 1) element.SetAttributeValue("value", Text(values[0]));
        return element;
    }

    private static IEnumerable<object?> Flatten(object? value)
        => value is System.Collections.IEnumerable list and not string ? list.Cast<object?>() : new[] { value };

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateTime date => ODataValues.WriteDateTime(date),
        Guid guid => guid.ToString("D"),
        EntityReference reference => reference.Id.ToString("D"),
        OptionSetValue option => option.Value.ToString(CultureInfo.InvariantCulture),
        Money money => money.Value.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "1" : "0",
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static XElement Link(LinkEntity link)
    {
        // In FetchXML "from" is the linked table's column and "to" the parent's.
        var element = new XElement("link-entity",
            new XAttribute("name", link.LinkToEntityName),
            new XAttribute("from", link.LinkToAttributeName),
            new XAttribute("to", link.LinkFromAttributeName),
            new XAttribute("link-type", link.JoinOperator == JoinOperator.LeftOuter ? "outer" : "inner"));
        if (!string.IsNullOrEmpty(link.EntityAlias)) element.SetAttributeValue("alias", link.EntityAlias);
        AddColumns(element, link.Columns);
        foreach (var order in link.Orders) element.Add(Order(order));
        AddFilter(element, link.LinkCriteria);
        foreach (var child in link.LinkEntities) element.Add(Link(child));
        return element;
    }
}
