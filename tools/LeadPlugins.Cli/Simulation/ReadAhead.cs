using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Reads input records on a thread of its own, at most a bounded number ahead of the simulating thread, so parsing
/// overlaps the plug-ins. The reader's warnings and its end (the last record, or the exception it threw) reach the
/// simulating thread in the order they happened: a run sees the same sequence as reading inline.
/// </summary>
internal sealed class ReadAhead : IDisposable
{
    private readonly BlockingCollection<Item> _items;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;

    public ReadAhead(int capacity)
    {
        _items = new BlockingCollection<Item>(new ConcurrentQueue<Item>(), capacity);
    }

    /// <summary>A record, a warning the reader gave before the next record, or the exception that ended reading.</summary>
    public readonly record struct Item(InputRecord? Record, string? Warning, ExceptionDispatchInfo? Failure);

    /// <summary>The reader's warning callback (called on the reading thread): queued behind the records read before it.</summary>
    public void Warn(string message) => _items.Add(new Item(null, message, null), _stop.Token);

    /// <summary>Starts enumerating <paramref name="read"/> on the reading thread.</summary>
    public void Start(Func<IEnumerable<InputRecord>> read)
    {
        _thread = new Thread(() => Produce(read)) { IsBackground = true, Name = "leadplugins input" };
        _thread.Start();
    }

    /// <summary>Records and warnings in reading order; rethrows the reader's exception at the point it was thrown.</summary>
    private IEnumerable<Item> Items()
    {
        foreach (var item in _items.GetConsumingEnumerable())
        {
            item.Failure?.Throw();
            yield return item;
        }
    }

    /// <summary>The records, in reading order; each warning goes to <paramref name="warned"/> (on the calling thread) where it came.</summary>
    public IEnumerable<InputRecord> Records(Action<string> warned)
    {
        foreach (var item in Items())
        {
            if (item.Warning is { } message) warned(message);
            else yield return item.Record!;
        }
    }

    private void Produce(Func<IEnumerable<InputRecord>> read)
    {
        try
        {
            foreach (var record in read()) _items.Add(new Item(record, null, null), _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The simulating thread stopped early; nobody waits for more.
        }
        catch (Exception e)
        {
            try
            {
                _items.Add(new Item(null, null, ExceptionDispatchInfo.Capture(e)), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopped early: the failure has no reader left.
            }
        }
        finally
        {
            _items.CompleteAdding();
        }
    }

    /// <summary>
    /// Stops the reading thread and waits for it briefly. A read blocked on an interactive standard input may not return;
    /// the thread is a background one, and its late result is dropped.
    /// </summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join(TimeSpan.FromSeconds(2));
    }
}
