namespace LeadPlugins.Solution.Registration;

public enum PluginTypeKind
{
    Plugin,
    WorkflowActivity,
}

/// <summary>An sdkmessageprocessingstepimage. <paramref name="ImageType"/>: 0 pre, 1 post, 2 both.</summary>
public sealed record ImageRegistration(
    Guid Id,
    string Name,
    string EntityAlias,
    int ImageType,
    string Attributes,
    string MessagePropertyName)
{
    public bool IsPre => ImageType == 0 || ImageType == 2;
    public bool IsPost => ImageType == 1 || ImageType == 2;
}

/// <summary>
/// An sdkmessageprocessingstep as the solution carries it. Built from a <c>[PluginStep]</c> attribute (pack) or read
/// back from customizations.xml (verify); the same rules check both. <paramref name="Message"/> is null when a
/// customizations.xml names a message id this tool does not know.
/// </summary>
public sealed record StepRegistration(
    Guid Id,
    string Name,
    string PluginTypeName,
    string? Message,
    Guid MessageId,
    string PrimaryEntity,
    int Stage,
    int Mode,
    int Rank,
    string FilteringAttributes,
    string Description,
    string Configuration,
    bool RunAsSystem,
    bool AsyncAutoDelete,
    IReadOnlyList<ImageRegistration> Images)
{
    public IReadOnlyList<string> FilteringAttributeList => SplitNames(FilteringAttributes);

    public static IReadOnlyList<string> SplitNames(string? names) => LeadPlugins.SolutionModel.StepRules.SplitNames(names);
}

/// <summary>A plugintype: an IPlugin class (with its steps) or a custom workflow activity (with its group).</summary>
public sealed record PluginTypeRegistration(
    Guid Id,
    string TypeName,
    PluginTypeKind Kind,
    string FriendlyName,
    string Description,
    string? WorkflowActivityGroupName,
    IReadOnlyList<StepRegistration> Steps);

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
