using System.Runtime.ExceptionServices;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Hands leads to an output on a thread of its own, in order, so rendering and writing leads overlaps the next leads'
/// plug-ins. The output thread takes what waits in bulk: every 20 ms by its own timer, or at once when 512 leads wait.
/// At 64 the simulating thread woke it a few thousand times a run, and each wake-up (a futex call, on a shared VM an
/// inter-processor interrupt) cost 2-3 % of that thread's time. Whatever must appear in order with the leads (the reader's warnings,
/// progress) goes through <see cref="Post"/>. A failure of the output (say, a closed pipe) stops it and is rethrown
/// on the simulating thread at its next call or at <see cref="Complete"/>.
/// </summary>
internal sealed class BackgroundOutput : ISimulationOutput, IDisposable
{
    private const int WakeAt = 512;
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(20);

    private readonly ISimulationOutput _inner;
    private readonly Handoff<Work> _work;
    private readonly Thread _thread;
    private volatile ExceptionDispatchInfo? _failure;
    private bool _completed;

    /// <param name="capacity">Leads, rejections and actions waiting at most: the simulating thread then waits.</param>
    public BackgroundOutput(ISimulationOutput inner, int capacity)
    {
        _inner = inner;
        _work = new Handoff<Work>(capacity, WakeAt, Patience);
        _thread = new Thread(Consume) { IsBackground = true, Name = "leadplugins output" };
        _thread.Start();
    }

    private readonly record struct Work(SimulatedLead? Lead, int Line, string? Reason, Action? Action);

    public void Lead(SimulatedLead lead) => Add(new Work(lead, 0, null, null));

    public void Rejected(int line, string reason) => Add(new Work(null, line, reason, null));

    public void EndBatch() => Add(default);

    /// <summary>Runs <paramref name="action"/> on the output thread after everything handed over before it.</summary>
    public void Post(Action action) => Add(new Work(null, 0, null, action));

    /// <summary>Waits until everything handed over is written; rethrows the output's failure.</summary>
    public void Complete()
    {
        Dispose();
        _failure?.Throw();
    }

    /// <summary>Writes what was handed over and stops the thread (a failure of the output is not rethrown).</summary>
    public void Dispose()
    {
        if (!_completed) _work.Complete();
        _completed = true;
        _thread.Join();
    }

    private void Add(Work work)
    {
        _failure?.Throw();
        _work.Add(work);
    }

    private void Consume()
    {
        var taken = new List<Work>();
        while (_work.TakeAll(ref taken))
        {
            foreach (var work in taken)
            {
                if (_failure != null) break; // keep taking, so the simulating thread never waits on a full queue
                try
                {
                    // A pattern, not !=: a record's != runs its generated Equals, whose 900 bytes of IL were compiled three times.
                    if (work.Lead is { } lead) _inner.Lead(lead);
                    else if (work.Reason != null) _inner.Rejected(work.Line, work.Reason);
                    else if (work.Action != null) work.Action();
                    else _inner.EndBatch();
                }
                catch (Exception e)
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
            }
            taken.Clear();
        }
    }
}
