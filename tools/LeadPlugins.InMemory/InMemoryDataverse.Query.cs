using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>
/// Queries: QueryExpression, QueryByAttribute and FetchXML (parsed into a QueryExpression) run by one engine with the
/// server's rules: case-insensitive strings, ne matches null, ranges never do, value counts and types checked up front.
/// </summary>
public sealed partial class InMemoryDataverse
{
    private const int DefaultPageSize = 5000;

    private OrganizationResponse RetrieveMultipleCore(RequestContext context)
    {
        var query = RequiredParameter<QueryBase>(context.Request, "Query");
        var expression = query switch
        {
            QueryExpression q => q,
            QueryByAttribute q => FromQueryByAttribute(q),
            FetchExpression f => ParseFetchXml(f.Query),
            _ => throw new NotSimulatedException("Query type " + query.GetType().Name + " is not simulated by the LeadPlugins in-memory Dataverse."),
        };
        return new RetrieveMultipleResponse { Results = { ["EntityCollection"] = RunQuery(expression, context.Call.UserId) } };
    }

    private static QueryExpression FromQueryByAttribute(QueryByAttribute query)
    {
        if (query.Attributes.Count != query.Values.Count)
            throw Faults.InvalidArgument("QueryByAttribute: the number of attributes (" + query.Attributes.Count + ") and values (" + query.Values.Count + ") differ.");
        var expression = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet ?? new ColumnSet(), TopCount = query.TopCount };
        if (query.PageInfo != null) expression.PageInfo = query.PageInfo;
        for (var i = 0; i < query.Attributes.Count; i++)
        {
            var value = query.Values[i];
            expression.Criteria.Conditions.Add(value == null
                ? new ConditionExpression(query.Attributes[i], ConditionOperator.Null)
                : new ConditionExpression(query.Attributes[i], ConditionOperator.Equal, value));
        }
        foreach (var order in query.Orders) expression.Orders.Add(order);
        return expression;
    }

    // ---------- compiled query ----------

    private sealed class LinkInfo
    {
        public required LinkEntity Link { get; init; }
        public required TableSchema Table { get; init; }
        public required TableSchema ParentTable { get; init; }
        public required string Alias { get; init; }
        public required string ParentAlias { get; init; }
        public List<LinkInfo> Children { get; } = new();
        public Func<Dictionary<string, Entity?>, bool>? Criteria { get; set; }
    }

    private sealed class Scope
    {
        public Scope(TableSchema root) { Root = root; }
        public TableSchema Root { get; }
        public Dictionary<string, TableSchema> Aliases { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> AliasCounters { get; } = new(StringComparer.Ordinal);
    }

    internal EntityCollection RunQuery(QueryExpression query, Guid userId)
    {
        if (string.IsNullOrEmpty(query.EntityName)) throw Faults.RequiredField("EntityName");
        var root = Schema.GetTable(query.EntityName);
        var paging = query.PageInfo;
        if (query.TopCount != null && paging != null && (paging.Count > 0 || paging.PageNumber > 0)) throw Faults.TopCountWithPaging(query.TopCount.Value);
        var columns = query.ColumnSet ?? new ColumnSet();
        ValidateColumns(root, columns);

        var scope = new Scope(root);
        scope.Aliases[string.Empty] = root;
        var links = query.LinkEntities.Select(l => CompileLink(l, root, string.Empty, scope)).ToList();
        var criteria = CompileFilter(query.Criteria, string.Empty, scope, userId);
        foreach (var link in Flatten(links)) link.Criteria = CompileFilter(link.Link.LinkCriteria, link.Alias, scope, userId);
        var orders = CompileOrders(query, links, scope);

        var data = _store.Table(root.LogicalName);
        IEnumerable<Entity> candidates = data.Rows;
        if (IndexedCandidates(query.Criteria, root, data) is { } indexed)
            candidates = indexed.Select(id => data.Find(id)!).ToList();

        var rows = new List<Dictionary<string, Entity?>>();
        var probe = new Dictionary<string, Entity?>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (links.Count == 0)
            {
                // No joins: test the row in a reused scope and allocate only for matches (scans stay cheap).
                probe[string.Empty] = candidate;
                if (criteria(probe)) rows.Add(new Dictionary<string, Entity?>(StringComparer.Ordinal) { [string.Empty] = candidate });
                continue;
            }
            IEnumerable<Dictionary<string, Entity?>> joined = new[] { new Dictionary<string, Entity?>(StringComparer.Ordinal) { [string.Empty] = candidate } };
            foreach (var link in links) joined = joined.SelectMany(r => Expand(r, link)).ToList();
            rows.AddRange(joined.Where(r => criteria(r)));
        }

        IEnumerable<Dictionary<string, Entity?>> ordered = rows;
        if (orders.Count > 0)
        {
            IOrderedEnumerable<Dictionary<string, Entity?>>? sorted = null;
            foreach (var (alias, attribute, descending) in orders)
            {
                Func<Dictionary<string, Entity?>, object?> key = r => r.TryGetValue(alias, out var e) && e != null && e.Attributes.TryGetValue(attribute, out var v) ? v : null;
                var comparer = Comparer<object?>.Create(Values.Compare);
                sorted = sorted == null
                    ? (descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer))
                    : (descending ? sorted.ThenByDescending(key, comparer) : sorted.ThenBy(key, comparer));
            }
            ordered = sorted!;
        }

        var projected = ordered.Select(r => ProjectJoined(root, r, columns, links, query.Distinct)).ToList();
        if (query.Distinct)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            projected = projected.Where(e => seen.Add(string.Join("|", e.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + System.Convert.ToString(Values.IndexKey(p.Value is AliasedValue a ? a.Value : p.Value), CultureInfo.InvariantCulture))))).ToList();
        }

        var result = new EntityCollection { EntityName = root.LogicalName, TotalRecordCount = -1 };
        var total = projected.Count;
        if (query.TopCount is int top)
        {
            result.Entities.AddRange(projected.Take(top));
        }
        else
        {
            var size = paging != null && paging.Count > 0 ? paging.Count : DefaultPageSize;
            var page = paging != null && paging.PageNumber > 0 ? paging.PageNumber : 1;
            var pageRows = projected.Skip((page - 1) * size).Take(size).ToList();
            result.Entities.AddRange(pageRows);
            result.MoreRecords = total > page * size;
            if (pageRows.Count > 0)
            {
                result.PagingCookie = new XElement("cookie", new XAttribute("page", page),
                    new XElement(root.PrimaryId, new XAttribute("last", pageRows[^1].Id.ToString("B").ToUpperInvariant()),
                        new XAttribute("first", pageRows[0].Id.ToString("B").ToUpperInvariant()))).ToString(SaveOptions.DisableFormatting);
            }
            if (paging != null && paging.ReturnTotalRecordCount)
            {
                result.TotalRecordCount = Math.Min(total, DefaultPageSize);
                result.TotalRecordCountLimitExceeded = total > DefaultPageSize;
            }
        }
        return result;
    }

    private static IEnumerable<LinkInfo> Flatten(IEnumerable<LinkInfo> links) => links.SelectMany(l => new[] { l }.Concat(Flatten(l.Children)));

    private LinkInfo CompileLink(LinkEntity link, TableSchema parent, string parentAlias, Scope scope)
    {
        if (link.JoinOperator is not (JoinOperator.Inner or JoinOperator.LeftOuter))
            throw new NotSimulatedException("JoinOperator." + link.JoinOperator + " is not simulated by the LeadPlugins in-memory Dataverse (Inner and LeftOuter are).");
        var table = Schema.GetTable(link.LinkToEntityName);
        if (parent.FindColumn(link.LinkFromAttributeName ?? string.Empty) == null) throw Faults.NoAttribute(parent.LogicalName, link.LinkFromAttributeName ?? string.Empty);
        if (table.FindColumn(link.LinkToAttributeName ?? string.Empty) == null) throw Faults.NoAttribute(table.LogicalName, link.LinkToAttributeName ?? string.Empty);
        ValidateColumns(table, link.Columns ?? new ColumnSet());
        var alias = link.EntityAlias;
        if (string.IsNullOrEmpty(alias))
        {
            var n = scope.AliasCounters.TryGetValue(table.LogicalName, out var c) ? c + 1 : 1;
            scope.AliasCounters[table.LogicalName] = n;
            alias = table.LogicalName + n.ToString(CultureInfo.InvariantCulture);
        }
        if (scope.Aliases.ContainsKey(alias)) throw Faults.InvalidArgument("Duplicate link-entity alias '" + alias + "'.");
        scope.Aliases[alias] = table;
        var info = new LinkInfo { Link = link, Table = table, ParentTable = parent, Alias = alias, ParentAlias = parentAlias };
        foreach (var child in link.LinkEntities) info.Children.Add(CompileLink(child, table, alias, scope));
        return info;
    }

    private IEnumerable<Dictionary<string, Entity?>> Expand(Dictionary<string, Entity?> row, LinkInfo link)
    {
        var parent = row.TryGetValue(link.ParentAlias, out var p) ? p : null;
        var matches = new List<Dictionary<string, Entity?>>();
        if (parent != null && parent.Attributes.TryGetValue(link.Link.LinkFromAttributeName, out var from) && from != null)
        {
            var data = _store.Table(link.Table.LogicalName);
            var candidates = link.Link.LinkToAttributeName == link.Table.PrimaryId
                ? (Values.Normalize(from) is Guid id && data.Find(id) is { } single ? new[] { single } : Array.Empty<Entity>())
                : data.Lookup(link.Link.LinkToAttributeName, from).Select(i => data.Find(i)!).ToArray();
            foreach (var candidate in candidates)
            {
                var extended = new Dictionary<string, Entity?>(row, StringComparer.Ordinal) { [link.Alias] = candidate };
                if (link.Criteria != null && !link.Criteria(extended)) continue;
                IEnumerable<Dictionary<string, Entity?>> nested = new[] { extended };
                foreach (var child in link.Children) nested = nested.SelectMany(r => Expand(r, child)).ToList();
                matches.AddRange(nested);
            }
        }
        if (matches.Count > 0 || link.Link.JoinOperator == JoinOperator.Inner) return matches;
        var outer = new Dictionary<string, Entity?>(row, StringComparer.Ordinal) { [link.Alias] = null };
        foreach (var child in Flatten(link.Children)) outer[child.Alias] = null;
        return new[] { outer };
    }

    private static Entity ProjectJoined(TableSchema root, Dictionary<string, Entity?> row, ColumnSet columns, List<LinkInfo> links, bool distinct)
    {
        var rootRow = row[string.Empty]!;
        var result = Project(root, rootRow, columns);
        if (distinct && !columns.AllColumns && !columns.Columns.Contains(root.PrimaryId))
        {
            result.Attributes.Remove(root.PrimaryId);
            result.Id = Guid.Empty;
        }
        foreach (var link in Flatten(links))
        {
            if (!row.TryGetValue(link.Alias, out var linked) || linked == null) continue;
            var linkColumns = link.Link.Columns ?? new ColumnSet();
            var names = linkColumns.AllColumns ? linked.Attributes.Keys.ToList() : linkColumns.Columns.ToList();
            foreach (var name in names)
                if (linked.Attributes.TryGetValue(name, out var value) && value != null)
                    result.Attributes[link.Alias + "." + name] = new AliasedValue(link.Table.LogicalName, name, Values.CloneValue(value));
        }
        return result;
    }

    private List<(string Alias, string Attribute, bool Descending)> CompileOrders(QueryExpression query, List<LinkInfo> links, Scope scope)
    {
        var orders = new List<(string, string, bool)>();
        foreach (var order in query.Orders)
        {
            var alias = order.EntityName ?? string.Empty;
            if (alias == scope.Root.LogicalName) alias = string.Empty;
            if (!scope.Aliases.TryGetValue(alias, out var table)) throw Faults.InvalidArgument("Unknown alias '" + alias + "' in order.");
            if (table.FindColumn(order.AttributeName) == null) throw Faults.NoAttribute(table.LogicalName, order.AttributeName);
            orders.Add((alias, order.AttributeName, order.OrderType == OrderType.Descending));
        }
        foreach (var link in Flatten(links))
            foreach (var order in link.Link.Orders)
            {
                if (link.Table.FindColumn(order.AttributeName) == null) throw Faults.NoAttribute(link.Table.LogicalName, order.AttributeName);
                orders.Add((link.Alias, order.AttributeName, order.OrderType == OrderType.Descending));
            }
        return orders;
    }

    /// <summary>
    /// The rows an Equal or In condition on a root column (reachable through AND filters only) allows, from hash indexes;
    /// the most selective such condition wins (e.g. emailaddress1 In (...) over statecode = 0). Null: scan.
    /// </summary>
    private static List<Guid>? IndexedCandidates(FilterExpression? criteria, TableSchema root, TableData data)
    {
        List<Guid>? best = null;
        foreach (var (column, values) in IndexableConditions(criteria, root))
        {
            var ids = new List<Guid>();
            var seen = values.Count > 1 ? new HashSet<Guid>() : null;
            foreach (var value in values)
                foreach (var id in data.Lookup(column, value))
                    if (seen == null || seen.Add(id)) ids.Add(id);
            if (best == null || ids.Count < best.Count) best = ids;
        }
        return best;
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
            var values = condition.Values.Select(v => ConvertConditionValue(root, column, v, equal ? "Equal" : "In")).ToList();
            if (values.All(v => v != null)) yield return (column.LogicalName, values!);
        }
        foreach (var child in filter.Filters)
            foreach (var found in IndexableConditions(child, root)) yield return found;
    }

    // ---------- filters and conditions ----------

    private Func<Dictionary<string, Entity?>, bool> CompileFilter(FilterExpression? filter, string defaultAlias, Scope scope, Guid userId)
    {
        if (filter == null) return _ => true;
        var parts = filter.Conditions.Select(c => CompileCondition(c, defaultAlias, scope, userId))
            .Concat(filter.Filters.Select(f => CompileFilter(f, defaultAlias, scope, userId))).ToList();
        if (parts.Count == 0) return _ => true;
        return filter.FilterOperator == LogicalOperator.Or ? r => parts.Any(p => p(r)) : r => parts.All(p => p(r));
    }

    private Func<Dictionary<string, Entity?>, bool> CompileCondition(ConditionExpression condition, string defaultAlias, Scope scope, Guid userId)
    {
        var alias = condition.EntityName ?? defaultAlias;
        if (alias == scope.Root.LogicalName && !scope.Aliases.ContainsKey(alias)) alias = string.Empty;
        if (!scope.Aliases.TryGetValue(alias, out var table))
            throw Faults.InvalidArgument("The link entity with alias '" + alias + "' is not found in the query.");
        var column = table.FindColumn(condition.AttributeName ?? string.Empty) ?? throw Faults.NoAttribute(table.LogicalName, condition.AttributeName ?? string.Empty);
        if (condition.CompareColumns) throw new NotSimulatedException("Column comparison conditions are not simulated by the LeadPlugins in-memory Dataverse.");
        var op = condition.Operator;
        var name = op.ToString();
        var raw = condition.Values.ToList();
        if (raw.Count == 1 && Values.IsCollectionValue(raw[0]) && raw[0] is not OptionSetValueCollection)
            throw Faults.InvalidArgument("Condition for attribute '" + table.LogicalName + "." + column.LogicalName + "': pass the values of " + name + " one by one, not as one " + raw[0]!.GetType().Name + ".");

        void Count(int expected)
        {
            if (raw.Count != expected) throw Faults.ConditionValueCount(name, expected, raw.Count, column.LogicalName);
        }
        void NoValues()
        {
            if (raw.Count != 0) throw Faults.ConditionRequiresNoValues(name);
        }
        object?[] Typed() => raw.Select(v => ConvertConditionValue(table, column, v, name)).ToArray();
        object? Value(Dictionary<string, Entity?> row)
            => row.TryGetValue(alias, out var e) && e != null && e.Attributes.TryGetValue(column.LogicalName, out var v) ? Values.Normalize(v) : null;
        var now = Now();

        switch (op)
        {
            case ConditionOperator.Equal: { Count(1); var c = Typed()[0]; return r => Values.AreEqual(Value(r), c); }
            case ConditionOperator.NotEqual: { Count(1); var c = Typed()[0]; return r => Value(r) is not { } v || !Values.AreEqual(v, c); }
            case ConditionOperator.GreaterThan: { Count(1); var c = Typed()[0]; return r => Value(r) is { } v && Values.Compare(v, c) > 0; }
            case ConditionOperator.GreaterEqual: { Count(1); var c = Typed()[0]; return r => Value(r) is { } v && Values.Compare(v, c) >= 0; }
            case ConditionOperator.LessThan: { Count(1); var c = Typed()[0]; return r => Value(r) is { } v && Values.Compare(v, c) < 0; }
            case ConditionOperator.LessEqual: { Count(1); var c = Typed()[0]; return r => Value(r) is { } v && Values.Compare(v, c) <= 0; }
            case ConditionOperator.Like: { Count(1); var rx = LikeRegex(Typed()[0]); return r => Value(r) is string s && rx.IsMatch(s); }
            case ConditionOperator.NotLike: { Count(1); var rx = LikeRegex(Typed()[0]); return r => Value(r) is not string s || !rx.IsMatch(s); }
            case ConditionOperator.BeginsWith: { Count(1); var rx = LikeRegex(Typed()[0] + "%", escape: true); return r => Value(r) is string s && rx.IsMatch(s); }
            case ConditionOperator.DoesNotBeginWith: { Count(1); var rx = LikeRegex(Typed()[0] + "%", escape: true); return r => Value(r) is not string s || !rx.IsMatch(s); }
            case ConditionOperator.EndsWith: { Count(1); var rx = LikeRegex("%" + Typed()[0], escape: true); return r => Value(r) is string s && rx.IsMatch(s); }
            case ConditionOperator.DoesNotEndWith: { Count(1); var rx = LikeRegex("%" + Typed()[0], escape: true); return r => Value(r) is not string s || !rx.IsMatch(s); }
            case ConditionOperator.Contains: { Count(1); var rx = LikeRegex("%" + Typed()[0] + "%", escape: true); return r => Value(r) is string s && rx.IsMatch(s); }
            case ConditionOperator.DoesNotContain: { Count(1); var rx = LikeRegex("%" + Typed()[0] + "%", escape: true); return r => Value(r) is not string s || !rx.IsMatch(s); }
            case ConditionOperator.In:
            {
                if (raw.Count == 0) throw Faults.ConditionValueCount(name, 1, 0, column.LogicalName);
                var set = Typed();
                return r => Value(r) is { } v && set.Any(c => Values.AreEqual(v, c));
            }
            case ConditionOperator.NotIn:
            {
                // not-in with an empty value is tolerated by the server (DynamicsValue/fake-xrm-easy#45).
                var set = raw.Where(v => v is not "").Select(v => ConvertConditionValue(table, column, v, name)).ToArray();
                return r => Value(r) is not { } v || !set.Any(c => Values.AreEqual(v, c));
            }
            case ConditionOperator.Between: { Count(2); var c = Typed(); return r => Value(r) is { } v && Values.Compare(v, c[0]) >= 0 && Values.Compare(v, c[1]) <= 0; }
            case ConditionOperator.NotBetween: { Count(2); var c = Typed(); return r => Value(r) is not { } v || Values.Compare(v, c[0]) < 0 || Values.Compare(v, c[1]) > 0; }
            case ConditionOperator.Null: NoValues(); return r => Value(r) == null;
            case ConditionOperator.NotNull: NoValues(); return r => Value(r) != null;
            case ConditionOperator.On: { Count(1); var d = DateOf(Typed()[0]); return r => Value(r) is DateTime v && v.Date == d; }
            case ConditionOperator.NotOn: { Count(1); var d = DateOf(Typed()[0]); return r => Value(r) is not DateTime v || v.Date != d; }
            case ConditionOperator.OnOrBefore: { Count(1); var d = DateOf(Typed()[0]); return r => Value(r) is DateTime v && v.Date <= d; }
            case ConditionOperator.OnOrAfter: { Count(1); var d = DateOf(Typed()[0]); return r => Value(r) is DateTime v && v.Date >= d; }
            case ConditionOperator.Today: NoValues(); return r => Value(r) is DateTime v && v.Date == now.Date;
            case ConditionOperator.Yesterday: NoValues(); return r => Value(r) is DateTime v && v.Date == now.Date.AddDays(-1);
            case ConditionOperator.Tomorrow: NoValues(); return r => Value(r) is DateTime v && v.Date == now.Date.AddDays(1);
            case ConditionOperator.Last7Days: NoValues(); return r => Value(r) is DateTime v && v >= now.Date.AddDays(-7) && v <= now;
            case ConditionOperator.Next7Days: NoValues(); return r => Value(r) is DateTime v && v >= now && v < now.Date.AddDays(8);
            case ConditionOperator.LastXDays: { Count(1); var x = IntOf(raw[0], name); return r => Value(r) is DateTime v && v >= now.Date.AddDays(-x) && v <= now; }
            case ConditionOperator.NextXDays: { Count(1); var x = IntOf(raw[0], name); return r => Value(r) is DateTime v && v >= now && v < now.Date.AddDays(x + 1); }
            case ConditionOperator.LastXHours: { Count(1); var x = IntOf(raw[0], name); return r => Value(r) is DateTime v && v >= now.AddHours(-x) && v <= now; }
            case ConditionOperator.NextXHours: { Count(1); var x = IntOf(raw[0], name); return r => Value(r) is DateTime v && v >= now && v <= now.AddHours(x); }
            case ConditionOperator.OlderThanXDays: { Count(1); var x = IntOf(raw[0], name); return r => Value(r) is DateTime v && v < now.AddDays(-x); }
            case ConditionOperator.OlderThanXMonths: { Count(1); var x = IntOf(raw[0], name); return r => Value(r) is DateTime v && v < now.AddMonths(-x); }
            case ConditionOperator.ContainValues:
            case ConditionOperator.DoesNotContainValues:
            {
                if (raw.Count == 0) throw Faults.ConditionValueCount(name, 1, 0, column.LogicalName);
                var wanted = raw.Select(v => IntOf(v, name)).ToHashSet();
                bool Contains(Dictionary<string, Entity?> r)
                    => r.TryGetValue(alias, out var e) && e != null && e.GetAttributeValue<OptionSetValueCollection>(column.LogicalName) is { } set && set.Any(o => wanted.Contains(o.Value));
                return op == ConditionOperator.ContainValues ? Contains : r => !Contains(r);
            }
            case ConditionOperator.EqualUserId: NoValues(); return r => Value(r) is Guid v && v == userId;
            case ConditionOperator.NotEqualUserId: NoValues(); return r => Value(r) is not Guid v || v != userId;
            case ConditionOperator.EqualBusinessId:
            {
                NoValues();
                var unit = _store.Find("systemuser", userId)?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? RootBusinessUnitId;
                return r => Value(r) is Guid v && v == unit;
            }
            default:
                throw new NotSimulatedException("ConditionOperator." + name + " is not simulated by the LeadPlugins in-memory Dataverse.");
        }
    }

    private static DateTime DateOf(object? value) => value is DateTime d ? d.Date : throw Faults.InvalidArgument("A date value is required.");

    private static int IntOf(object? value, string op) => value switch
    {
        int i => i,
        decimal d when d == Math.Truncate(d) => (int)d,
        long l => (int)l,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        OptionSetValue o => o.Value,
        _ => throw Faults.InvalidArgument("The ConditionOperator." + op + " requires an integer value."),
    };

    private static Regex LikeRegex(object? pattern, bool escape = false)
    {
        var text = pattern as string ?? System.Convert.ToString(pattern, CultureInfo.InvariantCulture) ?? string.Empty;
        var body = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (ch == '%') body.Append(".*");
            else if (ch == '_' && !escape) body.Append('.');
            else body.Append(Regex.Escape(ch.ToString()));
        }
        return new Regex("^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>The server types condition values by the column: a Guid column takes Guids (or their text), not EntityReferences.</summary>
    private static object? ConvertConditionValue(TableSchema table, ColumnSchema column, object? value, string op)
    {
        if (value == null) return null;
        var qualified = table.LogicalName + "." + column.LogicalName;
        System.ServiceModel.FaultException<OrganizationServiceFault> Wrong(string expected)
            => Faults.InvalidArgument("Condition for attribute '" + qualified + "': expected argument(s) of type '" + expected + "' but received '" + value.GetType().FullName + "'.");
        if (value is Enum) throw Wrong("System.Int32");
        switch (column.Type)
        {
            case ColumnType.Lookup:
            case ColumnType.Customer:
            case ColumnType.Owner:
            case ColumnType.UniqueIdentifier:
                if (value is Guid) return value;
                if (value is string text && Guid.TryParse(text, out var parsed)) return parsed;
                throw Wrong("System.Guid");
            case ColumnType.String:
            case ColumnType.Memo:
                return value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture);
            case ColumnType.Integer:
            case ColumnType.Choice:
            case ColumnType.State:
            case ColumnType.Status:
            case ColumnType.MultiChoice:
            case ColumnType.Decimal:
            case ColumnType.Money:
                if (value is OptionSetValue or Money) throw Wrong(column.Type == ColumnType.Money || column.Type == ColumnType.Decimal ? "System.Decimal" : "System.Int32");
                if (value is int or long or decimal or double or float) return Values.Normalize(value);
                if (value is string number && decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsedNumber)) return parsedNumber;
                throw Wrong(column.Type is ColumnType.Money or ColumnType.Decimal ? "System.Decimal" : "System.Int32");
            case ColumnType.Boolean:
                return value switch
                {
                    bool b => b,
                    int i => i != 0,
                    string s when s is "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
                    string s when s is "0" || s.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
                    _ => throw Wrong("System.Boolean"),
                };
            case ColumnType.DateTime:
                if (value is DateTime date) return column.Behavior == "DateOnly" ? DateTime.SpecifyKind(date.Date, DateTimeKind.Utc) : Values.ToUtcWithoutMilliseconds(date);
                if (value is string dateText && DateTime.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsedDate))
                    return DateTime.SpecifyKind(parsedDate, DateTimeKind.Utc);
                if (op is "LastXDays" or "NextXDays" or "LastXHours" or "NextXHours" or "OlderThanXDays" or "OlderThanXMonths") return value;
                throw Wrong("System.DateTime");
            default:
                return Values.Normalize(value);
        }
    }
}
