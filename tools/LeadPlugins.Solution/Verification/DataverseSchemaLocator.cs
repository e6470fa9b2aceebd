namespace LeadPlugins.Solution;

/// <summary>
/// Finds Microsoft's Dataverse XSDs: an explicit directory (e.g. verify --schemas) when given, and nothing else if it
/// does not hold them; else LEADPLUGINS_SCHEMAS; else &lt;repo&gt;/../shared/schemas/dataverse.
/// </summary>
public static class DataverseSchemaLocator
{
    public const string EnvironmentVariable = "LEADPLUGINS_SCHEMAS";
    public const string RootSchema = "CustomizationsSolution.xsd";

    public static string? Locate(string? preferred = null)
    {
        // A directory someone named is never silently replaced by another one.
        if (preferred != null) return File.Exists(Path.Combine(preferred, RootSchema)) ? Path.GetFullPath(preferred) : null;
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return File.Exists(Path.Combine(fromEnvironment, RootSchema)) ? Path.GetFullPath(fromEnvironment) : null;
        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir != null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "schemas", "dataverse"), Path.Combine(dir.FullName, "..", "shared", "schemas", "dataverse") })
                    if (File.Exists(Path.Combine(candidate, RootSchema))) return Path.GetFullPath(candidate);
            }
        }
        return null;
    }

    public static string MissingMessage(string? preferred)
        => "Microsoft's Dataverse XSDs (" + RootSchema + ", Fetch.xsd, FormXml.xsd, ...) were not found"
           + (preferred != null ? " in " + preferred + (Directory.Exists(preferred) ? string.Empty : " (no such directory)") : string.Empty)
           + (preferred != null ? "." : ". Set " + EnvironmentVariable + " to the folder holding them (the repository expects ../shared/schemas/dataverse next to it).");
}
