namespace LeadPlugins.InMemory;

/// <summary>
/// The columns a registered image lists, tested by name at a position of a row's attributes. A table's rows are mostly
/// written by the same code, with the same names (literals) in the same order: the answer first found at each position
/// is kept with its name, and the same string there needs no lookup (<see cref="AnswersByPosition{T}"/>, as <see cref="TableSchema.FindColumn(string, int)"/>).
/// </summary>
internal sealed class ImageColumns
{
    private readonly HashSet<string> _names;

    private readonly AnswersByPosition<bool> _atPosition = new();

    public ImageColumns(IEnumerable<string> names) { _names = new HashSet<string>(names, StringComparer.Ordinal); }

    /// <summary>How many columns the image lists (each once).</summary>
    public int Count => _names.Count;

    public bool Lists(string name, int position)
    {
        if (_atPosition.TryGet(name, position, out var listed)) return listed;
        listed = _names.Contains(name);
        _atPosition.Remember(name, position, listed);
        return listed;
    }
}
