using System.Reflection;
using LeadPlugins.Solution.Registration;

namespace LeadPlugins.Workflows.Tests;

/// <summary>The net462 outputs this project built (paths baked in by the csproj) and a MetadataLoadContext to read them.</summary>
internal static class BuiltAssemblies
{
    public static string Workflows { get; } = Path("LeadPlugins.Workflows");

    public static string Plugins { get; } = Path("LeadPlugins.Plugins");

    private static string Path(string name)
    {
        var path = typeof(BuiltAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Net462:" + name)?.Value
            ?? throw new AssertFailedException("No [AssemblyMetadata(\"Net462:" + name + "\")]: build this project with dotnet build/test.");
        if (!File.Exists(path)) throw new AssertFailedException(name + " was not built: " + path);
        return path;
    }

    /// <summary>
    /// Loads <paramref name="path"/> without running it. References resolve from its own folder (the SDK contracts the
    /// build copied there) first, then the .NET Framework 4.6.2 reference assemblies (mscorlib, System.Activities).
    /// </summary>
    public static MetadataLoadContext Open(string path, out Assembly assembly)
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var directory in new[] { System.IO.Path.GetDirectoryName(path)! }.Concat(NetFrameworkReferenceAssemblies.Directories()))
        {
            if (!Directory.Exists(directory)) continue;
            foreach (var file in Directory.GetFiles(directory, "*.dll"))
                files.TryAdd(System.IO.Path.GetFileNameWithoutExtension(file), file);
        }
        if (!files.ContainsKey("System.Activities"))
            throw new AssertFailedException("System.Activities reference assembly not found (Microsoft.NETFramework.ReferenceAssemblies.net462 restores it; or set LEADPLUGINS_NETFX_REFS).");
        var context = new MetadataLoadContext(new PathAssemblyResolver(files.Values), "mscorlib");
        assembly = context.LoadFromAssemblyPath(path);
        return context;
    }
}
