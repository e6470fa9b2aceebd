namespace LeadPlugins.Solution.Registration;

/// <summary>Where the .NET Framework 4.6.2 reference assemblies are, to resolve a net462 plug-in assembly's references.</summary>
public static class NetFrameworkReferenceAssemblies
{
    /// <summary>
    /// .NET Framework 4.6.2 reference assemblies (mscorlib, System.Activities, ...) from LEADPLUGINS_NETFX_REFS, the
    /// NuGet cache (Microsoft.NETFramework.ReferenceAssemblies.net462, restored by every net462 build) or Windows.
    /// </summary>
    public static IEnumerable<string> Directories()
    {
        var explicitPath = Environment.GetEnvironmentVariable("LEADPLUGINS_NETFX_REFS");
        if (!string.IsNullOrEmpty(explicitPath))
        {
            yield return explicitPath;
            yield return Path.Combine(explicitPath, "Facades");
            yield break;
        }
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages))
            packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = Path.Combine(packages, "microsoft.netframework.referenceassemblies.net462");
        if (System.IO.Directory.Exists(package))
        {
            var newest = System.IO.Directory.GetDirectories(package).OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "build", ".NETFramework", "v4.6.2"))
                .FirstOrDefault(System.IO.Directory.Exists);
            if (newest != null)
            {
                yield return newest;
                yield return Path.Combine(newest, "Facades");
                yield break;
            }
        }
        var windows = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Reference Assemblies", "Microsoft", "Framework", ".NETFramework", "v4.6.2");
        if (System.IO.Directory.Exists(windows))
        {
            yield return windows;
            yield return Path.Combine(windows, "Facades");
        }
    }
}
