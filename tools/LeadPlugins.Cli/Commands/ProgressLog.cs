using System.Diagnostics;
using System.Globalization;
using LeadPlugins.Cli.Output;

namespace LeadPlugins.Cli.Commands;

/// <summary>
/// Progress for a run without a terminal (a CI log, a redirected stderr): one plain line every
/// <see cref="DefaultInterval"/>, so a long run is never silent and a log never fills with bar redraws.
/// </summary>
public sealed class ProgressLog
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private readonly TextWriter _writer;
    private readonly string _source;
    private readonly Func<TimeSpan> _elapsed;
    private readonly TimeSpan _interval;
    private TimeSpan _next;

    public ProgressLog(TextWriter writer, string source, Func<TimeSpan>? elapsed = null, TimeSpan? interval = null)
    {
        _writer = writer;
        _source = SafeText.ForDisplay(source);
        var clock = Stopwatch.StartNew();
        _elapsed = elapsed ?? (() => clock.Elapsed);
        _interval = interval ?? DefaultInterval;
        _next = _interval;
    }

    /// <summary>Called after each batch with the number of input records handled so far; writes when an interval has passed.</summary>
    public void Report(int records)
    {
        var elapsed = _elapsed();
        if (elapsed < _next) return;
        while (_next <= elapsed) _next += _interval;
        var rate = elapsed.TotalSeconds > 0 ? records / elapsed.TotalSeconds : 0;
        _writer.WriteLine("progress: " + _source + ": " + records.ToString("N0", CultureInfo.InvariantCulture) + " record(s) in "
            + elapsed.TotalSeconds.ToString("N0", CultureInfo.InvariantCulture) + " s (" + rate.ToString("N0", CultureInfo.InvariantCulture) + "/s)");
        _writer.Flush();
    }
}
