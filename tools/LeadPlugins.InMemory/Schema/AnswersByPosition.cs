namespace LeadPlugins.InMemory;

/// <summary>
/// Answers about the name at a position of a row's attributes, remembered with the name's string. A table's rows are
/// mostly written by the same code, with the same names (literals) in the same order, so the same string at the same
/// position needs no hash lookup. The first answer at a position is kept (rows of another layout cost no allocation),
/// and entries are immutable, so a reader on another thread sees a whole entry or none.
/// </summary>
internal sealed class AnswersByPosition<T>
{
    private Entry?[] _entries = Array.Empty<Entry?>();

    public bool TryGet(string name, int position, out T answer)
    {
        var entries = _entries;
        if (position < entries.Length && entries[position] is { } entry && ReferenceEquals(entry.Name, name))
        {
            answer = entry.Answer;
            return true;
        }
        answer = default!;
        return false;
    }

    public void Remember(string name, int position, T answer)
    {
        var entries = _entries;
        if (entries.Length <= position)
        {
            Array.Resize(ref entries, Math.Max(position + 1, 2 * entries.Length)); // a copy: readers keep the array they read
            _entries = entries;
        }
        entries[position] ??= new Entry(name, answer);
    }

    public void Forget() => _entries = Array.Empty<Entry?>();

    private sealed record Entry(string Name, T Answer);
}
