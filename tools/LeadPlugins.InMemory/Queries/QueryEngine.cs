using System.Globalization;
using System.Xml.Linq;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>
/// Runs QueryExpression, QueryByAttribute and FetchXML (parsed into a QueryExpression, aggregates aside) with the
/// server's rules: joins, conditions, ordering, distinct, TopCount and paging (5,000 rows a page by default).
/// </summary>
internal sealed class QueryEngine
{
    public const int DefaultPageSize = 5000;

    private readonly InMemoryDataverse _dataverse;
    private readonly LinkJoiner _joiner;

    public QueryEngine(InMemoryDataverse dataverse, FetchXmlParser fetchXml)
    {
        _dataverse = dataverse;
        FetchXml = fetchXml;
        _joiner = new LinkJoiner(dataverse.Schema, dataverse.Store);
        _businessUnitOf = dataverse.BusinessUnitOf;
        _teamsOf = dataverse.TeamsOf;
    }

    // Made once: a method group converted to a delegate allocates each time, and every query compiles conditions.
    private readonly Func<Guid, Guid> _businessUnitOf;
    private readonly Func<Guid, IReadOnlyCollection<Guid>> _teamsOf;

    private static readonly (string Alias, string Attribute, bool Descending)[] NoOrders = Array.Empty<(string, string, bool)>();

    public FetchXmlParser FetchXml { get; }
    public LookupNames Names => _dataverse.Names;
    private DataverseSchema Schema => _dataverse.Schema;
    private RowStore Store => _dataverse.Store;

    public EntityCollection RetrieveMultiple(QueryBase query, Guid userId) => query switch
    {
        QueryExpression q => Run(q, userId),
        QueryByAttribute q => Run(FromQueryByAttribute(q), userId),
        FetchExpression f => RunFetch(FetchXml.Parse(f.Query), userId),
        _ => throw new NotSimulatedException("Query type " + query.GetType().Name + " is not simulated by the LeadPlugins in-memory Dataverse."),
    };

    private EntityCollection RunFetch(FetchQuery fetch, Guid userId)
        => fetch.Aggregate != null ? new AggregateEngine(this).Run(fetch, userId) : Run(fetch.Query, userId);

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

    /// <summary>The compiled query: scope, links and the root filter.</summary>
    /// <param name="Scan">The root filter's first AND condition on a root column (see <see cref="ConditionCompiler.RootFilter"/>).</param>
    /// <param name="AllLinks">The links with their nested links, flattened once (every projected row reads them).</param>
    internal sealed record CompiledQuery(TableSchema Root, QueryScope Scope, List<LinkInfo> Links, List<LinkInfo> AllLinks, RowPredicate Criteria, (string Column, ValueTest Test)? Scan);

    /// <summary>Below this many rows a scan reads the rows themselves; above it, a column vector first (built once, kept in step).</summary>
    private const int VectorScanRows = 256;

    public EntityCollection Run(QueryExpression query, Guid userId)
    {
        var paging = query.PageInfo;
        if (query.TopCount != null && paging != null && (paging.Count > 0 || paging.PageNumber > 0)) throw Faults.TopCountWithPaging(query.TopCount.Value);
        var compiled = Compile(query, userId);
        var columns = query.ColumnSet ?? new ColumnSet();
        AttributeValidator.ValidateColumns(compiled.Root, columns);
        var orders = CompileOrders(query, compiled);
        var rows = Select(query, compiled);
        var ordered = Order(rows, orders);
        // A loop, not Select: a closure, delegate and iterator per query for nothing.
        var projected = new List<Entity>(ordered.Count);
        foreach (var row in ordered) projected.Add(_dataverse.Names.Fill(ProjectJoined(compiled.Root, row, columns, compiled.AllLinks, query.Distinct)));
        if (query.Distinct) projected = WithoutDuplicates(projected);
        return Page(compiled.Root, projected, query.TopCount, paging);
    }

    public CompiledQuery Compile(QueryExpression query, Guid userId)
    {
        if (string.IsNullOrEmpty(query.EntityName)) throw Faults.RequiredField("EntityName");
        var root = Schema.GetTable(query.EntityName);
        var scope = new QueryScope(root);
        // Indexed: a foreach over the link collection boxes its enumerator, on every query (most have no link).
        var linkEntities = query.LinkEntities;
        var links = new List<LinkInfo>(linkEntities.Count);
        for (var i = 0; i < linkEntities.Count; i++) links.Add(_joiner.Compile(linkEntities[i], root, string.Empty, scope));
        var conditions = new ConditionCompiler(scope, userId, _dataverse.Now(), _businessUnitOf, _teamsOf);
        var criteria = conditions.RootFilter(query.Criteria, out var scan);
        var allLinks = LinkInfo.Flatten(links);
        foreach (var link in allLinks) link.Criteria = conditions.Filter(link.Link.LinkCriteria, link.Alias);
        return new CompiledQuery(root, scope, links, allLinks, criteria, scan);
    }

