namespace LeadPlugins.WebApi;

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
