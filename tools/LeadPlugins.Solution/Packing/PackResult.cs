using LeadPlugins.Solution.Generation;

namespace LeadPlugins.Solution;

public sealed record PackResult(string? ZipPath, IReadOnlyList<Finding> Findings, GeneratedSolution? Solution)
{
    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);
    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);
    public bool HasErrors => ErrorCount > 0;
}
