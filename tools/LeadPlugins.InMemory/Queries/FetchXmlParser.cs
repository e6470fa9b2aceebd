using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>FetchXML: validated against Microsoft's Fetch.xsd when it is available, then parsed into a QueryExpression.</summary>
internal sealed class FetchXmlParser
{
    private readonly Lazy<XmlSchemaSet?> _fetchSchema;
    private readonly string? _schemasDirectory;
    private readonly List<string> _diagnostics;

    public FetchXmlParser(string? schemasDirectory, List<string> diagnostics)
    {
        _schemasDirectory = schemasDirectory;
        _diagnostics = diagnostics;
        _fetchSchema = new Lazy<XmlSchemaSet?>(LoadFetchSchema);
    }

    private static readonly Dictionary<string, ConditionOperator> FetchOperators = new(StringComparer.Ordinal)
    {
        ["eq"] = ConditionOperator.Equal, ["neq"] = ConditionOperator.NotEqual, ["ne"] = ConditionOperator.NotEqual,
        ["gt"] = ConditionOperator.GreaterThan, ["ge"] = ConditionOperator.GreaterEqual, ["lt"] = ConditionOperator.LessThan, ["le"] = ConditionOperator.LessEqual,
        ["like"] = ConditionOperator.Like, ["not-like"] = ConditionOperator.NotLike, ["in"] = ConditionOperator.In, ["not-in"] = ConditionOperator.NotIn,
        ["between"] = ConditionOperator.Between, ["not-between"] = ConditionOperator.NotBetween, ["null"] = ConditionOperator.Null, ["not-null"] = ConditionOperator.NotNull,
        ["yesterday"] = ConditionOperator.Yesterday, ["today"] = ConditionOperator.Today, ["tomorrow"] = ConditionOperator.Tomorrow,
        ["last-seven-days"] = ConditionOperator.Last7Days, ["next-seven-days"] = ConditionOperator.Next7Days,
        ["last-x-hours"] = ConditionOperator.LastXHours, ["next-x-hours"] = ConditionOperator.NextXHours,
        ["last-x-days"] = ConditionOperator.LastXDays, ["next-x-days"] = ConditionOperator.NextXDays,
        ["olderthan-x-days"] = ConditionOperator.OlderThanXDays, ["olderthan-x-months"] = ConditionOperator.OlderThanXMonths,
        ["olderthan-x-minutes"] = ConditionOperator.OlderThanXMinutes, ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
        ["olderthan-x-weeks"] = ConditionOperator.OlderThanXWeeks, ["olderthan-x-years"] = ConditionOperator.OlderThanXYears,
        ["last-week"] = ConditionOperator.LastWeek, ["this-week"] = ConditionOperator.ThisWeek, ["next-week"] = ConditionOperator.NextWeek,
        ["last-month"] = ConditionOperator.LastMonth, ["this-month"] = ConditionOperator.ThisMonth, ["next-month"] = ConditionOperator.NextMonth,
        ["last-year"] = ConditionOperator.LastYear, ["this-year"] = ConditionOperator.ThisYear, ["next-year"] = ConditionOperator.NextYear,
        ["last-x-weeks"] = ConditionOperator.LastXWeeks, ["next-x-weeks"] = ConditionOperator.NextXWeeks,
        ["last-x-months"] = ConditionOperator.LastXMonths, ["next-x-months"] = ConditionOperator.NextXMonths,
        ["last-x-years"] = ConditionOperator.LastXYears, ["next-x-years"] = ConditionOperator.NextXYears,
        ["ne-businessid"] = ConditionOperator.NotEqualBusinessId, ["eq-userteams"] = ConditionOperator.EqualUserTeams,
        ["eq-useroruserteams"] = ConditionOperator.EqualUserOrUserTeams,
        ["on"] = ConditionOperator.On, ["on-or-before"] = ConditionOperator.OnOrBefore, ["on-or-after"] = ConditionOperator.OnOrAfter, ["not-on"] = ConditionOperator.NotOn,
        ["eq-userid"] = ConditionOperator.EqualUserId, ["ne-userid"] = ConditionOperator.NotEqualUserId, ["eq-businessid"] = ConditionOperator.EqualBusinessId,
        ["begins-with"] = ConditionOperator.BeginsWith, ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith, ["not-end-with"] = ConditionOperator.DoesNotEndWith,
        ["contain-values"] = ConditionOperator.ContainValues, ["not-contain-values"] = ConditionOperator.DoesNotContainValues,
    };

