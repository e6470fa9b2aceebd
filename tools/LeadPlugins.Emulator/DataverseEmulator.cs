using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.ServiceModel;
using System.Text.Json;
using System.Xml.Linq;
using LeadPlugins.InMemory;
using LeadPlugins.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Extensions.Hosting;

namespace LeadPlugins.Emulator;

/// <summary>Settings of a <see cref="DataverseEmulator"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }
    /// <summary>Requests allowed per <see cref="ThrottleWindow"/> before 429 with Retry-After; null = no throttling.</summary>
    public int? ThrottleRequests { get; set; }
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Fraction of requests refused before they run: half answer 503, half drop the connection.</summary>
    public double FailRate { get; set; }
    /// <summary>Seed of the fault injection (repeatable runs).</summary>
    public int FaultSeed { get; set; } = 1;
    /// <summary>The x-ms-dop-hint sent with every answer.</summary>
    public int DegreeOfParallelismHint { get; set; } = 4;
}

/// <summary>
/// A local Dataverse Web API v9.2 over an <see cref="InMemoryDataverse"/>, listening on 127.0.0.1 only: entity sets,
/// EntityDefinitions, CRUD with @odata.bind and Prefer: return=representation, fetchXml= with paging cookies, OData
/// query options with @odata.nextLink, WhoAmI, CreateMultiple/UpdateMultiple, the error JSON, service-protection
/// throttling (429 + Retry-After) and fault injection (503, dropped connections). One request runs at a time against
/// the in-memory store (it is not thread-safe); Kestrel takes the connections.
/// </summary>
public sealed class DataverseEmulator : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly InMemoryDataverse _dataverse;
    private readonly IOrganizationService _service;
    private readonly EmulatorOptions _options;
    private readonly Dictionary<string, EmulatedTable> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatedTable> _bySet = new(StringComparer.Ordinal);
    private readonly EmulatorJson _json;
    private readonly List<Entity> _solutions = new();
    private readonly List<Entity> _extraJobs = new();
    private readonly Dictionary<string, Entity> _installedSteps = new(StringComparer.Ordinal);
    private readonly Random _faults;
    private readonly object _throttleGate = new();
    private DateTime _windowStart = DateTime.UtcNow;
    private int _windowCount;
    private long _requests, _throttled, _failed;
    private WebApplication? _app;

    public DataverseEmulator(InMemoryDataverse dataverse, EmulatorOptions? options = null)
    {
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        _service = dataverse.GetOrganizationService();
        _options = options ?? new EmulatorOptions();
        _faults = new Random(_options.FaultSeed);
        foreach (var table in dataverse.Schema.Tables.Values.Select(EmulatedTable.From).Concat(VirtualTables.All()))
        {
            _byName[table.LogicalName] = table;
            _bySet[table.EntitySetName] = table;
        }
        _json = new EmulatorJson(n => _byName.GetValueOrDefault(n), s => _bySet.GetValueOrDefault(s), NameOf);
    }

    public InMemoryDataverse Dataverse => _dataverse;
    /// <summary>The environment URL to give the client, e.g. http://127.0.0.1:5123/.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");
    public long Requests => Interlocked.Read(ref _requests);
    public long Throttled => Interlocked.Read(ref _throttled);
    public long Failed => Interlocked.Read(ref _failed);

    // ---------- lifetime ----------

    public async Task<DataverseEmulator> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Loopback only, whatever the port: the emulator has no sign-in.
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, _options.Port));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.First();
        Url = new Uri(address.EndsWith('/') ? address : address + "/");
        _app = app;
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app != null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app?.WaitForShutdownAsync(cancellationToken) ?? Task.CompletedTask;

    // ---------- state for doctor ----------

    /// <summary>Records an installed solution (what doctor reads from solutions).</summary>
    public void AddSolution(string uniqueName, string version, string friendlyName, bool managed = true)
    {
        lock (_gate)
            _solutions.Add(VirtualTables.Row(VirtualTables.Solution, DeterministicId("solution|" + uniqueName),
                ("uniquename", uniqueName), ("friendlyname", friendlyName), ("version", version), ("ismanaged", managed)));
    }

    /// <summary>Marks an installed step disabled (statecode 1), as an admin can in the maker portal.</summary>
    public void DisableStep(string name)
    {
        lock (_gate)
        {
            if (!_installedSteps.TryGetValue(name, out var step)) throw new ArgumentException("No installed step named '" + name + "'.");
            step["statecode"] = new OptionSetValue(1);
            step["statuscode"] = new OptionSetValue(2);
        }
    }

    /// <summary>Adds a system job row (e.g. a failed one from before the emulator started).</summary>
    public void AddSystemJob(string name, bool failed, string message, DateTime createdOn)
    {
        lock (_gate)
            _extraJobs.Add(VirtualTables.Row(VirtualTables.SystemJob, Guid.NewGuid(), ("name", name), ("operationtype", new OptionSetValue(1)),
                ("statecode", new OptionSetValue(3)), ("statuscode", new OptionSetValue(failed ? 31 : 30)), ("message", message),
                ("createdon", createdOn), ("completedon", createdOn)));
    }

    /// <summary>
    /// Installs a solution zip: solution.xml's name and version become a solutions row, and every step of
    /// customizations.xml is registered in the in-memory pipeline by its plug-in type's name (types are looked up in
    /// <paramref name="pluginAssemblies"/>). Returns one line per step that could not be registered.
    /// </summary>
    public IReadOnlyList<string> Install(string zipPath, params System.Reflection.Assembly[] pluginAssemblies)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        XDocument Read(string entry)
        {
            var file = zip.GetEntry(entry) ?? throw new InvalidDataException(zipPath + " has no " + entry + ": not a solution zip.");
            using var stream = file.Open();
            return XDocument.Load(stream);
        }
        var manifest = Read("solution.xml").Root!.Element("SolutionManifest")!;
        var problems = new List<string>();
        lock (_gate)
        {
            var uniqueName = (string?)manifest.Element("UniqueName") ?? "unknown";
            _solutions.RemoveAll(s => (string?)s["uniquename"] == uniqueName);
            var friendly = manifest.Element("LocalizedNames")?.Elements().FirstOrDefault()?.Attribute("description")?.Value ?? uniqueName;
            _solutions.Add(VirtualTables.Row(VirtualTables.Solution, DeterministicId("solution|" + uniqueName), ("uniquename", uniqueName),
                ("friendlyname", friendly), ("version", (string?)manifest.Element("Version") ?? "0.0.0.0"), ("ismanaged", (string?)manifest.Element("Managed") == "1")));

            var types = pluginAssemblies.SelectMany(a => a.GetTypes()).Where(t => typeof(IPlugin).IsAssignableFrom(t)).ToDictionary(t => t.FullName!, StringComparer.Ordinal);
            var registered = new HashSet<Type>();
            foreach (var step in Read("customizations.xml").Descendants("SdkMessageProcessingStep"))
            {
                var name = (string?)step.Attribute("Name") ?? "(unnamed)";
                var typeName = ((string?)step.Element("PluginTypeName") ?? string.Empty).Split(',')[0].Trim();
                _installedSteps[name] = VirtualTables.Row(VirtualTables.Step, DeterministicId("step|" + name), ("name", name),
                    ("statecode", new OptionSetValue(0)), ("statuscode", new OptionSetValue(1)),
                    ("stage", new OptionSetValue((int?)step.Element("Stage") ?? 0)), ("mode", new OptionSetValue((int?)step.Element("Mode") ?? 0)),
                    ("rank", (int?)step.Element("Rank") ?? 1), ("filteringattributes", (string?)step.Element("FilteringAttributes")), ("eventhandlername", typeName));
                if (!types.TryGetValue(typeName, out var type))
                {
                    problems.Add("Step '" + name + "': plug-in type " + typeName + " is not in the emulator's assemblies; it will not run.");
                    continue;
                }
                // The zip's steps are generated from the same [PluginStep] attributes: registering the type registers them.
                if (registered.Add(type) && type.GetCustomAttributes(typeof(LeadPlugins.Plugins.Registration.PluginStepAttribute), false).Length > 0)
                    _dataverse.RegisterPlugin(type, (string?)step.Element("Configuration"));
            }
        }
        return problems;
    }

    private static Guid DeterministicId(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16));
    }

    private string? NameOf(EntityReference reference)
    {
        var table = _dataverse.Schema.FindTable(reference.LogicalName);
        if (table?.PrimaryName == null) return null;
        return _dataverse.Get(reference.LogicalName, reference.Id)?.GetAttributeValue<string>(table.PrimaryName);
    }

    // ---------- the request pipeline ----------

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        response.Headers["OData-Version"] = "4.0";
        response.Headers["x-ms-dop-hint"] = _options.DegreeOfParallelismHint.ToString(CultureInfo.InvariantCulture);

        if (Throttle() is TimeSpan wait)
        {
            Interlocked.Increment(ref _throttled);
            response.Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await WriteErrorAsync(response, 429, "0x80072322", "Number of requests exceeded the limit of " + _options.ThrottleRequests
                + " over time window of " + _options.ThrottleWindow.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " seconds.").ConfigureAwait(false);
            return;
        }
        if (_options.FailRate > 0)
        {
            double roll;
            lock (_faults) roll = _faults.NextDouble();
            if (roll < _options.FailRate)
            {
                Interlocked.Increment(ref _failed);
                // Refused before anything runs, as a gateway would: nothing is half-done.
                if (roll < _options.FailRate / 2)
                {
                    context.Abort();
                    return;
                }
                await WriteErrorAsync(response, 503, "0x80040216", "The service is temporarily unavailable (emulated).").ConfigureAwait(false);
                return;
            }
        }

        string? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }
        Answer answer;
        try
        {
            lock (_gate) answer = Route(context.Request, body);
        }
        catch (EmulatorRequestException e)
        {
            await WriteErrorAsync(response, e.Status, e.Code, e.Message).ConfigureAwait(false);
            return;
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            var status = fault.Detail.ErrorCode switch
            {
                ErrorCodes.ObjectDoesNotExist => 404,
                ErrorCodes.DuplicateRecord or ErrorCodes.DuplicateRecordEntityKey => 412,
                _ => 400,
            };
            await WriteErrorAsync(response, status, WebApiErrors.ToHex(fault.Detail.ErrorCode), fault.Detail.Message ?? fault.Message).ConfigureAwait(false);
            return;
        }
        catch (NotSimulatedException e)
        {
            await WriteErrorAsync(response, 501, WebApiErrors.ToHex(ErrorCodes.NotSupported), e.Message).ConfigureAwait(false);
            return;
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(response, 400, "0x80040203", "The request body is not valid JSON: " + e.Message).ConfigureAwait(false);
            return;
        }
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers) response.Headers[name] = value;
        if (answer.Json != null)
        {
            response.ContentType = "application/json; odata.metadata=minimal";
            await response.Body.WriteAsync(answer.Json, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private TimeSpan? Throttle()
    {
        if (_options.ThrottleRequests is not int limit) return null;
        lock (_throttleGate)
        {
            var now = DateTime.UtcNow;
            if (now - _windowStart >= _options.ThrottleWindow)
            {
                _windowStart = now;
                _windowCount = 0;
            }
            if (++_windowCount <= limit) return null;
            return _windowStart + _options.ThrottleWindow - now;
        }
    }

    private static Task WriteErrorAsync(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; odata.metadata=minimal";
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }

    private sealed record Answer(int Status, byte[]? Json, IReadOnlyList<(string, string)> Headers)
    {
        public static Answer NoContent(params (string, string)[] headers) => new(204, null, headers);
    }

    private const string Root = "/api/data/v9.2/";

    private Answer Route(HttpRequest request, string? body)
    {
        var path = request.Path.Value ?? string.Empty;
        if (!path.StartsWith(Root, StringComparison.Ordinal)) throw NotFound(path);
        var resource = Uri.UnescapeDataString(path[Root.Length..]);
        var method = request.Method;
        var annotations = EmulatorJson.Annotations.From(request.Headers["Prefer"].ToString());

        if (resource is "WhoAmI" or "WhoAmI()" && method == "GET")
            return Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", Url + "api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
                w.WriteString("BusinessUnitId", _dataverse.RootBusinessUnitId);
                w.WriteString("UserId", _dataverse.CallerId);
                w.WriteString("OrganizationId", _dataverse.OrganizationId);
                w.WriteEndObject();
            });
        if (resource.StartsWith("EntityDefinitions", StringComparison.Ordinal) && method == "GET") return Definitions(resource);

        var slash = resource.IndexOf('/');
        var segment = slash < 0 ? resource : resource[..slash];
        var action = slash < 0 ? null : resource[(slash + 1)..];
        Guid? id = null;
        var open = segment.IndexOf('(');
        if (open > 0 && segment.EndsWith(')'))
        {
            if (!Guid.TryParse(segment.AsSpan(open + 1, segment.Length - open - 2), out var key)) throw new EmulatorRequestException(400, "0x80060888", "Bad key in '" + segment + "'.");
            id = key;
            segment = segment[..open];
        }
        var table = _bySet.GetValueOrDefault(segment) ?? throw NotFound(segment);

        if (action != null)
        {
            if (method != "POST" || id != null) throw NotFound(action);
            return action switch
            {
                "Microsoft.Dynamics.CRM.CreateMultiple" => CreateMultiple(table, body),
                "Microsoft.Dynamics.CRM.UpdateMultiple" => UpdateMultiple(table, body),
                _ => throw NotFound(action),
            };
        }
        if (table.IsVirtual && method != "GET") throw new EmulatorRequestException(405, "0x80060888", "The emulator serves " + table.EntitySetName + " read-only.");
        var select = request.Query.TryGetValue("$select", out var selected) ? ODataQuery.Parse(new[] { KeyValuePair.Create("$select", selected.ToString()) }).Select : null;
        var representation = request.Headers["Prefer"].ToString().Contains("return=representation", StringComparison.OrdinalIgnoreCase);
        switch (method)
        {
            case "GET" when id != null:
                var row = table.IsVirtual ? VirtualRows(table.LogicalName).FirstOrDefault(r => r.Id == id)
                    : _service.Retrieve(table.LogicalName, id.Value, select == null ? new ColumnSet(true) : new ColumnSet(select.ToArray()));
                if (row == null) throw new EmulatorRequestException(404, WebApiErrors.ToHex(ErrorCodes.ObjectDoesNotExist), table.LogicalName + " With Id = " + id + " Does Not Exist");
                return Json(w => _json.WriteRow(w, row, table, annotations, select), ("@odata.context", Url + "api/data/v9.2/$metadata#" + table.EntitySetName + "/$entity"));
            case "GET":
                return request.Query.TryGetValue("fetchXml", out var fetchXml)
                    ? Fetch(table, fetchXml.ToString(), annotations)
                    : Collection(table, request, annotations);
            case "POST" when id == null:
                var created = _json.ReadEntity(Parse(body), table);
                var newId = _service.Create(created);
                var location = Url + "api/data/v9.2/" + table.EntitySetName + "(" + newId.ToString("D") + ")";
                if (!representation) return Answer.NoContent(("OData-EntityId", location));
                var stored = _service.Retrieve(table.LogicalName, newId, new ColumnSet(true));
                return Json(w => _json.WriteRow(w, stored, table, annotations, select), ("@odata.context", Url + "api/data/v9.2/$metadata#" + table.EntitySetName + "/$entity")) with
                {
                    Status = 201,
                    Headers = new[] { ("OData-EntityId", location) },
                };
            case "PATCH" when id != null:
                var changes = _json.ReadEntity(Parse(body), table);
                changes.Id = id.Value;
                var exists = _dataverse.Get(table.LogicalName, id.Value) != null;
                if (!exists && request.Headers.IfMatch.ToString() == "*")
                    throw new EmulatorRequestException(404, WebApiErrors.ToHex(ErrorCodes.ObjectDoesNotExist), table.LogicalName + " With Id = " + id + " Does Not Exist");
                if (exists) _service.Update(changes);
                else _service.Create(changes); // PATCH without If-Match is an upsert.
                if (!representation) return Answer.NoContent(("OData-EntityId", Url + "api/data/v9.2/" + table.EntitySetName + "(" + id.Value.ToString("D") + ")"));
                var updated = _service.Retrieve(table.LogicalName, id.Value, new ColumnSet(true));
                return Json(w => _json.WriteRow(w, updated, table, annotations, select));
            case "DELETE" when id != null:
                _service.Delete(table.LogicalName, id.Value);
                return Answer.NoContent();
            default:
                throw new EmulatorRequestException(405, "0x80060888", method + " is not supported on " + resource + ".");
        }
    }

    private static EmulatorRequestException NotFound(string segment)
        => new(404, "0x8006088a", "Resource not found for the segment '" + segment + "'.");

    private static JsonElement Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new EmulatorRequestException(400, "0x80040203", "The request has no body.");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private Answer Json(Action<Utf8JsonWriter> write, params (string Name, string Value)[] context)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (context.Length > 0)
            {
                // Insert @odata.context as the first property of the object the callback writes.
                var inner = new MemoryStream();
                using (var temporary = new Utf8JsonWriter(inner)) write(temporary);
                using var document = JsonDocument.Parse(inner.ToArray());
                writer.WriteStartObject();
                foreach (var (name, value) in context) writer.WriteString(name, value);
                foreach (var property in document.RootElement.EnumerateObject()) property.WriteTo(writer);
                writer.WriteEndObject();
            }
            else
            {
                write(writer);
            }
        }
        return new Answer(200, buffer.ToArray(), Array.Empty<(string, string)>());
    }

    private Answer Definitions(string resource)
    {
        const string prefix = "EntityDefinitions(LogicalName='";
        if (resource.StartsWith(prefix, StringComparison.Ordinal))
        {
            var name = resource[prefix.Length..resource.IndexOf('\'', prefix.Length)];
            var table = _byName.GetValueOrDefault(name) ?? throw new EmulatorRequestException(404, "0x80040217", "Could not find entity with name '" + name + "'.");
            return Json(w => WriteDefinition(w, table));
        }
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("value");
            foreach (var table in _byName.Values.OrderBy(t => t.LogicalName, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("LogicalName", table.LogicalName);
                w.WriteString("EntitySetName", table.EntitySetName);
                w.WriteString("PrimaryIdAttribute", table.PrimaryId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>An EntityMetadata answer with the Attributes and ManyToOneRelationships the client's query expands.</summary>
    private static void WriteDefinition(Utf8JsonWriter w, EmulatedTable table)
    {
        w.WriteStartObject();
        w.WriteString("LogicalName", table.LogicalName);
        w.WriteString("EntitySetName", table.EntitySetName);
        w.WriteString("PrimaryIdAttribute", table.PrimaryId);
        if (table.PrimaryName != null) w.WriteString("PrimaryNameAttribute", table.PrimaryName);
        w.WriteStartArray("Attributes");
        foreach (var (column, type) in table.Types.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("LogicalName", column);
            w.WriteString("AttributeType", type);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("ManyToOneRelationships");
        foreach (var (column, target, navigation) in table.Navigations)
        {
            w.WriteStartObject();
            w.WriteString("ReferencingAttribute", column);
            w.WriteString("ReferencedEntity", target);
            w.WriteString("ReferencingEntityNavigationPropertyName", navigation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>GET {set}?fetchXml=: at most 5,000 rows a page; paging cookie and more-records annotations as fetchxml/page-results.md shows.</summary>
    private Answer Fetch(EmulatedTable table, string fetchXml, EmulatorJson.Annotations annotations)
    {
        var fetch = XElement.Parse(fetchXml);
        if ((string?)fetch.Element("entity")?.Attribute("name") != table.LogicalName)
            throw new EmulatorRequestException(400, "0x80040203", "The fetch's entity does not match the entity set " + table.EntitySetName + ".");
        if (fetch.Attribute("top") == null && fetch.Attribute("count") == null) fetch.SetAttributeValue("count", 5000);
        var page = (int?)fetch.Attribute("page") ?? 1;
        var result = _service.RetrieveMultiple(new FetchExpression(fetch.ToString(SaveOptions.DisableFormatting)));
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", Url + "api/data/v9.2/$metadata#" + table.EntitySetName);
            if (annotations.Paging && result.MoreRecords)
            {
                var cookie = new XElement("cookie", new XAttribute("pagenumber", page + 1),
                    new XAttribute("pagingcookie", Uri.EscapeDataString(Uri.EscapeDataString(result.PagingCookie ?? string.Empty))), new XAttribute("istracking", "False"));
                w.WriteString("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", cookie.ToString(SaveOptions.DisableFormatting));
                w.WriteBoolean("@Microsoft.Dynamics.CRM.morerecords", true);
            }
            w.WriteStartArray("value");
            foreach (var row in result.Entities) _json.WriteRow(w, row, table, annotations, null);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>GET {set}?$select&amp;$filter&amp;$orderby&amp;$top with Prefer: odata.maxpagesize and @odata.nextLink.</summary>
    private Answer Collection(EmulatedTable table, HttpRequest request, EmulatorJson.Annotations annotations)
    {
        var options = request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())).ToList();
        var query = ODataQuery.Parse(options);
        var pageSize = 5000;
        var prefer = request.Headers["Prefer"].ToString();
        var at = prefer.IndexOf("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase);
        if (at >= 0 && int.TryParse(new string(prefer[(at + "odata.maxpagesize=".Length)..].TakeWhile(char.IsDigit).ToArray()), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0)
            pageSize = Math.Min(size, 5000);
        var rows = query.Apply(table.IsVirtual ? VirtualRows(table.LogicalName) : _dataverse.Query(table.LogicalName)).Skip(query.Skip).Take(pageSize + 1).ToList();
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            var rest = options.Where(o => o.Key != "$skiptoken").Append(KeyValuePair.Create("$skiptoken", (query.Skip + pageSize).ToString(CultureInfo.InvariantCulture)));
            next = Url + "api/data/v9.2/" + table.EntitySetName + "?" + string.Join("&", rest.Select(o => o.Key + "=" + Uri.EscapeDataString(o.Value)));
        }
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", Url + "api/data/v9.2/$metadata#" + table.EntitySetName);
            w.WriteStartArray("value");
            foreach (var row in rows) _json.WriteRow(w, row, table, annotations, query.Select);
            w.WriteEndArray();
            if (next != null) w.WriteString("@odata.nextLink", next);
            w.WriteEndObject();
        });
    }

    private IEnumerable<Entity> VirtualRows(string table) => table switch
    {
        VirtualTables.Solution => _solutions.ToList(),
        VirtualTables.Step => _installedSteps.Values.ToList(),
        VirtualTables.SystemJob => _dataverse.AsyncJobs.Select(job => VirtualTables.Row(VirtualTables.SystemJob, job.Id,
                ("name", job.Step.Name), ("operationtype", new OptionSetValue(1)), ("statecode", new OptionSetValue(job.Status == AsyncJobStatus.Waiting ? 0 : 3)),
                ("statuscode", new OptionSetValue(job.Status switch { AsyncJobStatus.Succeeded => 30, AsyncJobStatus.Failed => 31, _ => 0 })),
                ("message", job.Error), ("createdon", _dataverse.Now())))
            .Concat(_extraJobs).ToList(),
        VirtualTables.TraceLog => _dataverse.Traces.Select((line, i) => VirtualTables.Row(VirtualTables.TraceLog, DeterministicId("trace|" + i),
                ("typename", line.Execution.PluginType.FullName), ("messagename", line.Execution.MessageName), ("primaryentity", line.Execution.PrimaryEntityName),
                ("messageblock", line.Text), ("exceptiondetails", line.Execution.Error), ("createdon", _dataverse.Now())))
            .ToList(),
        _ => Array.Empty<Entity>(),
    };

    private Answer CreateMultiple(EmulatedTable table, string? body)
    {
        var targets = Targets(table, body);
        var response = (CreateMultipleResponse)_service.Execute(new CreateMultipleRequest { Targets = targets });
        var ids = (Guid[])response.Results["Ids"];
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", Url + "api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse");
            w.WriteStartArray("Ids");
            foreach (var id in ids) w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private Answer UpdateMultiple(EmulatedTable table, string? body)
    {
        var targets = Targets(table, body);
        foreach (var target in targets.Entities)
            if (target.Id == Guid.Empty) throw new EmulatorRequestException(400, "0x80040203", "Each UpdateMultiple target needs its " + table.PrimaryId + ".");
        _service.Execute(new UpdateMultipleRequest { Targets = targets });
        return Answer.NoContent();
    }

    private EntityCollection Targets(EmulatedTable table, string? body)
    {
        var root = Parse(body);
        if (!root.TryGetProperty("Targets", out var targets) || targets.ValueKind != JsonValueKind.Array)
            throw new EmulatorRequestException(400, "0x80040203", "The body needs a Targets array.");
        var collection = new EntityCollection { EntityName = table.LogicalName };
        foreach (var target in targets.EnumerateArray()) collection.Entities.Add(_json.ReadEntity(target, table));
        return collection;
    }
}
