using System.Buffers;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// A row's attribute pairs copied into a pooled array: a foreach over an AttributeCollection boxes its enumerator,
/// and every write and copy of a row reads all of its attributes.
/// </summary>
internal readonly struct AttributePairs : IDisposable
{
    private readonly KeyValuePair<string, object>[] _pairs;

    private AttributePairs(KeyValuePair<string, object>[] pairs, int count)
    {
        _pairs = pairs;
        Count = count;
    }

    /// <summary>The pairs of a row's attributes or of a request's, response's or context's parameters.</summary>
    public static AttributePairs Of(DataCollection<string, object> attributes)
    {
        var count = attributes.Count;
        var pairs = ArrayPool<KeyValuePair<string, object>>.Shared.Rent(Math.Max(count, 1));
        attributes.CopyTo(pairs, 0);
        return new AttributePairs(pairs, count);
    }

    public int Count { get; }

    public KeyValuePair<string, object> this[int index] => _pairs[index];

    public void Dispose()
    {
        Array.Clear(_pairs, 0, Count); // the pool must not keep rows' values alive
        ArrayPool<KeyValuePair<string, object>>.Shared.Return(_pairs);
    }
}
