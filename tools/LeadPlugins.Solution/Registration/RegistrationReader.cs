using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LeadPlugins.Solution.Registration;

/// <summary>
/// Reads plug-in registrations from a built (net462) assembly without loading it: System.Reflection.MetadataLoadContext
/// for types and the <c>[PluginStep]</c> / <c>[WorkflowActivity]</c> attributes, the PE headers for the strong-name
/// signature. The attributes are matched by full name, so an assembly that compiles them in (Workflows) reads the same
/// as the one that defines them (Plugins).
/// </summary>
public static class RegistrationReader
{
    public const string PluginStepAttributeName = "LeadPlugins.Plugins.Registration.PluginStepAttribute";
    public const string WorkflowActivityAttributeName = "LeadPlugins.Plugins.Registration.WorkflowActivityAttribute";
    public const string PluginInterfaceName = "Microsoft.Xrm.Sdk.IPlugin";
    public const string CodeActivityName = "System.Activities.CodeActivity";
    public const string DefaultWorkflowGroupName = "LeadPlugins: Marketplace leads";
    /// <summary>Dataverse's limit for a plug-in assembly.</summary>
    public const long MaxAssemblySize = 16L * 1024 * 1024;

    /// <summary>Reads a built assembly; its directory (where the build copied its references) is searched first.</summary>
    public static AssemblyReadResult Read(string assemblyPath, IEnumerable<string>? referenceDirectories = null)
    {
        var content = File.ReadAllBytes(assemblyPath);
        var directories = new List<string> { Path.GetDirectoryName(Path.GetFullPath(assemblyPath))! };
        if (referenceDirectories != null) directories.AddRange(referenceDirectories);
        return Read(content, Path.GetFileName(assemblyPath), assemblyPath, null, directories);
    }

    /// <summary>
    /// Reads assembly bytes (e.g. a zip entry). <paramref name="siblings"/> are other assemblies available by simple
    /// name (the zip's other DLLs); <paramref name="referenceDirectories"/> are searched for the rest.
    /// </summary>
    public static AssemblyReadResult Read(byte[] content, string fileName, string findingFile,
        IReadOnlyDictionary<string, byte[]>? siblings, IEnumerable<string>? referenceDirectories)
    {
        var findings = new FindingList();
        string simpleName;
        try
        {
            using var pe = new PEReader(new MemoryStream(content, writable: false));
            if (!pe.HasMetadata) throw new BadImageFormatException("no .NET metadata");
            simpleName = pe.GetMetadataReader().GetString(pe.GetMetadataReader().GetAssemblyDefinition().Name);
        }
        catch (Exception e) when (IsDamagedImage(e))
        {
            findings.Error(FindingCodes.AssemblyUnreadable, findingFile, 0, "not a .NET assembly: " + e.Message);
            return new AssemblyReadResult(null, findings.Items, new HashSet<string>(), false);
        }
        try
        {
            return ReadTypes(content, fileName, findingFile, siblings, referenceDirectories, simpleName, findings);
        }
        catch (Exception e) when (IsDamagedImage(e))
        {
            // Headers that read fine over damaged tables or signatures (a flipped byte): a finding, never a crash.
            findings.Error(FindingCodes.AssemblyUnreadable, findingFile, 0, "the assembly's metadata is damaged: " + e.Message);
            return new AssemblyReadResult(null, findings.Items, new HashSet<string>(), false);
        }
    }

    /// <summary>What System.Reflection.Metadata and MetadataLoadContext throw for a damaged image.</summary>
    private static bool IsDamagedImage(Exception e)
        => e is BadImageFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or OverflowException or TypeLoadException or FileLoadException
           or System.Security.SecurityException; // "Invalid assembly public key." from a damaged public-key blob