    /// <summary>The joined rows that pass the criteria, in storage order.</summary>
    public List<JoinedRow> Select(QueryExpression query, CompiledQuery compiled)
    {
        var data = Store.Table(compiled.Root.LogicalName);
        var rows = new List<JoinedRow>();
        var probe = new JoinedRow(null);
        if (IndexPlanner.Candidates(query.Criteria, compiled.Root, data) is { } indexed)
        {
            foreach (var id in indexed) Consider(data.Find(id)!);
        }
        else if (data.Count >= VectorScanRows && compiled.Scan is { } scan)
        {
            // The condition tests the column's vector; only rows that pass are read (and the whole filter decides).
            var vector = data.ColumnVector(scan.Column);
            var test = scan.Test;
            for (var slot = 0; slot < data.SlotCount; slot++)
                if (data.Slot(slot) is { } candidate && test(vector[slot])) Consider(candidate);
        }
        else
        {
            foreach (var candidate in data.Rows) Consider(candidate);
        }
        return rows;

        void Consider(Entity candidate)
        {
            if (compiled.Links.Count == 0)
            {
                // No joins: test the row in a reused scope and allocate only for matches (scans stay cheap).
                probe.Root = candidate;
                if (compiled.Criteria(probe)) rows.Add(new JoinedRow(candidate));
                return;
            }
            AddJoined(candidate, compiled, rows);
        }
    }

    // Apart from Select: its lambdas would make Select's locals a heap closure on every query, joined or not.
    private void AddJoined(Entity candidate, CompiledQuery compiled, List<JoinedRow> rows)
    {
        IEnumerable<JoinedRow> joined = new[] { new JoinedRow(candidate) };
        foreach (var link in compiled.Links) joined = joined.SelectMany(r => _joiner.Expand(r, link)).ToList();
        rows.AddRange(joined.Where(r => compiled.Criteria(r)));
    }

    /// <summary>
    /// Orders rows like the server: nulls first ascending, strings case-insensitively, lookups by the related row's
    /// primary name; rows with equal keys keep their storage order (a stable sort, as LINQ's OrderBy was).
    /// </summary>
    private List<JoinedRow> Order(List<JoinedRow> rows, IReadOnlyList<(string Alias, string Attribute, bool Descending)> orders)
    {
        return orders.Count == 0 || rows.Count < 2 ? rows : Sorted(rows, orders);
    }

    // Apart from Order: the comparison's closure is made only when there is something to sort.
    private List<JoinedRow> Sorted(List<JoinedRow> rows, IReadOnlyList<(string Alias, string Attribute, bool Descending)> orders)
    {
        var keys = new object?[orders.Count][];
        for (var o = 0; o < orders.Count; o++)
        {
            var (alias, attribute, _) = orders[o];
            var column = keys[o] = new object?[rows.Count];
            for (var i = 0; i < rows.Count; i++)
                column[i] = rows[i].TryGetValue(alias, out var e) && e != null && e.Attributes.TryGetValue(attribute, out var v)
                    ? (v is EntityReference reference ? _dataverse.Names.NameOf(reference) : v)
                    : null;
        }
        var positions = new int[rows.Count];
        for (var i = 0; i < positions.Length; i++) positions[i] = i;
        Array.Sort(positions, (a, b) =>
        {
            for (var o = 0; o < keys.Length; o++)
            {
                var compared = Values.Compare(keys[o][a], keys[o][b]);
                if (compared != 0) return orders[o].Descending ? (compared > 0 ? -1 : 1) : compared;
            }
            return a.CompareTo(b);
        });
        var ordered = new List<JoinedRow>(rows.Count);
        foreach (var position in positions) ordered.Add(rows[position]);
        return ordered;
    }