    /// <summary>Attributes Microsoft's FetchXML docs define that the 9.0 Fetch.xsd does not declare (aggregatelimit: "Aggregate data using FetchXml").</summary>
    private static readonly string[] NewerThanSchema = { "aggregatelimit" };

    /// <summary>Where Fetch.xsd was found, or null when FetchXML is not validated.</summary>
    public string? FetchSchemaPath
    {
        get
        {
            _ = _fetchSchema.Value;
            return _schemaPath;
        }
    }

    private string? _schemaPath;

    private XmlSchemaSet? LoadFetchSchema()
    {
        var path = LocateFetchSchema();
        if (path == null)
        {
            _diagnostics.Add("Fetch.xsd was not found (set LEADPLUGINS_SCHEMAS or keep shared/schemas/dataverse beside the repository): FetchXML is parsed without schema validation.");
            System.Diagnostics.Trace.WriteLine(_diagnostics[^1]);
            return null;
        }
        var set = new XmlSchemaSet();
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            set.Add(null, reader);
        set.Compile();
        _schemaPath = path;
        return set;
    }

    private string? LocateFetchSchema()
    {
        var candidates = new List<string?> { _schemasDirectory, Environment.GetEnvironmentVariable("LEADPLUGINS_SCHEMAS") };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "shared", "schemas", "dataverse"));
        return candidates.Where(c => !string.IsNullOrEmpty(c)).Select(c => Path.Combine(c!, "Fetch.xsd")).FirstOrDefault(File.Exists);
    }

    public FetchQuery Parse(string fetchXml)
    {
        if (string.IsNullOrWhiteSpace(fetchXml)) throw Faults.InvalidArgument("Xml String can't be null.");
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            var schema = _fetchSchema.Value;
            if (schema != null)
            {
                settings.ValidationType = ValidationType.Schema;
                settings.Schemas = schema;
                settings.ValidationEventHandler += (_, e) =>
                {
                    // Documented attributes newer than the 9.0 Fetch.xsd are accepted (docs win over the older schema).
                    if (NewerThanSchema.Any(a => e.Message.Contains("'" + a + "'", StringComparison.Ordinal))) return;
                    if (e.Severity == XmlSeverityType.Error) throw e.Exception ?? new XmlSchemaValidationException(e.Message);
                };
            }
            using var reader = XmlReader.Create(new StringReader(fetchXml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw Faults.Create(ErrorCodes.InvalidQuery, "Invalid FetchXML: " + e.Message);
        }
        catch (XmlSchemaValidationException e)
        {
            throw Faults.Create(ErrorCodes.InvalidQuery, "FetchXML is not valid against Fetch.xsd: " + e.Message);
        }
        var fetch = document.Root!;
        if (fetch.Name.LocalName != "fetch") throw Faults.Create(ErrorCodes.InvalidQuery, "Invalid FetchXML: the root element must be <fetch>.");
        var aggregate = Bool(fetch, "aggregate") ? new AggregateSpec(Int(fetch, "aggregatelimit")) : null;
        var entity = fetch.Element("entity") ?? throw Faults.Create(ErrorCodes.InvalidQuery, "Invalid FetchXML: <entity> is missing.");
        var query = new QueryExpression((string?)entity.Attribute("name")) { Distinct = Bool(fetch, "distinct"), NoLock = Bool(fetch, "no-lock") };
        if (Int(fetch, "top") is int top) query.TopCount = top;
        var count = Int(fetch, "count");
        var page = Int(fetch, "page");
        if (count != null || page != null || Bool(fetch, "returntotalrecordcount"))
        {
            query.PageInfo = new PagingInfo
            {
                Count = count ?? 0,
                PageNumber = page ?? (count != null ? 1 : 0),
                PagingCookie = (string?)fetch.Attribute("paging-cookie"),
                ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount"),
            };
        }
        query.ColumnSet = ReadColumns(entity, null, aggregate);
        foreach (var filter in entity.Elements("filter")) query.Criteria.AddFilter(ReadFilter(filter));
        ReadOrders(entity, query.Orders, null, aggregate);
        foreach (var link in entity.Elements("link-entity")) query.LinkEntities.Add(ReadLink(link, query.EntityName, aggregate));
        return new FetchQuery(query, aggregate);
    }

    /// <summary>The columns of a plain query; in an aggregate query each attribute becomes an aggregate or group-by column instead.</summary>
    private static ColumnSet ReadColumns(XElement element, LinkEntity? link, AggregateSpec? aggregate)
    {
        if (aggregate != null)
        {
            if (element.Element("all-attributes") != null)
                throw Faults.Create(ErrorCodes.InvalidQuery, "An attribute can not be requested when an aggregate operation has been specified and its neither groupby nor aggregate.  NodeXml : <all-attributes />");
            foreach (var attribute in element.Elements("attribute")) aggregate.Columns.Add(AggregateColumn.Read(attribute, link));
            return new ColumnSet();
        }
        if (element.Element("all-attributes") != null) return new ColumnSet(true);
        var columns = new ColumnSet();
        foreach (var attribute in element.Elements("attribute"))
        {
            if (attribute.Attribute("alias") != null || attribute.Attribute("aggregate") != null || attribute.Attribute("groupby") != null)
                throw new NotSimulatedException("Attribute aliases, aggregates and groupby in FetchXML need aggregate='true' on <fetch> in the LeadPlugins in-memory Dataverse.");
            columns.AddColumn((string?)attribute.Attribute("name") ?? string.Empty);
        }
        return columns;
    }

    private static void ReadOrders(XElement element, Microsoft.Xrm.Sdk.DataCollection<OrderExpression> orders, LinkEntity? link, AggregateSpec? aggregate)
    {
        foreach (var order in element.Elements("order"))
        {
            if (aggregate != null) aggregate.Orders.Add(new AggregateOrder(link, (string?)order.Attribute("alias"), (string?)order.Attribute("attribute"), Bool(order, "descending")));
            else orders.Add(ReadOrder(order));
        }
    }

    private static OrderExpression ReadOrder(XElement order)
        => new((string?)order.Attribute("attribute") ?? string.Empty, Bool(order, "descending") ? OrderType.Descending : OrderType.Ascending)
        {
            EntityName = (string?)order.Attribute("entityname"),
        };

    private static LinkEntity ReadLink(XElement element, string fromEntity, AggregateSpec? aggregate)
    {
        var type = (string?)element.Attribute("link-type") ?? "inner";
        var join = type switch
        {
            "inner" => JoinOperator.Inner,
            "outer" => JoinOperator.LeftOuter,
            "natural" => JoinOperator.Natural,
            "matchfirstrowusingcrossapply" => JoinOperator.MatchFirstRowUsingCrossApply,
            "in" => JoinOperator.In,
            "exists" => JoinOperator.Exists,
            "any" => JoinOperator.Any,
            "not any" or "not-any" => JoinOperator.NotAny,
            "all" => JoinOperator.All,
            "not all" or "not-all" => JoinOperator.NotAll,
            _ => throw Faults.Create(ErrorCodes.InvalidQuery, "Invalid link-type '" + type + "' in FetchXML."),
        };
        // In FetchXML "from" names the linked entity's column and "to" the parent's.
        var link = new LinkEntity(fromEntity, (string?)element.Attribute("name"), (string?)element.Attribute("to"), (string?)element.Attribute("from"), join)
        {
            EntityAlias = (string?)element.Attribute("alias"),
        };
        link.Columns = ReadColumns(element, link, aggregate);
        foreach (var filter in element.Elements("filter")) link.LinkCriteria.AddFilter(ReadFilter(filter));
        ReadOrders(element, link.Orders, link, aggregate);
        foreach (var child in element.Elements("link-entity")) link.LinkEntities.Add(ReadLink(child, link.LinkToEntityName, aggregate));
        return link;
    }

    private static FilterExpression ReadFilter(XElement element)
    {
        var filter = new FilterExpression((string?)element.Attribute("type") == "or" ? LogicalOperator.Or : LogicalOperator.And);
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == "filter") filter.AddFilter(ReadFilter(child));
            else if (child.Name.LocalName == "condition") filter.AddCondition(ReadCondition(child));
        }
        return filter;
    }

    private static ConditionExpression ReadCondition(XElement element)
    {
        var name = (string?)element.Attribute("operator") ?? string.Empty;
        if (!FetchOperators.TryGetValue(name, out var op))
            throw new NotSimulatedException("FetchXML operator '" + name + "' is not simulated by the LeadPlugins in-memory Dataverse.");
        var values = new List<object>();
        if (element.Attribute("value") is { } single) values.Add(single.Value);
        values.AddRange(element.Elements("value").Select(v => (object)v.Value));
        return new ConditionExpression((string?)element.Attribute("entityname"), (string?)element.Attribute("attribute"), op, values.ToArray());
    }

    internal static bool Bool(XElement element, string name)
        => (string?)element.Attribute(name) is { } text && (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase));

    internal static int? Int(XElement element, string name)
        => (string?)element.Attribute(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
