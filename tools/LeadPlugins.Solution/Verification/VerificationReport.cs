namespace LeadPlugins.Solution;

public sealed record VerificationReport(string Source, IReadOnlyList<Finding> Findings)
{
    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);
    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);
    public bool HasErrors => ErrorCount > 0;
}
