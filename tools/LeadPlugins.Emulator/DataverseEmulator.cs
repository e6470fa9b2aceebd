using System.Globalization;
using System.Net;
using System.ServiceModel;
using System.Text.Json;
using System.Xml;
using LeadPlugins.InMemory;
using LeadPlugins.WebApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Emulator;

/// <summary>
/// A local Dataverse Web API v9.2 over an <see cref="InMemoryDataverse"/>, listening on 127.0.0.1 only: entity sets,
/// EntityDefinitions, CRUD with @odata.bind and Prefer: return=representation, fetchXml= with paging cookies, OData
/// query options with @odata.nextLink, WhoAmI, CreateMultiple/UpdateMultiple, $batch, the error JSON, service-protection
/// throttling (429 + Retry-After) and fault injection (503, dropped connections). One request runs at a time against
/// the in-memory store (it is not thread-safe); Kestrel takes the connections. This part: lifetime and the HTTP
/// pipeline; routing, entity sets, queries, $batch and the environment rows doctor reads are the other parts.
/// </summary>
public sealed partial class DataverseEmulator : IAsyncDisposable
{
    /// <summary>The longest URL a GET may have (compose-http-requests-handle-errors.md, "Maximum URL length").</summary>
    public const int MaxUrlLength = 32 * 1024;

    private readonly object _gate = new();
    private readonly InMemoryDataverse _dataverse;
    private readonly IOrganizationService _service;
    private readonly EmulatorOptions _options;
    private readonly EmulatorFaults _faults;
    private readonly Dictionary<string, EmulatedTable> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatedTable> _bySet = new(StringComparer.Ordinal);
    private readonly EmulatorJson _json;
    private readonly List<Entity> _solutions = new();
    private readonly List<Entity> _extraJobs = new();
    private readonly Dictionary<string, Entity> _installedSteps = new(StringComparer.Ordinal);
    private long _requests;
    private WebApplication? _app;

    public DataverseEmulator(InMemoryDataverse dataverse, EmulatorOptions? options = null)
    {
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        _service = dataverse.GetOrganizationService();
        _options = options ?? new EmulatorOptions();
        _faults = new EmulatorFaults(_options);
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
    /// <summary>HTTP requests received ($batch counts once, whatever its parts).</summary>
    public long Requests => Interlocked.Read(ref _requests);
    public long Throttled => _faults.Throttled;
    public long Failed => _faults.Failed;

    public async Task<DataverseEmulator> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Loopback only, whatever the port: the emulator has no sign-in.
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, _options.Port);
            // Dataverse takes URLs up to 32 KB; Kestrel's default request line is 8 KB. Longer ones get Kestrel's 414.
            k.Limits.MaxRequestLineSize = MaxUrlLength + "DELETE  HTTP/1.1".Length;
            k.Limits.MaxRequestHeadersTotalSize = 2 * MaxUrlLength;
        });
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

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        response.Headers["OData-Version"] = "4.0";
        response.Headers["x-ms-dop-hint"] = _options.DegreeOfParallelismHint.ToString(CultureInfo.InvariantCulture);

        var answer = _faults.Throttle();
        if (answer == null)
        {
            var (refuse, drop) = _faults.Roll();
            if (drop)
            {
                context.Abort();
                return;
            }
            if (refuse) answer = EmulatorAnswer.Error(503, "0x80040216", "The service is temporarily unavailable (emulated).");
        }
        if (answer == null)
        {
            string? body = null;
            if (context.Request.ContentLength is > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
            {
                using var reader = new StreamReader(context.Request.Body);
                body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            }
            answer = Answer(EmulatorRequest.From(context.Request, body));
        }
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers) response.Headers[name] = value;
        if (answer.Body != null)
        {
            response.ContentType = answer.ContentType;
            await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs one request (from HTTP or a $batch part) and turns every failure into the Web API's error answer: the one
    /// place faults become statuses, so a $batch part fails exactly as the same request alone would.
    /// </summary>
    private EmulatorAnswer Answer(EmulatorRequest request)
    {
        try
        {
            lock (_gate) return Route(request);
        }
        catch (EmulatorRequestException e)
        {
            return EmulatorAnswer.Error(e.Status, e.Code, e.Message);
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            var status = fault.Detail.ErrorCode switch
            {
                ErrorCodes.ObjectDoesNotExist => 404,
                ErrorCodes.DuplicateRecord or ErrorCodes.DuplicateRecordEntityKey => 412,
                _ => 400,
            };
            return EmulatorAnswer.Error(status, WebApiErrors.ToHex(fault.Detail.ErrorCode), fault.Detail.Message ?? fault.Message);
        }
        catch (NotSimulatedException e)
        {
            return EmulatorAnswer.Error(501, WebApiErrors.ToHex(ErrorCodes.NotSupported), e.Message);
        }
        catch (JsonException e)
        {
            return EmulatorAnswer.Error(400, "0x80040203", "The request body is not valid JSON: " + e.Message);
        }
        catch (XmlException e)
        {
            return EmulatorAnswer.Error(400, "0x80040203", "The fetchXml is not well-formed XML: " + e.Message);
        }
    }
}