    private static List<Entity> WithoutDuplicates(List<Entity> projected)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return projected.Where(e => seen.Add(string.Join("|", e.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + Convert.ToString(Values.IndexKey(p.Value is AliasedValue a ? a.Value : p.Value), CultureInfo.InvariantCulture))))).ToList();
    }

    /// <summary>TopCount, or the page PageInfo asks for (default the first 5,000) with MoreRecords and a paging cookie.</summary>
    public static EntityCollection Page(TableSchema root, List<Entity> projected, int? topCount, PagingInfo? paging)
    {
        var result = new EntityCollection { EntityName = root.LogicalName, TotalRecordCount = -1 };
        var total = projected.Count;
        if (topCount is int top)
        {
            AddRows(result, projected, Math.Min(top, total));
            return result;
        }
        var size = paging != null && paging.Count > 0 ? paging.Count : DefaultPageSize;
        var page = paging != null && paging.PageNumber > 0 ? paging.PageNumber : 1;
        var pageRows = page == 1 && total <= size ? projected : projected.Skip((page - 1) * size).Take(size).ToList();
        AddRows(result, pageRows, pageRows.Count);
        result.MoreRecords = total > page * size;
        if (pageRows.Count > 0)
        {
            result.PagingCookie = PagingCookie(page, root.PrimaryId, pageRows[^1].Id, pageRows[0].Id);
        }
        if (paging != null && paging.ReturnTotalRecordCount)
        {
            result.TotalRecordCount = Math.Min(total, DefaultPageSize);
            result.TotalRecordCountLimitExceeded = total > DefaultPageSize;
        }
        return result;
    }

    /// <summary>
    /// The first <paramref name="count"/> rows (none when not positive), by index: AddRange over a list or a Take boxes
    /// an enumerator, on every page of every query.
    /// </summary>
    private static void AddRows(EntityCollection result, List<Entity> rows, int count)
    {
        var entities = result.Entities;
        for (var i = 0; i < count; i++) entities.Add(rows[i]);
    }

    /// <summary>The same text XElement would write (ids in braces, upper case), as one string: every page of every query has one.</summary>
    internal static string PagingCookie(int page, string primaryId, Guid last, Guid first)
    {
        var pageText = page.ToString(CultureInfo.InvariantCulture);
        const string start = "<cookie page=\"", lastText = " last=\"", firstText = "\" first=\"", end = "\" /></cookie>";
        var length = start.Length + pageText.Length + 3 + primaryId.Length + lastText.Length + 38 + firstText.Length + 38 + end.Length;
        return string.Create(length, (pageText, primaryId, last, first), static (span, state) =>
        {
            var at = 0;
            void Write(Span<char> target, ReadOnlySpan<char> text, ref int position)
            {
                text.CopyTo(target[position..]);
                position += text.Length;
            }
            void WriteId(Span<char> target, Guid id, ref int position)
            {
                id.TryFormat(target[position..], out var written, "B");
                for (var i = position; i < position + written; i++) target[i] = char.ToUpperInvariant(target[i]);
                position += written;
            }
            Write(span, start, ref at);
            Write(span, state.pageText, ref at);
            Write(span, "\"><", ref at);
            Write(span, state.primaryId, ref at);
            Write(span, lastText, ref at);
            WriteId(span, state.last, ref at);
            Write(span, firstText, ref at);
            WriteId(span, state.first, ref at);
            Write(span, end, ref at);
        });
    }

    private static Entity ProjectJoined(TableSchema root, JoinedRow row, ColumnSet columns, List<LinkInfo> allLinks, bool distinct)
    {
        var rootRow = row[string.Empty]!;
        var result = AttributeValidator.Project(root, rootRow, columns);
        if (distinct && !columns.AllColumns && !columns.Columns.Contains(root.PrimaryId))
        {
            result.Attributes.Remove(root.PrimaryId);
            result.Id = Guid.Empty;
        }
        foreach (var link in allLinks)
        {
            if (!row.TryGetValue(link.Alias, out var linked) || linked == null) continue;
            var linkColumns = link.Link.Columns ?? new ColumnSet();
            if (linkColumns.AllColumns)
            {
                using var pairs = AttributePairs.Of(linked.Attributes);
                for (var i = 0; i < pairs.Count; i++) AddAliased(result, link, pairs[i].Key, pairs[i].Value);
            }
            else
            {
                for (var i = 0; i < linkColumns.Columns.Count; i++)
                {
                    var name = linkColumns.Columns[i];
                    if (linked.Attributes.TryGetValue(name, out var value)) AddAliased(result, link, name, value);
                }
            }
        }
        return result;
    }

    private static void AddAliased(Entity result, LinkInfo link, string name, object? value)
    {
        if (value != null) result.Attributes[link.Alias + "." + name] = new AliasedValue(link.Table.LogicalName, name, Values.CloneValue(value));
    }

    private static IReadOnlyList<(string Alias, string Attribute, bool Descending)> CompileOrders(QueryExpression query, CompiledQuery compiled)
    {
        if (query.Orders.Count == 0 && compiled.Links.Count == 0) return NoOrders; // most queries have no order
        var linkOrders = 0;
        foreach (var link in compiled.AllLinks) linkOrders += link.Link.Orders.Count;
        if (query.Orders.Count + linkOrders == 0) return NoOrders;
        var orders = new List<(string, string, bool)>(query.Orders.Count + linkOrders);
        for (var i = 0; i < query.Orders.Count; i++)
        {
            var order = query.Orders[i];
            var alias = compiled.Scope.ResolveAlias(order.EntityName ?? string.Empty);
            var table = compiled.Scope.TableOf(alias);
            if (table.FindColumn(order.AttributeName) == null) throw Faults.NoAttribute(table.LogicalName, order.AttributeName);
            orders.Add((alias, order.AttributeName, order.OrderType == OrderType.Descending));
        }
        foreach (var link in compiled.AllLinks)
            // Indexed: a foreach over an order collection boxes its enumerator, for every link of every query.
            for (var i = 0; i < link.Link.Orders.Count; i++)
            {
                var order = link.Link.Orders[i];
                if (link.Table.FindColumn(order.AttributeName) == null) throw Faults.NoAttribute(link.Table.LogicalName, order.AttributeName);
                orders.Add((link.Alias, order.AttributeName, order.OrderType == OrderType.Descending));
            }
        return orders;
    }
}
