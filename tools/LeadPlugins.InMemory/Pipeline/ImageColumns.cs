namespace LeadPlugins.InMemory;

/// <summary>
/// The columns a registered image lists, tested by name at a position of a row's attributes. A table's rows are mostly
/// written by the same code, with the same names (literals) in the same order: the answer first found at each position
/// is kept with its name, and the same string there needs no lookup (as <see cref="TableSchema.FindColumn(string, int)"/>).
/// </summary>
internal sealed class ImageColumns
{
    private readonly HashSet<string> _names;

    // Filled once per position and immutable, so a reader on another thread sees a whole entry or none.
    private KnownName?[] _atPosition = Array.Empty<KnownName?>();

    public ImageColumns(IEnumerable<string> names) { _names = new HashSet<string>(names, StringComparer.Ordinal); }

    /// <summary>How many columns the image lists (each once).</summary>
    public int Count => _names.Count;

    public bool Lists(string name, int position)
    {
        var known = _atPosition;
        if (position < known.Length && known[position] is { } first && ReferenceEquals(first.Name, name)) return first.Listed;
        var listed = _names.Contains(name);
        if (known.Length <= position)
        {
            Array.Resize(ref known, Math.Max(position + 1, 2 * known.Length)); // a copy: readers keep the array they read
            _atPosition = known;
        }
        known[position] ??= new KnownName(name, listed);
        return listed;
    }

    private sealed record KnownName(string Name, bool Listed);
}
