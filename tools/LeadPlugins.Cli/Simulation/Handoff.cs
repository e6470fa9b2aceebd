namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// A bounded first-in-first-out hand-over from one producing thread to one consuming thread that takes everything
/// queued at once. A thread sleeps only when it must (the queue full, or empty), and a sleeping consumer is woken once
/// <c>wakeAt</c> items wait or its patience runs out, so a run pays a thread wake-up per few hundred items, not per item.
/// </summary>
internal sealed class Handoff<T>
{
    private readonly object _gate = new();
    private readonly int _capacity;
    private readonly int _wakeAt;
    private readonly TimeSpan _patience;
    private List<T> _queued = new();
    private bool _completed;
    private bool _cancelled;
    private bool _consumerWaiting;
    private bool _producerWaiting;

    /// <param name="capacity">Items queued at most: the producer then waits for the consumer.</param>
    /// <param name="wakeAt">Items that wake a waiting consumer (1: every item).</param>
    /// <param name="patience">How long a waiting consumer leaves fewer than <paramref name="wakeAt"/> items waiting.</param>
    public Handoff(int capacity, int wakeAt, TimeSpan patience)
    {
        _capacity = capacity;
        _wakeAt = Math.Min(wakeAt, capacity);
        _patience = patience;
    }

    /// <summary>Whether the consumer stopped (<see cref="Cancel"/>).</summary>
    public bool IsCancelled
    {
        get
        {
            lock (_gate) return _cancelled;
        }
    }

    /// <summary>Queues an item, waiting while the queue is full; throws OperationCanceledException once cancelled.</summary>
    public void Add(T item)
    {
        lock (_gate)
        {
            while (_queued.Count >= _capacity && !_cancelled)
            {
                _producerWaiting = true;
                Monitor.Wait(_gate);
                _producerWaiting = false;
            }
            if (_cancelled) throw new OperationCanceledException("the consumer stopped");
            _queued.Add(item);
            if (_consumerWaiting && _queued.Count >= _wakeAt) Monitor.PulseAll(_gate);
        }
    }

    /// <summary>No more items: the consumer takes what is left, then ends.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The consumer stops: a waiting or later <see cref="Add"/> throws OperationCanceledException.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Everything queued, in order, swapped with <paramref name="taken"/> (which must be empty); waits while nothing
    /// is queued. False when the producer completed (or the hand-over was cancelled) and nothing is left.
    /// </summary>
    public bool TakeAll(ref List<T> taken)
    {
        lock (_gate)
        {
            while (_queued.Count < _wakeAt && !_completed && !_cancelled)
            {
                _consumerWaiting = true;
                var woken = Monitor.Wait(_gate, _patience);
                _consumerWaiting = false;
                if (!woken && _queued.Count > 0) break;
            }
            if (_queued.Count == 0) return false;
            (taken, _queued) = (_queued, taken);
            if (_producerWaiting) Monitor.PulseAll(_gate);
            return true;
        }
    }
}
