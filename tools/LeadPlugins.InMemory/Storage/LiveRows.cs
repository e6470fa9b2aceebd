using System.Collections;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>The live rows of a table's slots, in order, enumerated without allocating (a foreach over a scan).</summary>
internal readonly struct LiveRows : IEnumerable<Entity>
{
    private readonly Entity?[] _slots;
    private readonly int _used;

    public LiveRows(Entity?[] slots, int used)
    {
        _slots = slots;
        _used = used;
    }

    public Enumerator GetEnumerator() => new(_slots, _used);

    IEnumerator<Entity> IEnumerable<Entity>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<Entity>
    {
        private readonly Entity?[] _slots;
        private readonly int _used;
        private int _index;

        public Enumerator(Entity?[] slots, int used)
        {
            _slots = slots;
            _used = used;
            _index = -1;
            Current = null!;
        }

        public Entity Current { get; private set; }

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            while (++_index < _used)
                if (_slots[_index] is { } row)
                {
                    Current = row;
                    return true;
                }
            return false;
        }

        public void Reset() => _index = -1;

        public void Dispose() { }
    }
}
