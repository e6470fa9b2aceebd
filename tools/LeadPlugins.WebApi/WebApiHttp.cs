using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Azure.Core;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace LeadPlugins.WebApi;

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
