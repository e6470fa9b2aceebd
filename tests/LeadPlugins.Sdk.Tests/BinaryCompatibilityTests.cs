using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using LeadPlugins.Sdk.Tests.Metadata;

namespace LeadPlugins.Sdk.Tests;

/// <summary>
/// Binary compatibility of our net462 contract assemblies, judged by a witness the contracts cannot influence:
/// Microsoft.Xrm.Tooling.Connector.dll (package Microsoft.CrmSdk.XrmTooling.CoreAssembly), which Microsoft compiled
/// against the real Microsoft.Xrm.Sdk / Microsoft.Crm.Sdk.Proxy. Its AssemblyRef, TypeRef and MemberRef tables say
/// exactly what the real assemblies contain; every reference into a type our contracts define must bind to our
/// contracts the way it binds to Microsoft's (same identity, same kind, same name and signature, visible).
/// </summary>
[TestClass]
public sealed class BinaryCompatibilityTests
{
    private static readonly string[] SdkAssemblyNames = ["Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy"];
    private const string ExpectedIdentityTail = ", Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";

    /// <summary>The issue demands at least this many member references checked.</summary>
    private const int MinimumMemberReferencesChecked = 60;

    public TestContext TestContext { get; set; } = null!;

    private static PeAssembly OpenConnector() => new(TestFiles.Get(TestFiles.XrmToolingConnector));

    private static ContractSet OpenContracts() =>
        new(TestFiles.Get(TestFiles.ContractXrmSdk), TestFiles.Get(TestFiles.ContractCrmSdkProxy));

    [TestMethod]
    public void Connector_references_the_sdk_assemblies_by_exactly_our_identity()
    {
        using var connector = OpenConnector();
        using var contracts = OpenContracts();
        foreach (var name in SdkAssemblyNames)
        {
            var reference = connector.AssemblyReferences.Where(r => r.Name == name).ToList();
            Assert.HasCount(1, reference, $"the connector should reference {name} once");
            var referenced = connector.ReferenceIdentity(reference[0].Handle);
            Assert.AreEqual(name + ExpectedIdentityTail, referenced, "identity recorded by Microsoft's connector");

            var ours = contracts.AssemblyNamed(name);
            Assert.IsNotNull(ours, $"no contract assembly {name}");
            Assert.AreEqual(referenced, ours.Identity, $"our {name} must carry the identity the connector binds to");
        }
    }

    [TestMethod]
    public void Every_connector_member_reference_into_a_contract_type_binds_to_an_identical_member()
    {
        using var connector = OpenConnector();
        using var contracts = OpenContracts();
        var reader = connector.Reader;
        var failures = new List<string>();
        var checkedMembers = new SortedSet<string>(StringComparer.Ordinal);
        var typesNotInContracts = new SortedSet<string>(StringComparer.Ordinal);
        var sdkReferences = 0;

        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            var typeRef = ParentTypeReference(reader, member.Parent);
            if (typeRef is null) continue;
            var scope = connector.Signatures.ReferenceScope(typeRef.Value);
            if (!SdkAssemblyNames.Contains(scope)) continue;
            sdkReferences++;

            var typeName = connector.Signatures.ReferenceName(typeRef.Value);
            var name = reader.GetString(member.Name);
            var isField = member.GetKind() == MemberReferenceKind.Field;
            var expected = isField
                ? CanonicalSignatures.Field(member.DecodeFieldSignature(connector.Signatures, null), name)
                : connector.Signatures.Method(member.DecodeMethodSignature(connector.Signatures, null), name);
            var where = $"[{scope}]{typeName}::{expected}";

            var ours = contracts.Find(typeName);
            if (ours is null)
            {
                typesNotInContracts.Add($"[{scope}]{typeName}");
                continue;
            }
            if (ours.Assembly.Name != scope)
            {
                failures.Add($"{where}: our {typeName} lives in {ours.Assembly.Name}, the real one in {scope}");
                continue;
            }

            var candidates = contracts.MembersNamed(ours, name, isField).ToList();
            if (candidates.Count == 0)
            {
                // A type we define must have every member Microsoft's code uses on it (no silent skip on a rename).
                failures.Add($"{where}: our {typeName} has no member called {name}");
                continue;
            }
            var match = candidates.FirstOrDefault(c => c.Signature == expected);
            if (match.Signature is null)
            {
                failures.Add($"{where}: no member with this signature; ours: {string.Join(" | ", candidates.Select(c => c.Signature))}");
                continue;
            }
            if (!match.VisibleOutside)
            {
                failures.Add($"{where}: ours is not public/protected");
                continue;
            }
            checkedMembers.Add(where);
        }

        TestContext.WriteLine($"Member references of the connector into Microsoft.Xrm.Sdk/Microsoft.Crm.Sdk.Proxy: {sdkReferences}");
        TestContext.WriteLine($"CHECKED (identical name and signature in our contracts): {checkedMembers.Count}");
        foreach (var line in checkedMembers) TestContext.WriteLine("  ok  " + line);
        TestContext.WriteLine($"Skipped, type not in our subset: {typesNotInContracts.Count} types");
        foreach (var line in typesNotInContracts) TestContext.WriteLine("  --  " + line);

