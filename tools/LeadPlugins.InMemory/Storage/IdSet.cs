using System.Collections;

namespace LeadPlugins.InMemory;

/// <summary>
/// The ids an index key names. Most keys name one row (an e-mail address, a lead's enrolment), so the first id is
/// kept inline and a set is made only when a second arrives: a set per key was a fifth of the store's allocation.
/// Once made, the set takes every change, so ids enumerate in the order a set of all of them always gave.
/// </summary>
internal sealed class IdSet : IReadOnlyCollection<Guid>
{
    private Guid _first;
    private bool _hasFirst;
    private HashSet<Guid>? _all;

    public IdSet(Guid first)
    {
        _first = first;
        _hasFirst = true;
    }

    public int Count => _all?.Count ?? (_hasFirst ? 1 : 0);

    public void Add(Guid id)
    {
        if (_all != null) _all.Add(id);
        else if (!_hasFirst) (_first, _hasFirst) = (id, true);
        else if (id != _first) _all = new HashSet<Guid> { _first, id };
    }

    public void Remove(Guid id)
    {
        if (_all != null) _all.Remove(id);
        else if (_hasFirst && id == _first) _hasFirst = false;
    }

    /// <summary>Adds the ids to the list in the order enumerating gives, without an iterator.</summary>
    public void AddTo(List<Guid> ids)
    {
        if (_all != null)
        {
            foreach (var id in _all) ids.Add(id);
        }
        else if (_hasFirst)
        {
            ids.Add(_first);
        }
    }

    /// <summary>A struct enumerator: a foreach over an id set typed as such allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Guid> IEnumerable<Guid>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The ids in the order the set of all of them gives, or the inline one.</summary>
    public struct Enumerator : IEnumerator<Guid>
    {
        private readonly IdSet _set;
        private HashSet<Guid>.Enumerator _all;
        private bool _started;
        private bool _inAll;

        public Enumerator(IdSet set)
        {
            _set = set;
            _all = default;
            _started = false;
            _inAll = false;
            Current = default;
        }

        public Guid Current { get; private set; }

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            // Which ids to give is decided on the first call, as the iterator this replaces did.
            if (!_started)
            {
                _started = true;
                if (_set._all != null)
                {
                    _all = _set._all.GetEnumerator();
                    _inAll = true;
                }
                else if (_set._hasFirst)
                {
                    Current = _set._first;
                    return true;
                }
            }
            if (!_inAll || !_all.MoveNext()) return false;
            Current = _all.Current;
            return true;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose() { }
    }
}
