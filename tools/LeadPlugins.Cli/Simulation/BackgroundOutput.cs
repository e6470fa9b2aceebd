using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Hands leads to an output on a thread of its own, in order, so rendering and writing a lead overlaps the next lead's
/// plug-ins. Whatever must appear in order with the leads (the reader's warnings, progress) goes through <see cref="Post"/>.
/// A failure of the output (say, a closed pipe) stops it and is rethrown on the simulating thread at its next call
/// or at <see cref="Complete"/>.
/// </summary>
internal sealed class BackgroundOutput : ISimulationOutput, IDisposable
{
    private readonly ISimulationOutput _inner;
    private readonly BlockingCollection<Work> _work;
    private readonly Thread _thread;
    private volatile ExceptionDispatchInfo? _failure;

    public BackgroundOutput(ISimulationOutput inner, int capacity)
    {
        _inner = inner;
        _work = new BlockingCollection<Work>(new ConcurrentQueue<Work>(), capacity);
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
        if (!_work.IsAddingCompleted) _work.CompleteAdding();
        _thread.Join();
    }

    private void Add(Work work)
    {
        _failure?.Throw();
        _work.Add(work);
    }

    private void Consume()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            if (_failure != null) continue; // keep taking, so the simulating thread never waits on a full queue
            try
            {
                if (work.Lead != null) _inner.Lead(work.Lead);
                else if (work.Reason != null) _inner.Rejected(work.Line, work.Reason);
                else if (work.Action != null) work.Action();
                else _inner.EndBatch();
            }
            catch (Exception e)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
        }
    }
}
