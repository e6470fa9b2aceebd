using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.WebApi;

/// <summary>
/// IOrganizationService over the Dataverse Web API v9.2. Every query travels as fetchXml= (QueryExpression and
/// QueryByAttribute are converted), rows are mapped with the table's metadata (read once per table and client), errors
/// become FaultException&lt;OrganizationServiceFault&gt; with the server's code. Thread-safe: one instance serves
/// parallel callers (at most <see cref="RecommendedConcurrency"/> of them is what the server asks for).
/// </summary>
public sealed class WebApiOrganizationService : IOrganizationService, IDisposable
{
    private const string AllAnnotations = "odata.include-annotations=\"*\"";
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly WebApiOptions _options;
    private readonly WebApiMetadata _metadata;

    public WebApiOrganizationService(DataverseConnection connection, WebApiOptions? options = null)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _options = options ?? new WebApiOptions();
        _http = WebApiHttp.Create(connection, _options, Statistics);
        _metadata = new WebApiMetadata(GetJsonAsync);
    }

    public DataverseConnection Connection { get; }
    public WebApiStatistics Statistics { get; } = new();
    public WebApiOptions Options => _options;

    /// <summary>Parallel requests to use: the server's x-ms-dop-hint (4 before the first answer), capped by <see cref="WebApiOptions.MaxConcurrency"/>.</summary>
    public int RecommendedConcurrency => Math.Max(1, Math.Min(_options.MaxConcurrency, Statistics.DegreeOfParallelismHint > 0 ? Statistics.DegreeOfParallelismHint : 4));

    public void Dispose() => _http.Dispose();

    public Task<WebApiTable> GetTableAsync(string logicalName, CancellationToken cancellationToken = default) => _metadata.GetAsync(logicalName, cancellationToken);

    private WebApiTable Table(string logicalName) => Sync(GetTableAsync(logicalName));

    // ---------- IOrganizationService ----------

    public Guid Create(Entity entity) => Sync(CreateAsync(entity));
    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => Sync(RetrieveAsync(entityName, id, columnSet));
    public void Update(Entity entity) => Sync(UpdateAsync(entity));
    public void Delete(string entityName, Guid id) => Sync(DeleteAsync(entityName, id));
    public EntityCollection RetrieveMultiple(QueryBase query) => Sync(RetrieveMultipleAsync(query));
    public OrganizationResponse Execute(OrganizationRequest request) => Sync(ExecuteAsync(request));

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => throw new NotSupportedException("Associate is not used by the LeadPlugins commands and is not implemented by the Web API client.");

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => throw new NotSupportedException("Disassociate is not used by the LeadPlugins commands and is not implemented by the Web API client.");

    // ---------- async ----------

    /// <summary>POST {set}: 204 with OData-EntityId (create-entity-web-api.md).</summary>
    public async Task<Guid> CreateAsync(Entity entity, CancellationToken cancellationToken = default)
    {
        var table = await GetTableAsync(entity.LogicalName, cancellationToken).ConfigureAwait(false);
        var body = await BodyAsync(w => ODataValues.WriteEntity(w, entity, table, Table), cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, table.EntitySetName) { Content = body };
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var location = response.Headers.TryGetValues("OData-EntityId", out var ids) ? ids.FirstOrDefault() : response.Headers.Location?.ToString();
        if (location != null && TryIdFromUri(location, out var id)) return id;
        if (entity.Id != Guid.Empty) return entity.Id;
        throw new InvalidOperationException("The server created a " + entity.LogicalName + " but sent no OData-EntityId header.");
    }

    /// <summary>GET {set}(id)?$select=...: lookups selected as _x_value, all annotations.</summary>
    public async Task<Entity> RetrieveAsync(string entityName, Guid id, ColumnSet columnSet, CancellationToken cancellationToken = default)
    {
        var table = await GetTableAsync(entityName, cancellationToken).ConfigureAwait(false);
        var path = table.EntitySetName + "(" + id.ToString("D") + ")" + Select(table, columnSet);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Prefer", AllAnnotations);
        using var document = await SendForJsonAsync(request, cancellationToken).ConfigureAwait(false);
        var entity = ODataValues.ReadEntity(document.RootElement, table);
        entity.Id = id;
        return entity;
    }

    /// <summary>PATCH {set}(id) with If-Match: * so a missing row is an error, not an upsert (update-delete-entities-using-web-api.md).</summary>
    public async Task UpdateAsync(Entity entity, CancellationToken cancellationToken = default)
    {
        var table = await GetTableAsync(entity.LogicalName, cancellationToken).ConfigureAwait(false);
        var id = IdOf(entity, table);
        var changes = new Entity(entity.LogicalName, id);
        foreach (var pair in entity.Attributes.Where(p => p.Key != table.PrimaryIdAttribute)) changes[pair.Key] = pair.Value;
        var body = await BodyAsync(w => ODataValues.WriteEntity(w, changes, table, Table), cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Patch, table.EntitySetName + "(" + id.ToString("D") + ")") { Content = body };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string entityName, Guid id, CancellationToken cancellationToken = default)
    {
        var table = await GetTableAsync(entityName, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Delete, table.EntitySetName + "(" + id.ToString("D") + ")");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One page: GET {set}?fetchXml=... with the paging cookie and more-records annotations (fetchxml/page-results.md).</summary>
    public async Task<EntityCollection> RetrieveMultipleAsync(QueryBase query, CancellationToken cancellationToken = default)
    {
        var fetchXml = query switch
        {
            FetchExpression fetch => fetch.Query,
            QueryExpression expression => FetchXmlBuilder.Build(expression, _options.PageSize),
            QueryByAttribute byAttribute => FetchXmlBuilder.Build(FetchXmlBuilder.FromQueryByAttribute(byAttribute), _options.PageSize),
            _ => throw new NotSupportedException("Query type " + query?.GetType().Name + " is not supported by the Web API client."),
        };
        var entityName = XElement.Parse(fetchXml).Element("entity")?.Attribute("name")?.Value
            ?? throw new ArgumentException("The FetchXML names no <entity>.");
        var table = await GetTableAsync(entityName, cancellationToken).ConfigureAwait(false);
        var path = table.EntitySetName + "?fetchXml=" + Uri.EscapeDataString(fetchXml);
        if (_http.BaseAddress!.AbsoluteUri.Length + path.Length > WebApiBatch.MaxUrlLength)
        {
            using var batched = await GetInBatchAsync(path, cancellationToken).ConfigureAwait(false);
            return ReadCollection(batched.RootElement, table);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Prefer", AllAnnotations);
        using var document = await SendForJsonAsync(request, cancellationToken).ConfigureAwait(false);
        return ReadCollection(document.RootElement, table);
    }

    /// <summary>
    /// A GET whose URL is too long travels as the one part of a POST $batch (fetchxml/retrieve-data.md, "Use FetchXML
    /// within a batch request"). The URL goes into the body exactly as encoded: System.Uri's ToString would unescape it.
    /// </summary>
    private async Task<JsonDocument> GetInBatchAsync(string path, CancellationToken cancellationToken)
    {
        var boundary = "batch_" + Guid.NewGuid().ToString("N");
        var body = WebApiBatch.SingleGet(boundary, _http.BaseAddress!.AbsoluteUri + path, new[] { ("Accept", "application/json"), ("Prefer", AllAnnotations) });
        using var request = new HttpRequestMessage(HttpMethod.Post, "$batch") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/mixed; boundary=\"" + boundary + "\"");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var parts = WebApiBatch.ReadResponse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var part = parts.Count == 1 ? parts[0] : throw WebApiErrors.ToFault(HttpStatusCode.BadGateway, null, "the $batch answer held " + parts.Count + " parts instead of 1");
        if (part.Status is < 200 or > 299) throw WebApiErrors.ToFault((HttpStatusCode)part.Status, part.Body);
        return JsonDocument.Parse(part.Body ?? "{}");
    }

    /// <summary>Reads a collection answer: rows, more records, the fetch paging cookie (decoded twice, as the page says) and the total count.</summary>
    public static EntityCollection ReadCollection(JsonElement root, WebApiTable table)
    {
        var collection = new EntityCollection { EntityName = table.LogicalName };
        if (root.TryGetProperty("value", out var rows))
            foreach (var row in rows.EnumerateArray()) collection.Entities.Add(ODataValues.ReadEntity(row, table));
        if (root.TryGetProperty("@Microsoft.Dynamics.CRM.morerecords", out var more) && more.ValueKind == JsonValueKind.True) collection.MoreRecords = true;
        if (root.TryGetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", out var cookie) && cookie.ValueKind == JsonValueKind.String)
            collection.PagingCookie = DecodePagingCookie(cookie.GetString()!);
        if (root.TryGetProperty("@Microsoft.Dynamics.CRM.totalrecordcount", out var total) && total.TryGetInt32(out var count)) collection.TotalRecordCount = count;
        if (root.TryGetProperty("@odata.nextLink", out var next) && next.ValueKind == JsonValueKind.String) collection.MoreRecords = true;
        return collection;
    }

    /// <summary>&lt;cookie pagenumber="2" pagingcookie="%253ccookie..." /&gt; -> the cookie XML the next fetch's paging-cookie takes.</summary>
    public static string? DecodePagingCookie(string annotation)
    {
        var element = XElement.Parse(annotation);
        var encoded = element.Attribute("pagingcookie")?.Value;
        return encoded == null ? null : Uri.UnescapeDataString(Uri.UnescapeDataString(encoded));
    }

    /// <summary>
    /// Every row of an OData query ({set}?$select=...&amp;$filter=...), following @odata.nextLink with Prefer: odata.maxpagesize
    /// (query/page-results.md). For tables the commands read without FetchXML (solutions, steps, system jobs, trace logs).
    /// </summary>
    public async Task<List<Entity>> QueryAllAsync(string logicalName, string queryOptions, CancellationToken cancellationToken = default)
    {
        var table = await GetTableAsync(logicalName, cancellationToken).ConfigureAwait(false);
        var rows = new List<Entity>();
        string? next = table.EntitySetName + (string.IsNullOrEmpty(queryOptions) ? string.Empty : "?" + queryOptions.TrimStart('?'));
        while (next != null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Add("Prefer", AllAnnotations + ",odata.maxpagesize=" + _options.PageSize);
            using var document = await SendForJsonAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var row in document.RootElement.GetProperty("value").EnumerateArray()) rows.Add(ODataValues.ReadEntity(row, table));
            next = document.RootElement.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        }
        return rows;
    }

    public async Task<OrganizationResponse> ExecuteAsync(OrganizationRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = request.Parameters;
        switch (request.RequestName)
        {
            case "Create":
                return Response("Create", "id", await CreateAsync((Entity)parameters["Target"], cancellationToken).ConfigureAwait(false));
            case "Retrieve":
                var target = (EntityReference)parameters["Target"];
                return Response("Retrieve", "Entity", await RetrieveAsync(target.LogicalName, target.Id, (ColumnSet)parameters["ColumnSet"], cancellationToken).ConfigureAwait(false));
            case "Update":
                await UpdateAsync((Entity)parameters["Target"], cancellationToken).ConfigureAwait(false);
                return new OrganizationResponse { ResponseName = "Update" };
            case "Delete":
                var deleted = (EntityReference)parameters["Target"];
                await DeleteAsync(deleted.LogicalName, deleted.Id, cancellationToken).ConfigureAwait(false);
                return new OrganizationResponse { ResponseName = "Delete" };
            case "RetrieveMultiple":
                return Response("RetrieveMultiple", "EntityCollection", await RetrieveMultipleAsync((QueryBase)parameters["Query"], cancellationToken).ConfigureAwait(false));
            case "WhoAmI":
                return await WhoAmIAsync(cancellationToken).ConfigureAwait(false);
            case "CreateMultiple":
                return Response("CreateMultiple", "Ids", await CreateMultipleAsync((EntityCollection)parameters["Targets"], cancellationToken).ConfigureAwait(false));
            case "UpdateMultiple":
                await UpdateMultipleAsync((EntityCollection)parameters["Targets"], cancellationToken).ConfigureAwait(false);
                return new OrganizationResponse { ResponseName = "UpdateMultiple" };
            default:
                throw new NotSupportedException("Message '" + request.RequestName + "' is not implemented by the LeadPlugins Web API client.");
        }
    }

    /// <summary>GET WhoAmI (WhoAmIResponse: BusinessUnitId, UserId, OrganizationId).</summary>
    public async Task<OrganizationResponse> WhoAmIAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "WhoAmI");
        using var document = await SendForJsonAsync(request, cancellationToken).ConfigureAwait(false);
        var response = NewResponse("WhoAmI");
        foreach (var name in new[] { "BusinessUnitId", "UserId", "OrganizationId" })
            response.Results[name] = document.RootElement.GetProperty(name).GetGuid();
        return response;
    }

    /// <summary>POST {set}/Microsoft.Dynamics.CRM.CreateMultiple {"Targets":[{"@odata.type":...}]} -> {"Ids":[...]} (bulk-operations.md).</summary>
    public async Task<Guid[]> CreateMultipleAsync(EntityCollection targets, CancellationToken cancellationToken = default)
    {
        var table = await BulkTableAsync(targets, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, table.EntitySetName + "/Microsoft.Dynamics.CRM.CreateMultiple")
        {
            Content = await BulkBodyAsync(targets, table, cancellationToken).ConfigureAwait(false),
        };
        using var document = await SendForJsonAsync(request, cancellationToken).ConfigureAwait(false);
        return document.RootElement.GetProperty("Ids").EnumerateArray().Select(e => e.GetGuid()).ToArray();
    }

    /// <summary>POST {set}/Microsoft.Dynamics.CRM.UpdateMultiple: each target carries its primary key.</summary>
    public async Task UpdateMultipleAsync(EntityCollection targets, CancellationToken cancellationToken = default)
    {
        var table = await BulkTableAsync(targets, cancellationToken).ConfigureAwait(false);
        foreach (var target in targets.Entities) IdOf(target, table);
        using var request = new HttpRequestMessage(HttpMethod.Post, table.EntitySetName + "/Microsoft.Dynamics.CRM.UpdateMultiple")
        {
            Content = await BulkBodyAsync(targets, table, cancellationToken).ConfigureAwait(false),
        };
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WebApiTable> BulkTableAsync(EntityCollection targets, CancellationToken cancellationToken)
    {
        var name = targets.EntityName ?? targets.Entities.FirstOrDefault()?.LogicalName
            ?? throw new ArgumentException("Targets is empty and names no table.");
        if (targets.Entities.Any(e => e.LogicalName != name)) throw new ArgumentException("All Targets must be rows of " + name + ".");
        return await GetTableAsync(name, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpContent> BulkBodyAsync(EntityCollection targets, WebApiTable table, CancellationToken cancellationToken)
        => BodyAsync(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("Targets");
            w.WriteStartArray();
            foreach (var target in targets.Entities) ODataValues.WriteEntity(w, target, table, Table, includeType: true);
            w.WriteEndArray();
            w.WriteEndObject();
        }, cancellationToken);

    // ---------- plumbing ----------

    private static OrganizationResponse NewResponse(string name) => new() { ResponseName = name };

    private static OrganizationResponse Response(string name, string key, object value)
    {
        var response = NewResponse(name);
        response.Results[key] = value;
        return response;
    }

    private static Guid IdOf(Entity entity, WebApiTable table)
    {
        if (entity.Id != Guid.Empty) return entity.Id;
        if (entity.Attributes.TryGetValue(table.PrimaryIdAttribute, out var value) && value is Guid id && id != Guid.Empty) return id;
        throw new ArgumentException("The " + entity.LogicalName + " has no id (Entity.Id or " + table.PrimaryIdAttribute + ").");
    }

    private static string Select(WebApiTable table, ColumnSet? columns)
    {
        if (columns == null || columns.AllColumns) return string.Empty;
        var names = columns.Columns.Select(c => table.TypeOf(c) is "Lookup" or "Owner" or "Customer" ? "_" + c + "_value" : c);
        return "?$select=" + string.Join(",", names.DefaultIfEmpty(table.PrimaryIdAttribute));
    }

    private static bool TryIdFromUri(string uri, out Guid id)
    {
        id = Guid.Empty;
        var open = uri.LastIndexOf('(');
        var close = uri.LastIndexOf(')');
        return open >= 0 && close > open && Guid.TryParse(uri.AsSpan(open + 1, close - open - 1), out id);
    }

    private static async Task<HttpContent> BodyAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = Json;
        return content;
    }

    private async Task<JsonDocument> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendForJsonAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonDocument> SendForJsonAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends through the retry pipeline; a failure that is left after it becomes the SDK's fault, one line that says what to do.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new WebApiUnavailableException(Connection.Url + " did not answer after " + _options.MaxRetries + " retries (" + Describe(e) + "). Check the URL and the network, then run the command again: it resumes where it stopped.", e);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var context = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                ? "Dataverse still answered " + (int)response.StatusCode + " after " + _options.MaxRetries + " retries (service protection limits: wait a few minutes, lower --batch-size, then run again; it resumes): "
                : null;
            throw WebApiErrors.ToFault(response.StatusCode, body, context);
        }
    }

    private static string Describe(Exception e) => e is Polly.Timeout.TimeoutRejectedException ? "timed out" : e.InnerException?.Message ?? e.Message;

    private static T Sync<T>(Task<T> task) => task.ConfigureAwait(false).GetAwaiter().GetResult();
    private static void Sync(Task task) => task.ConfigureAwait(false).GetAwaiter().GetResult();
}
