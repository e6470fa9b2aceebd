using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LeadPlugins.Solution.Registration;

/// <summary>Base-type and interface names straight from the metadata tables, for when references cannot be resolved.</summary>
internal sealed class MetadataHierarchy
{
    private readonly byte[] _content;

    public MetadataHierarchy(byte[] content) => _content = content;

    /// <summary>Whether the assembly defines or references a type of this full name.</summary>
    public bool UsesType(string fullName)
    {
        using var pe = new PEReader(new MemoryStream(_content, writable: false));
        var reader = pe.GetMetadataReader();
        return reader.TypeDefinitions.Any(h => FullName(reader, reader.GetTypeDefinition(h).Namespace, reader.GetTypeDefinition(h).Name) == fullName)
            || reader.TypeReferences.Any(h => FullName(reader, reader.GetTypeReference(h).Namespace, reader.GetTypeReference(h).Name) == fullName);
    }

    public HashSet<string> Names(int metadataToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var pe = new PEReader(new MemoryStream(_content, writable: false));
        var reader = pe.GetMetadataReader();
        var handle = (TypeDefinitionHandle)MetadataTokens.EntityHandle(metadataToken);
        for (var guard = 0; guard < 64; guard++)
        {
            var definition = reader.GetTypeDefinition(handle);
            names.Add(FullName(reader, definition.Namespace, definition.Name));
            foreach (var implementation in definition.GetInterfaceImplementations())
            {
                var name = NameOf(reader, reader.GetInterfaceImplementation(implementation).Interface);
                if (name != null) names.Add(name);
            }
            var baseType = definition.BaseType;
            if (baseType.IsNil) return names;
            if (baseType.Kind == HandleKind.TypeDefinition)
            {
                handle = (TypeDefinitionHandle)baseType;
                continue;
            }
            var external = NameOf(reader, baseType);
            if (external != null) names.Add(external);
            if (external != "System.Object") names.Add("?"); // the chain continues in an assembly we cannot read
            return names;
        }
        return names;
    }

    private static string? NameOf(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => FullName(reader, reader.GetTypeDefinition((TypeDefinitionHandle)handle).Namespace, reader.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
        HandleKind.TypeReference => FullName(reader, reader.GetTypeReference((TypeReferenceHandle)handle).Namespace, reader.GetTypeReference((TypeReferenceHandle)handle).Name),
        _ => null,
    };

    private static string FullName(MetadataReader reader, StringHandle ns, StringHandle name)
    {
        var space = reader.GetString(ns);
        return space.Length == 0 ? reader.GetString(name) : space + "." + reader.GetString(name);
    }
}
