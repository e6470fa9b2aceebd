namespace LeadPlugins.Solution;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// One verification or build result. <paramref name="File"/> is a zip entry name (customizations.xml,
/// PluginAssemblies/...) or a source path; <paramref name="Line"/> is 0 when the finding is about a whole file.
/// <paramref name="Rule"/> is a stable code (see <see cref="FindingCodes"/>) so tests and CI can match on it.
/// </summary>
public sealed record Finding(Severity Severity, string Rule, string File, int Line, string Message)
{
    public string Location => Line > 0 ? File + ":" + Line : File;

    public override string ToString() => Severity.ToString().ToLowerInvariant() + " " + Rule + " " + Location + ": " + Message;
}

/// <summary>Collects findings in the order they were raised.</summary>
public sealed class FindingList
{
    private readonly List<Finding> _items = new();

    public IReadOnlyList<Finding> Items => _items;
    public bool HasErrors => _items.Any(f => f.Severity == Severity.Error);
    public int ErrorCount => _items.Count(f => f.Severity == Severity.Error);
    public int WarningCount => _items.Count(f => f.Severity == Severity.Warning);

    public void Add(Finding finding) => _items.Add(finding);
    public void AddRange(IEnumerable<Finding> findings) => _items.AddRange(findings);
    public void Error(string rule, string file, int line, string message) => _items.Add(new Finding(Severity.Error, rule, file, line, message));
    public void Warning(string rule, string file, int line, string message) => _items.Add(new Finding(Severity.Warning, rule, file, line, message));
    public void Info(string rule, string file, int line, string message) => _items.Add(new Finding(Severity.Info, rule, file, line, message));
}
