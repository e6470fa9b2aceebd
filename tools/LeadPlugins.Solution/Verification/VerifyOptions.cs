namespace LeadPlugins.Solution;

public sealed class VerifyOptions
{
    /// <summary>Folder of Microsoft's XSDs; default: LEADPLUGINS_SCHEMAS, then ../shared/schemas/dataverse above the current or app directory.</summary>
    public string? SchemaDirectory { get; init; }

    /// <summary>Folders searched for assemblies the zip's DLLs reference (e.g. a bin folder holding Microsoft.Xrm.Sdk.dll).</summary>
    public IReadOnlyList<string> ReferenceDirectories { get; init; } = Array.Empty<string>();
}
