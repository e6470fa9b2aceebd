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
