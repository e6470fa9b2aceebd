using System.Reflection;

namespace LeadPlugins.Solution.Registration;

/// <summary>Resolves references by simple name: the assembly itself, its siblings, then reference directories, then .NET Framework reference assemblies, then this runtime.</summary>
internal sealed class ReferenceAssemblyResolver : MetadataAssemblyResolver
{
    private readonly Dictionary<string, byte[]> _bytes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);

    public ReferenceAssemblyResolver(string selfName, byte[] self, IReadOnlyDictionary<string, byte[]>? siblings, IEnumerable<string>? directories)
    {
        _bytes[selfName] = self;
        if (siblings != null)
            foreach (var (name, content) in siblings)
                _bytes.TryAdd(name, content);
        var netFramework = NetFrameworkReferenceAssemblies.Directories().ToList();
        foreach (var directory in (directories ?? Enumerable.Empty<string>()).Concat(netFramework))
            AddDirectory(directory);
        CoreAssemblyName = _paths.ContainsKey("mscorlib") ? "mscorlib" : "System.Private.CoreLib";
        AddDirectory(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
    }

    public string CoreAssemblyName { get; }

    private void AddDirectory(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) return;
        foreach (var file in System.IO.Directory.GetFiles(directory, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
            _paths.TryAdd(Path.GetFileNameWithoutExtension(file), file);
    }

    public override Assembly? Resolve(MetadataLoadContext context, AssemblyName assemblyName)
    {
        var name = assemblyName.Name ?? string.Empty;
        if (_bytes.TryGetValue(name, out var content)) return context.LoadFromByteArray(content);
        return _paths.TryGetValue(name, out var path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
