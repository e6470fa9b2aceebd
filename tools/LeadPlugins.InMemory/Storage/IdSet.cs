using System.Collections;

namespace LeadPlugins.InMemory;

/// <summary>
/// The ids an index key names. Most keys name one or two rows (an e-mail address, a lead's enrolment, an enrolment's
/// activities of one kind), so up to two ids are kept inline and a set is made only when a third arrives: a set per
/// key was a fifth of the store's allocation. The two slots behave as a set's first two entries do (a new id takes the
/// slot freed last, else the next unused one), and the set made then starts with them in slot order, so ids always
/// enumerate in the order a set of all of them gives.
/// </summary>
internal sealed class IdSet : IReadOnlyCollection<Guid>
{
    private Guid _first;
    private Guid _second;
    private bool _hasFirst;
    private bool _hasSecond;
    // How many slots have ever held an id (a set's entries in use), and which one was freed last when both are free.
    private byte _usedSlots;
    private bool _secondFreedLast;
    private HashSet<Guid>? _all;

    public IdSet(Guid first)
    {
        _first = first;
        _hasFirst = true;
        _usedSlots = 1;
    }

    public int Count => _all?.Count ?? (_hasFirst ? 1 : 0) + (_hasSecond ? 1 : 0);

    public void Add(Guid id)
    {
        if (_all != null)
        {
            _all.Add(id);
            return;
        }
        if ((_hasFirst && id == _first) || (_hasSecond && id == _second)) return;
        var firstFree = !_hasFirst;
        var secondFree = !_hasSecond && _usedSlots == 2;
        if (firstFree && (!secondFree || !_secondFreedLast)) (_first, _hasFirst) = (id, true);
        else if (secondFree || _usedSlots == 1) (_second, _hasSecond, _usedSlots) = (id, true, 2);
        else _all = new HashSet<Guid> { _first, _second, id };
    }

    public void Remove(Guid id)
    {
        if (_all != null) _all.Remove(id);
        else if (_hasFirst && id == _first) (_hasFirst, _secondFreedLast) = (false, false);
        else if (_hasSecond && id == _second) (_hasSecond, _secondFreedLast) = (false, true);
    }

    /// <summary>Adds the ids to the list in the order enumerating gives, without an iterator.</summary>
    public void AddTo(List<Guid> ids)
    {
        if (_all != null)
        {
            foreach (var id in _all) ids.Add(id);
        }
        else
        {
            if (_hasFirst) ids.Add(_first);
            if (_hasSecond) ids.Add(_second);
        }
    }

    /// <summary>A struct enumerator: a foreach over an id set typed as such allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Guid> IEnumerable<Guid>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The ids in the order the set of all of them gives, or the inline ones in slot order.</summary>
    public struct Enumerator : IEnumerator<Guid>
    {
        private readonly IdSet _set;
        private HashSet<Guid>.Enumerator _all;
        private bool _started;
        private bool _inAll;
        private int _nextSlot;

        public Enumerator(IdSet set)
        {
            _set = set;
            _all = default;
            _started = false;
            _inAll = false;
            _nextSlot = 0;
            Current = default;
        }

        public Guid Current { get; private set; }

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            // Whether the set or the inline slots give the ids is decided on the first call.
            if (!_started)
            {
                _started = true;
                if (_set._all != null)
                {
                    _all = _set._all.GetEnumerator();
                    _inAll = true;
                }
            }
            if (_inAll)
            {
                if (!_all.MoveNext()) return false;
                Current = _all.Current;
                return true;
            }
            if (_nextSlot == 0)
            {
                _nextSlot = 1;
                if (_set._hasFirst)
                {
                    Current = _set._first;
                    return true;
                }
            }
            if (_nextSlot == 1)
            {
                _nextSlot = 2;
                if (_set._hasSecond)
                {
                    Current = _set._second;
                    return true;
                }
            }
            return false;
        }

        public void Reset() => throw new NotSupportedException();

        public void Dispose() { }
    }
}