    private static AssemblyReadResult ReadTypes(byte[] content, string fileName, string findingFile,
        IReadOnlyDictionary<string, byte[]>? siblings, IEnumerable<string>? referenceDirectories, string simpleName, FindingList findings)
    {
        var resolver = new ReferenceAssemblyResolver(simpleName, content, siblings, referenceDirectories);
        using var context = new MetadataLoadContext(resolver, resolver.CoreAssemblyName);
        var assembly = context.LoadFromByteArray(content);
        var name = assembly.GetName();
        var token = name.GetPublicKeyToken();
        var tokenText = token is { Length: > 0 } ? Convert.ToHexString(token).ToLowerInvariant() : null;
        var hierarchy = new MetadataHierarchy(content);
        // Hints about missing attributes only make sense for assemblies that use them (not for any vendor's DLL).
        var usesAttributes = hierarchy.UsesType(PluginStepAttributeName) || hierarchy.UsesType(WorkflowActivityAttributeName);
        var unresolved = new SortedSet<string>(StringComparer.Ordinal);

        var types = new List<PluginTypeRegistration>();
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var typeName = type.FullName ?? type.Name;
            defined.Add(typeName);
            var attributes = RegistrationAttributeReader.Read(type, findingFile, findings);
            var hierarchyNames = HierarchyNames(type, hierarchy, unresolved);
            var isPlugin = hierarchyNames.Contains(PluginInterfaceName);
            var isActivity = hierarchyNames.Contains(CodeActivityName);
            var registrable = type.IsPublic && !type.IsInterface && !type.IsAbstract && !type.IsGenericTypeDefinition;

            if (attributes.Steps.Count > 0 && !registrable)
                findings.Error(FindingCodes.StepOnUnregistrableType, findingFile, 0, typeName + " carries [PluginStep] but is not a public, concrete class: the step would never run");
            if (attributes.Steps.Count > 0 && !isPlugin && hierarchyNames.Count > 0 && !hierarchyNames.Contains("?"))
                findings.Error(FindingCodes.StepOnNonPlugin, findingFile, 0, typeName + " carries [PluginStep] but does not implement " + PluginInterfaceName);
            if (attributes.Activity != null && !isActivity && !hierarchyNames.Contains("?"))
                findings.Error(FindingCodes.ActivityAttributeOnNonActivity, findingFile, 0, typeName + " carries [WorkflowActivity] but does not derive from " + CodeActivityName);
            if (!registrable) continue;

            var pluginTypeId = RegistrationIds.PluginType(simpleName, typeName);
            if (isActivity || attributes.Activity != null)
            {
                if (attributes.Activity == null && usesAttributes)
                    findings.Warning(FindingCodes.ActivityWithoutAttribute, findingFile, 0, typeName + " is a workflow activity without [WorkflowActivity]: registered as '" + type.Name + "' in group '" + DefaultWorkflowGroupName + "'");
                var activity = attributes.Activity ?? new RegistrationAttributeReader.ActivityAttributeValues(type.Name, DefaultWorkflowGroupName, string.Empty);
                types.Add(new PluginTypeRegistration(pluginTypeId, typeName, PluginTypeKind.WorkflowActivity, activity.FriendlyName, activity.Description, activity.GroupName, Array.Empty<StepRegistration>()));
            }
            else if (isPlugin || attributes.Steps.Count > 0)
            {
                if (attributes.Steps.Count == 0 && usesAttributes)
                    findings.Warning(FindingCodes.PluginWithoutSteps, findingFile, 0, typeName + " implements IPlugin but has no [PluginStep]: registered as a plug-in type with no step");
                var steps = StepRegistrationBuilder.Build(typeName, attributes.Steps, findingFile, findings);
                types.Add(new PluginTypeRegistration(pluginTypeId, typeName, PluginTypeKind.Plugin, typeName, string.Empty, null, steps));
            }
        }
        if (unresolved.Count > 0)
            findings.Info(FindingCodes.ReferencesUnresolved, findingFile, 0, "referenced assemblies not found (" + string.Join(", ", unresolved) + "): base types read from metadata names only");

        var signed = IsStrongNameSigned(content);
        var registration = new PluginAssemblyRegistration(
            RegistrationIds.Assembly(simpleName),
            simpleName,
            name.FullName,
            fileName,
            tokenText,
            signed,
            null,
            types,
            content);
        return new AssemblyReadResult(registration, findings.Items, defined, usesAttributes);
    }

    /// <summary>
    /// True when the assembly has a public key, the CLI header's StrongNameSigned flag and a non-zero signature blob.
    /// A public-signed (or delay-signed) assembly has an all-zero blob and is rejected by the sandbox. The RSA
    /// signature itself is not verified here.
    /// </summary>
    public static bool IsStrongNameSigned(byte[] content)
    {
        using var pe = new PEReader(new MemoryStream(content, writable: false));
        var reader = pe.GetMetadataReader();
        if (reader.GetAssemblyDefinition().PublicKey.IsNil || reader.GetBlobBytes(reader.GetAssemblyDefinition().PublicKey).Length == 0) return false;
        var cor = pe.PEHeaders.CorHeader;
        if (cor == null || (cor.Flags & CorFlags.StrongNameSigned) == 0) return false;
        var directory = cor.StrongNameSignatureDirectory;
        if (directory.Size <= 0 || !pe.PEHeaders.TryGetDirectoryOffset(directory, out var offset)) return false;
        if (offset < 0 || offset + directory.Size > content.Length) return false;
        for (var i = offset; i < offset + directory.Size; i++)
            if (content[i] != 0) return true;
        return false;
    }

    /// <summary>
    /// Full names of the type, its base types and interfaces. Resolved through the MetadataLoadContext when the
    /// references are available; otherwise read from metadata names (the chain stops at the first external base,
    /// marked "?" when it could not be followed).
    /// </summary>
    private static HashSet<string> HierarchyNames(Type type, MetadataHierarchy fallback, SortedSet<string> unresolved)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            for (var current = type; current != null; current = current.BaseType)
                names.Add(current.FullName ?? current.Name);
            foreach (var implemented in type.GetInterfaces())
                names.Add(implemented.FullName ?? implemented.Name);
            return names;
        }
        catch (FileNotFoundException e)
        {
            unresolved.Add(MissingAssemblyName(e));
            return fallback.Names(type.MetadataToken);
        }
        catch (TypeLoadException)
        {
            return fallback.Names(type.MetadataToken);
        }
    }

    private static string MissingAssemblyName(FileNotFoundException e)
    {
        var text = e.FileName ?? e.Message;
        var start = text.IndexOf('\'');
        if (start >= 0) text = text[(start + 1)..];
        var end = text.IndexOfAny(new[] { ',', '\'' });
        return end > 0 ? text[..end] : text;
    }
}
