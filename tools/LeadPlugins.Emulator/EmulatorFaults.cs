using System.Globalization;

namespace LeadPlugins.Emulator;

/// <summary>
/// Service-protection throttling (N requests per window, then 429 with Retry-After) and fault injection (a fraction
/// of requests refused before they run, half with 503, half with a dropped connection), with their counters.
/// </summary>
internal sealed class EmulatorFaults
{
    private readonly EmulatorOptions _options;
    private readonly Random _faults;
    private readonly object _throttleGate = new();
    private DateTime _windowStart = DateTime.UtcNow;
    private int _windowCount;
    private long _throttled, _failed;

    public EmulatorFaults(EmulatorOptions options)
    {
        _options = options;
        _faults = new Random(options.FaultSeed);
    }

    public long Throttled => Interlocked.Read(ref _throttled);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>The 429 answer when this request is over the limit, else null.</summary>
    public EmulatorAnswer? Throttle()
    {
        if (_options.ThrottleRequests is not int limit) return null;
        TimeSpan wait;
        lock (_throttleGate)
        {
            var now = DateTime.UtcNow;
            if (now - _windowStart >= _options.ThrottleWindow)
            {
                _windowStart = now;
                _windowCount = 0;
            }
            if (++_windowCount <= limit) return null;
            wait = _windowStart + _options.ThrottleWindow - now;
        }
        Interlocked.Increment(ref _throttled);
        var retryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return EmulatorAnswer.Error(429, "0x80072322", "Number of requests exceeded the limit of " + limit + " over time window of "
            + _options.ThrottleWindow.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " seconds.", ("Retry-After", retryAfter));
    }

    /// <summary>Whether to refuse this request, and how: a dropped connection or a 503. Nothing runs either way, as at a gateway.</summary>
    public (bool Refuse, bool Drop) Roll()
    {
        if (_options.FailRate <= 0) return (false, false);
        double roll;
        lock (_faults) roll = _faults.NextDouble();
        if (roll >= _options.FailRate) return (false, false);
        Interlocked.Increment(ref _failed);
        return (true, roll < _options.FailRate / 2);
    }
}
