namespace LeadPlugins.Cli.Simulation;

/// <summary>Header cells and JSON keys that name no lead column: collected while reading, named once in a warning at the end.</summary>
internal sealed class UnknownColumns
{
    private const int MaxNamesKept = 20;

    private readonly List<string> _names = new();
    private int _count;

    public void Note(string name)
    {
        if (_names.Contains(name, StringComparer.OrdinalIgnoreCase)) return;
        _count++;
        if (_names.Count < MaxNamesKept) _names.Add(name.Length > 60 ? name[..60] + "..." : name);
    }

    /// <summary>The warning naming them (the first <see cref="MaxNamesKept"/>), or null when every column was known.</summary>
    public string? Warning() => _count == 0
        ? null
        : _count + " unknown column(s) left out: " + string.Join(", ", _names)
            + (_count > _names.Count ? ", ..." : string.Empty) + " (name lead columns by logical or display name, or add --map \"Header=column\")";
}
