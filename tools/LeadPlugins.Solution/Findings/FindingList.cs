namespace LeadPlugins.Solution;

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