        Assert.IsEmpty(failures, "Connector references that would not bind to our contracts:\n" + string.Join("\n", failures));
        Assert.IsGreaterThanOrEqualTo(MinimumMemberReferencesChecked, checkedMembers.Count,
            $"only {checkedMembers.Count} member references checked");
    }

    [TestMethod]
    public void Every_connector_type_reference_into_a_contract_type_sees_the_same_kind()
    {
        using var connector = OpenConnector();
        using var contracts = OpenContracts();
        var reader = connector.Reader;
        var evidence = CollectKindEvidence(connector);
        var failures = new List<string>();
        var checkedTypes = 0;
        var withoutEvidence = new List<string>();

        foreach (var handle in reader.TypeReferences)
        {
            var scope = connector.Signatures.ReferenceScope(handle);
            if (!SdkAssemblyNames.Contains(scope)) continue;
            var typeName = connector.Signatures.ReferenceName(handle);
            var ours = contracts.Find(typeName);
            if (ours is null) continue;

            var where = $"[{scope}]{typeName}";
            if (ours.Assembly.Name != scope) failures.Add($"{where}: our type lives in {ours.Assembly.Name}");
            if (!ours.IsPublic) failures.Add($"{where}: our type is not public");
            if (!evidence.TryGetValue(handle, out var kinds))
            {
                withoutEvidence.Add(where);
                continue;
            }
            checkedTypes++;
            var actual = ours.Kind;
            foreach (var kind in kinds)
            {
                var ok = kind switch
                {
                    "valuetype" => actual is "enum" or "valuetype",
                    "class" => actual is "class" or "interface",
                    "interface" => actual == "interface",
                    "base class" => actual == "class" && (ours.Definition.Attributes & TypeAttributes.Sealed) == 0,
                    _ => false,
                };
                if (!ok) failures.Add($"{where}: the connector uses it as {kind}, ours is {actual}");
            }
            TestContext.WriteLine($"  ok  {where}: connector sees {string.Join("+", kinds.Order())}, ours is {actual}");
        }
        TestContext.WriteLine($"Type references checked for kind: {checkedTypes}; without kind evidence in the connector: {withoutEvidence.Count} ({string.Join(", ", withoutEvidence)})");

        Assert.IsEmpty(failures, string.Join("\n", failures));
        Assert.IsGreaterThan(10, checkedTypes, "too few type references with kind evidence");
    }

    /// <summary>The TypeRef a MemberRef's parent names: the type itself, or the generic type of an instantiation.</summary>
    private static TypeReferenceHandle? ParentTypeReference(MetadataReader reader, EntityHandle parent)
    {
        if (parent.Kind == HandleKind.TypeReference) return (TypeReferenceHandle)parent;
        return parent.Kind == HandleKind.TypeSpecification ? GenericTypeReference(reader, (TypeSpecificationHandle)parent) : null;
    }

    /// <summary>For a TypeSpec "GENERICINST class|valuetype TypeRef …", that TypeRef.</summary>
    private static TypeReferenceHandle? GenericTypeReference(MetadataReader reader, TypeSpecificationHandle spec)
    {
        var blob = reader.GetBlobReader(reader.GetTypeSpecification(spec).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
        blob.ReadSignatureTypeCode(); // class or valuetype
        var generic = blob.ReadTypeHandle();
        return generic.Kind == HandleKind.TypeReference ? (TypeReferenceHandle)generic : null;
    }

    /// <summary>
    /// What the connector's own metadata says about each TypeRef: the element kind every signature gives it
    /// (class / valuetype), whether one of its types implements it (interface) or derives from it (base class).
    /// </summary>
    private static Dictionary<TypeReferenceHandle, HashSet<string>> CollectKindEvidence(PeAssembly connector)
    {
        var reader = connector.Reader;
        var evidence = new Dictionary<TypeReferenceHandle, HashSet<string>>();
        void Add(TypeReferenceHandle handle, string kind)
        {
            if (!evidence.TryGetValue(handle, out var set)) evidence[handle] = set = [];
            set.Add(kind);
        }

        var provider = new CanonicalSignatures(reader)
        {
            OnTypeReference = (handle, raw) =>
            {
                if (raw == (byte)SignatureTypeKind.ValueType) Add(handle, "valuetype");
                else if (raw == (byte)SignatureTypeKind.Class) Add(handle, "class");
            },
        };

        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.GetKind() == MemberReferenceKind.Field) member.DecodeFieldSignature(provider, null);
            else member.DecodeMethodSignature(provider, null);
        }
        for (var row = 1; row <= reader.GetTableRowCount(TableIndex.TypeSpec); row++)
            reader.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row)).DecodeSignature(provider, null);
        for (var row = 1; row <= reader.GetTableRowCount(TableIndex.MethodSpec); row++)
            reader.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row)).DecodeSignature(provider, null);
        foreach (var handle in reader.MethodDefinitions) reader.GetMethodDefinition(handle).DecodeSignature(provider, null);
        foreach (var handle in reader.FieldDefinitions) reader.GetFieldDefinition(handle).DecodeSignature(provider, null);
        foreach (var handle in reader.PropertyDefinitions) reader.GetPropertyDefinition(handle).DecodeSignature(provider, null);
        for (var row = 1; row <= reader.GetTableRowCount(TableIndex.StandAloneSig); row++)
        {
            var signature = reader.GetStandaloneSignature(MetadataTokens.StandaloneSignatureHandle(row));
            if (signature.GetKind() == StandaloneSignatureKind.LocalVariables) signature.DecodeLocalSignature(provider, null);
            else signature.DecodeMethodSignature(provider, null);
        }
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            if (AsTypeReference(reader, type.BaseType) is { } baseType) Add(baseType, "base class");
            foreach (var implHandle in type.GetInterfaceImplementations())
            {
                if (AsTypeReference(reader, reader.GetInterfaceImplementation(implHandle).Interface) is { } iface) Add(iface, "interface");
            }
        }
        return evidence;
    }

    private static TypeReferenceHandle? AsTypeReference(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => (TypeReferenceHandle)handle,
        HandleKind.TypeSpecification => GenericTypeReference(reader, (TypeSpecificationHandle)handle),
        _ => null,
    };
}
