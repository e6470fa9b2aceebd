using System.Reflection;
using System.Reflection.Metadata;

namespace LeadPlugins.Sdk.Tests.Metadata;

/// <summary>A type defined by one of our contract assemblies.</summary>
internal sealed record ContractType(PeAssembly Assembly, TypeDefinitionHandle Handle, string FullName)
{
    public TypeDefinition Definition => Assembly.Reader.GetTypeDefinition(Handle);

    /// <summary>"interface", "enum", "valuetype" or "class", from the type's flags and base type.</summary>
    public string Kind
    {
        get
        {
            var def = Definition;
            if ((def.Attributes & TypeAttributes.Interface) != 0) return "interface";
            var baseType = BaseTypeName;
            return baseType switch
            {
                "[mscorlib]System.Enum" or "[System.Runtime]System.Enum" => "enum",
                "[mscorlib]System.ValueType" or "[System.Runtime]System.ValueType" => "valuetype",
                _ => "class",
            };
        }
    }

    public string? BaseTypeName
    {
        get
        {
            var baseType = Definition.BaseType;
            if (baseType.IsNil) return null;
            if (baseType.Kind == HandleKind.TypeSpecification)
            {
                var reader = Assembly.Reader;
                return reader.GetTypeSpecification((TypeSpecificationHandle)baseType).DecodeSignature(Assembly.Signatures, null);
            }
            return Assembly.Signatures.TypeName(baseType);
        }
    }

    /// <summary>Canonical names of the interfaces the type itself lists (its InterfaceImpl rows).</summary>
    public IEnumerable<string> InterfaceNames
    {
        get
        {
            var reader = Assembly.Reader;
            foreach (var handle in Definition.GetInterfaceImplementations())
            {
                var iface = reader.GetInterfaceImplementation(handle).Interface;
                yield return iface.Kind == HandleKind.TypeSpecification
                    ? reader.GetTypeSpecification((TypeSpecificationHandle)iface).DecodeSignature(Assembly.Signatures, null)
                    : Assembly.Signatures.TypeName(iface);
            }
        }
    }

    public bool IsPublic => (Definition.Attributes & TypeAttributes.VisibilityMask) is TypeAttributes.Public or TypeAttributes.NestedPublic;
}

/// <summary>Our contract assemblies (net462 build), indexed by type full name ("Ns.Name", nested "Ns.Outer/Inner").</summary>
internal sealed class ContractSet : IDisposable
{
    // A name may repeat across assemblies for compiler-generated internal types (e.g. EmbeddedAttribute).
    private readonly Dictionary<string, List<ContractType>> _types = new(StringComparer.Ordinal);

    public ContractSet(params string[] paths)
    {
        Assemblies = paths.Select(p => new PeAssembly(p)).ToArray();
        foreach (var assembly in Assemblies)
        {
            foreach (var handle in assembly.Reader.TypeDefinitions)
            {
                var name = assembly.Signatures.DefinitionName(handle);
                if (name == "<Module>") continue;
                if (!_types.TryGetValue(name, out var list)) _types[name] = list = [];
                list.Add(new ContractType(assembly, handle, name));
            }
        }
    }

    public IReadOnlyList<PeAssembly> Assemblies { get; }

    public IEnumerable<ContractType> PublicTypes => _types.Values.SelectMany(l => l).Where(t => t.IsPublic);

    /// <summary>The type of that name (a public one if there is one).</summary>
    public ContractType? Find(string fullName)
        => _types.TryGetValue(fullName, out var list) ? list.FirstOrDefault(t => t.IsPublic) ?? list[0] : null;

    public PeAssembly? AssemblyNamed(string name) => Assemblies.FirstOrDefault(a => a.Name == name);

    /// <summary>
    /// The members called <paramref name="name"/> that <paramref name="type"/> or its base types (inside our
    /// contracts) declare, with their canonical signatures — the CLR resolves a MemberRef the same way.
    /// </summary>
    public IEnumerable<(ContractType DeclaringType, string Signature, bool VisibleOutside)> MembersNamed(ContractType type, string name, bool field)
    {
        for (ContractType? current = type; current != null; current = BaseOf(current))
        {
            var reader = current.Assembly.Reader;
            var signatures = current.Assembly.Signatures;
            if (field)
            {
                foreach (var handle in current.Definition.GetFields())
                {
                    var def = reader.GetFieldDefinition(handle);
                    if (reader.GetString(def.Name) != name) continue;
                    yield return (current, CanonicalSignatures.Field(def.DecodeSignature(signatures, null), name), PeAssembly.IsVisibleOutside(def.Attributes));
                }
            }
            else
            {
                foreach (var handle in current.Definition.GetMethods())
                {
                    var def = reader.GetMethodDefinition(handle);
                    if (reader.GetString(def.Name) != name) continue;
                    yield return (current, signatures.Method(def.DecodeSignature(signatures, null), name), PeAssembly.IsVisibleOutside(def.Attributes));
                }
            }
            if (name == ".ctor" || name == ".cctor") yield break; // constructors are not inherited
        }
    }

    private ContractType? BaseOf(ContractType type)
    {
        var baseName = type.BaseTypeName;
        if (baseName == null) return null;
        // "[Assembly]Ns.Name" or "[Assembly]Ns.Name`n<…>" (generic instantiation: "class [A]N`1<…>")
        var text = baseName.StartsWith("class ", StringComparison.Ordinal) ? baseName["class ".Length..] : baseName;
        var close = text.IndexOf(']', StringComparison.Ordinal);
        var lt = text.IndexOf('<', StringComparison.Ordinal);
        var assembly = text[1..close];
        var fullName = lt < 0 ? text[(close + 1)..] : text[(close + 1)..lt];
        var found = Find(fullName);
        return found != null && found.Assembly.Name == assembly ? found : null;
    }

    public void Dispose()
    {
        foreach (var assembly in Assemblies) assembly.Dispose();
    }
}
