using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Xrm.Sdk;
using Polly;

namespace LeadPlugins.WebApi;

/// <summary>How the client talks to the Web API: retries, timeouts, concurrency.</summary>
public sealed class WebApiOptions
{
    /// <summary>Retries of one request after 429, 503, other transient errors or a dropped connection (Retry-After honoured).</summary>
    public int MaxRetries { get; set; } = 8;
    /// <summary>First back-off when the server sends no Retry-After (exponential with jitter after it).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Longest time one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Longest time one request may take with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Upper bound for the parallel requests the server recommends with x-ms-dop-hint.</summary>
    public int MaxConcurrency { get; set; } = 8;
    /// <summary>Rows per page of a query (Prefer: odata.maxpagesize, and the fetch count when a query sets none). 5,000 is the server's maximum.</summary>
    public int PageSize { get; set; } = 5000;
    /// <summary>Handler under the retry and sign-in handlers (tests); default a SocketsHttpHandler.</summary>
    public HttpMessageHandler? InnerHandler { get; set; }
}

/// <summary>What the client did: requests sent (retries included), retries and their waits, the server's concurrency hint.</summary>
public sealed class WebApiStatistics
{
    private long _requests, _retries, _throttled, _waitTicks;
    private int _dopHint;

    public long Requests => Interlocked.Read(ref _requests);
    public long Retries => Interlocked.Read(ref _retries);
    /// <summary>Answers 429 (service protection) received.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitTicks));
    /// <summary>The last x-ms-dop-hint seen (0 before any).</summary>
    public int DegreeOfParallelismHint => Volatile.Read(ref _dopHint);

    internal void Request() => Interlocked.Increment(ref _requests);
    internal void Throttle() => Interlocked.Increment(ref _throttled);
    internal void Retry(TimeSpan wait)
    {
        Interlocked.Increment(ref _retries);
        Interlocked.Add(ref _waitTicks, wait.Ticks);
    }
    internal void Hint(int value) => Volatile.Write(ref _dopHint, value);
}

/// <summary>Builds the HttpClient: Microsoft.Extensions.Http.Resilience (total timeout -> retry honouring Retry-After -> attempt timeout), then sign-in.</summary>
internal static class WebApiHttp
{
    public static HttpClient Create(DataverseConnection connection, WebApiOptions options, WebApiStatistics statistics)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryDelay,
            MaxDelay = TimeSpan.FromMinutes(5),
            ShouldRetryAfterHeader = true,
            OnRetry = args =>
            {
                statistics.Retry(args.RetryDelay);
                return default;
            },
        };
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.TotalTimeout })
            .AddRetry(retry)
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();
        var inner = options.InnerHandler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(2, options.MaxConcurrency * 2),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
        var observed = new ObservingHandler(connection.Credential, connection.Scope, statistics) { InnerHandler = inner };
        var client = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = observed })
        {
            BaseAddress = new Uri(connection.Url, "api/data/v9.2/"),
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline's timeouts apply
        };
        client.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        client.DefaultRequestHeaders.Add("OData-Version", "4.0");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Per attempt: a fresh bearer token (none for loopback), counts, throttles and the x-ms-dop-hint.</summary>
    private sealed class ObservingHandler : DelegatingHandler
    {
        private readonly TokenCredential? _credential;
        private readonly string _scope;
        private readonly WebApiStatistics _statistics;

        public ObservingHandler(TokenCredential? credential, string scope, WebApiStatistics statistics)
        {
            _credential = credential;
            _scope = scope;
            _statistics = statistics;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_credential != null)
            {
                var token = await _credential.GetTokenAsync(new TokenRequestContext(new[] { _scope }), cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            }
            _statistics.Request();
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) _statistics.Throttle();
            if (response.Headers.TryGetValues("x-ms-dop-hint", out var hints)
                && int.TryParse(hints.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var hint) && hint > 0)
                _statistics.Hint(hint);
            return response;
        }
    }
}

/// <summary>Web API error bodies ({"error":{"code":"0x80040217","message":"..."}}) as the SDK's faults.</summary>
public static class WebApiErrors
{
    /// <summary>-2147220969 -> "0x80040217", the form the Web API uses.</summary>
    public static string ToHex(int errorCode) => "0x" + unchecked((uint)errorCode).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>"0x80040217" -> -2147220969; null when the code is not hexadecimal.</summary>
    public static int? FromHex(string? code)
    {
        if (code == null) return null;
        var digits = code.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? code[2..] : code;
        return uint.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) ? unchecked((int)value) : null;
    }

    /// <summary>Reads an error body; a body that is not the Web API's error JSON gives the status line instead.</summary>
    public static FaultException<OrganizationServiceFault> ToFault(HttpStatusCode status, string? body, string? context = null)
    {
        string? code = null, message = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    if (error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String) code = c.GetString();
                    if (error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String) message = m.GetString();
                }
            }
            catch (JsonException)
            {
                // Not JSON (a gateway's HTML page): the status line says enough.
            }
        }
        message ??= "HTTP " + (int)status + " " + status;
        var fault = new OrganizationServiceFault { ErrorCode = FromHex(code) ?? 0, Message = message };
        if (code != null) fault.ErrorDetails["HexCode"] = code;
        fault.ErrorDetails["HttpStatusCode"] = (int)status;
        var reason = context == null ? message : context + message;
        return new FaultException<OrganizationServiceFault>(fault, new FaultReason(reason));
    }
}
