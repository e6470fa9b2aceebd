using LeadPlugins.SolutionModel;

namespace LeadPlugins.InMemory;

/// <summary>One table of the in-memory schema: columns, state/status pairs, keys.</summary>
public sealed class TableSchema
{
    private readonly Dictionary<string, ColumnSchema> _columns = new(StringComparer.Ordinal);
    private IReadOnlyList<StatusDefinition> _statuses = Array.Empty<StatusDefinition>();
    private Dictionary<int, StatusDefinition> _statusByValue = new();
    private Dictionary<int, int> _defaultStatusByState = new();

    internal TableSchema(string logicalName, string displayName, string primaryId, string? primaryName, TableOwnership ownership)
    {
        // Interned: the table files' strings are not, and requests, plug-ins and this store's own code name tables and
        // id columns by literals, so a dictionary lookup of one then finds the same string (no character comparison).
        LogicalName = string.Intern(logicalName);
        DisplayName = displayName;
        PrimaryId = string.Intern(primaryId);
        PrimaryName = primaryName;
        Ownership = ownership;
    }

    public string LogicalName { get; }
    public string DisplayName { get; }
    public string PrimaryId { get; }
    public string? PrimaryName { get; internal set; }
    public TableOwnership Ownership { get; }
    public IReadOnlyDictionary<string, ColumnSchema> Columns => _columns;
    public IReadOnlyList<StatusDefinition> Statuses
    {
        get => _statuses;
        internal set
        {
            _statuses = value;
            // Every Create asks for the active state and its default status: worked out once per table.
            _statusByValue = value.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.First());
            _defaultStatusByState = value.GroupBy(s => s.State).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.IsDefaultForState).First().Status);
            ActiveState = value.Count == 0 ? 0 : value.Min(s => s.State);
        }
    }
    public IReadOnlyList<KeyDefinition> Keys { get; internal set; } = Array.Empty<KeyDefinition>();
    public bool HasState => Statuses.Count > 0;
    public bool IsUserOwned => Ownership == TableOwnership.User;

    /// <summary>The platform's enum-style name used in state errors, e.g. LeadState, PhoneCallState.</summary>
    internal string StateTypeName => new string(DisplayName.Where(char.IsLetterOrDigit).ToArray()) + "State";

    public ColumnSchema? FindColumn(string logicalName) => _columns.TryGetValue(logicalName, out var c) ? c : null;

    /// <summary>The first name that is not a column (case-sensitive), or null when every one is.</summary>
    internal string? FirstMissingColumn(IList<string> names)
    {
        if (SameNames(names, _lastWholeColumnList)) return null;
        for (var i = 0; i < names.Count; i++)
            if (!_columns.ContainsKey(names[i])) return names[i];
        _lastWholeColumnList = names.ToArray();
        return null;
    }

    // The last column list found whole. Reads of a table mostly ask for the same columns, named by the same strings
    // (a plug-in's static array or literals), so the same strings in the same order need no lookup; columns are
    // never removed, so a list found whole stays whole.
    private string[] _lastWholeColumnList = Array.Empty<string>();

    private static bool SameNames(IList<string> names, string[] known)
    {
        if (names.Count != known.Length) return false;
        for (var i = 0; i < known.Length; i++)
            if (!ReferenceEquals(names[i], known[i])) return false;
        return true;
    }

    /// <summary>
    /// <see cref="FindColumn(string)"/> for the name at a position of a row's attributes. A table's rows are mostly
    /// written by the same code, with the same names (literals) in the same order: the first column found at each
    /// position is kept with its name, and the same string at that position needs no lookup (<see cref="AnswersByPosition{T}"/>).
    /// </summary>
    internal ColumnSchema? FindColumn(string logicalName, int position)
    {
        if (_columnAtPosition.TryGet(logicalName, position, out var known)) return known;
        var column = FindColumn(logicalName);
        if (column != null) _columnAtPosition.Remember(logicalName, position, column);
        return column;
    }

    private readonly AnswersByPosition<ColumnSchema> _columnAtPosition = new();

    internal void AddOrReplace(ColumnSchema column)
    {
        _columns[column.LogicalName] = column;
        _columnAtPosition.Forget(); // a name may now have another column
    }

    internal void AddIfMissing(ColumnSchema column)
    {
        if (!_columns.ContainsKey(column.LogicalName)) _columns[column.LogicalName] = column;
    }

    /// <summary>The state a row is created in: the lowest state of the table (Active for the tables here).</summary>
    public int ActiveState { get; private set; }

    public int DefaultStatus(int state)
        => _defaultStatusByState.TryGetValue(state, out var status) ? status : throw new InvalidOperationException("The table " + LogicalName + " has no state " + state + ".");

    public StatusDefinition? FindStatus(int status) => _statusByValue.TryGetValue(status, out var found) ? found : null;

    public bool IsValidState(int state) => _defaultStatusByState.ContainsKey(state);

    internal string StateLabel(int state) => Statuses.FirstOrDefault(s => s.State == state)?.StateLabel ?? state.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
