namespace LeadPlugins.Solution;

public sealed class PackOptions
{
    /// <summary>pac.config path (or the folder holding it); default: found above the current directory.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Build configuration substituted for {configuration} in pac.config's assembly paths.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>Overrides pac.config's solution.managed.</summary>
    public bool? Managed { get; init; }

    /// <summary>A .zip file path, or a folder for LeadPlugins_&lt;version&gt;.zip; default: pac.config's paths.output.</summary>
    public string? Output { get; init; }

    /// <summary>Replaces pac.config's paths.assemblies (e.g. the exact outputs MSBuild just built).</summary>
    public IReadOnlyList<string>? AssemblyPaths { get; init; }

    /// <summary>Extra folders to resolve the assemblies' references from (their own folders are always searched).</summary>
    public IReadOnlyList<string> ReferenceDirectories { get; init; } = Array.Empty<string>();
}
