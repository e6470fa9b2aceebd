namespace LeadPlugins.Solution;

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
