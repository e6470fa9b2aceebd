using System.Runtime.ExceptionServices;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Reads input records on a thread of its own, a bounded number ahead of the simulating thread, so parsing overlaps
/// the plug-ins. The reader's warnings and its end (the last record, or the exception it threw) reach the simulating
/// thread in the order they happened: a run sees the same sequence as reading inline.
/// </summary>
internal sealed class ReadAhead : IDisposable
{
    private readonly Handoff<Item> _items;
    private Thread? _thread;

    /// <param name="capacity">Records and warnings read ahead at most.</param>
    public ReadAhead(int capacity)
    {
        // A waiting simulating thread has nothing else to do: wake it for every record.
        _items = new Handoff<Item>(capacity, wakeAt: 1, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A record, a warning the reader gave before the next record, or the exception that ended reading.</summary>
    private readonly record struct Item(InputRecord? Record, string? Warning, ExceptionDispatchInfo? Failure);

    /// <summary>The reader's warning callback (called on the reading thread): queued behind the records read before it.</summary>
    public void Warn(string message) => _items.Add(new Item(null, message, null));

    /// <summary>Starts enumerating <paramref name="read"/> on the reading thread.</summary>
    public void Start(Func<IEnumerable<InputRecord>> read)
    {
        _thread = new Thread(() => Produce(read)) { IsBackground = true, Name = "leadplugins input" };
        _thread.Start();
    }

    /// <summary>
    /// The records, in reading order; each warning goes to <paramref name="warned"/> (on the calling thread) where it
    /// came. The reader's exception is rethrown where it was thrown, after the records read before it.
    /// </summary>
    public IEnumerable<InputRecord> Records(Action<string> warned)
    {
        var taken = new List<Item>();
        while (_items.TakeAll(ref taken))
        {
            foreach (var item in taken)
            {
                item.Failure?.Throw();
                if (item.Warning is { } message) warned(message);
                else yield return item.Record!;
            }
            taken.Clear();
        }
    }

    private void Produce(Func<IEnumerable<InputRecord>> read)
    {
        try
        {
            foreach (var record in read()) _items.Add(new Item(record, null, null));
        }
        catch (OperationCanceledException) when (_items.IsCancelled)
        {
            // The simulating thread stopped early; nobody waits for more.
        }
        catch (Exception e)
        {
            try
            {
                _items.Add(new Item(null, null, ExceptionDispatchInfo.Capture(e)));
            }
            catch (OperationCanceledException)
            {
                // Stopped early: the failure has no reader left.
            }
        }
        finally
        {
            _items.Complete();
        }
    }

    /// <summary>
    /// Stops the reading thread and waits for it briefly. A read blocked on an interactive standard input may not return;
    /// the thread is a background one, and its late result is dropped.
    /// </summary>
    public void Dispose()
    {
        _items.Cancel();
        _thread?.Join(TimeSpan.FromSeconds(2));
    }
}
