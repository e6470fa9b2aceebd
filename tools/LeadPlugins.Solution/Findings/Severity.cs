namespace LeadPlugins.Solution;

public enum Severity
{
    Error,
    Warning,
    Info,
}
