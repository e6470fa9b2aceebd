namespace LeadPlugins.Solution.Registration;

/// <summary>A pluginassembly read from a built DLL, with the bytes the zip carries.</summary>
public sealed record PluginAssemblyRegistration(
    Guid Id,
    string Name,
    string FullName,
    string FileName,
    string? PublicKeyToken,
    bool IsStrongNameSigned,
    string? Description,
    IReadOnlyList<PluginTypeRegistration> Types,
    byte[] Content)
{
    /// <summary>PluginAssemblies/&lt;File&gt;-&lt;ID&gt;/&lt;File&gt;.dll (no leading slash: the zip entry name).</summary>
    public string ZipEntryName => PluginAssemblyEntryName(FileName, Id);

    public static string PluginAssemblyEntryName(string fileName, Guid id)
    {
        var baseName = Path.GetFileNameWithoutExtension(fileName);
        return "PluginAssemblies/" + baseName + "-" + id.ToString("D").ToUpperInvariant() + "/" + baseName + ".dll";
    }

    public string AssemblyQualifiedName(string typeName) => typeName + ", " + FullName;

    public IEnumerable<StepRegistration> Steps => Types.SelectMany(t => t.Steps);
}
