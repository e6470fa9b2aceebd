using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text;

namespace LeadPlugins.Sdk.Tests.Metadata;

/// <summary>
/// Decodes ECMA-335 signature blobs to canonical strings that do not depend on which module a type is
/// defined in: a type is written as <c>class [Assembly]Namespace.Name</c> or <c>valuetype [Assembly]Namespace.Name</c>
/// whether the blob points at a TypeDef (the type's own assembly) or a TypeRef (another assembly referencing it),
/// nested types as <c>Outer/Inner</c>, generic parameters as <c>!n</c> (type) and <c>!!n</c> (method), primitive
/// element types by their IL keyword. Two members have the same binary signature exactly when their strings are equal.
/// </summary>
internal sealed class CanonicalSignatures : ISignatureTypeProvider<string, object?>
{
    private readonly MetadataReader _reader;
    private readonly string _assemblyName;

    public CanonicalSignatures(MetadataReader reader)
    {
        _reader = reader;
        _assemblyName = reader.IsAssembly ? reader.GetString(reader.GetAssemblyDefinition().Name) : "<module>";
    }

    /// <summary>Called for every TypeRef met while decoding, with the element kind the blob gave it (class or valuetype).</summary>
    public Action<TypeReferenceHandle, byte>? OnTypeReference { get; set; }

    public string Method(MethodSignature<string> signature, string name)
    {
        var header = signature.Header;
        var sb = new StringBuilder();
        sb.Append(header.IsInstance ? "instance " : "static ");
        if (header.HasExplicitThis) sb.Append("explicit ");
        if (header.CallingConvention != SignatureCallingConvention.Default) sb.Append(header.CallingConvention).Append(' ');
        sb.Append(signature.ReturnType).Append(' ').Append(name);
        if (signature.GenericParameterCount > 0) sb.Append('`').Append(signature.GenericParameterCount);
        sb.Append('(');
        for (var i = 0; i < signature.ParameterTypes.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            if (i == signature.RequiredParameterCount) sb.Append("..., ");
            sb.Append(signature.ParameterTypes[i]);
        }
        sb.Append(')');
        return sb.ToString();
    }

    public static string Field(string type, string name) => "field " + type + " " + name;

    public string TypeName(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => "[" + _assemblyName + "]" + DefinitionName((TypeDefinitionHandle)handle),
        HandleKind.TypeReference => "[" + ReferenceScope((TypeReferenceHandle)handle) + "]" + ReferenceName((TypeReferenceHandle)handle),
        _ => throw new NotSupportedException(handle.Kind.ToString()),
    };

    public string DefinitionName(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        var name = _reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil) return DefinitionName(declaring) + "/" + name;
        var ns = _reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public string ReferenceName(TypeReferenceHandle handle)
    {
        var type = _reader.GetTypeReference(handle);
        var name = _reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            return ReferenceName((TypeReferenceHandle)type.ResolutionScope) + "/" + name;
        var ns = _reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Name of the assembly a TypeRef points into (following nesting), or this assembly's name.</summary>
    public string ReferenceScope(TypeReferenceHandle handle)
    {
        var scope = _reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.AssemblyReference => _reader.GetString(_reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
            HandleKind.TypeReference => ReferenceScope((TypeReferenceHandle)scope),
            _ => _assemblyName,
        };
    }

    private static string Kind(byte rawTypeKind) =>
        rawTypeKind == (byte)SignatureTypeKind.ValueType ? "valuetype " : rawTypeKind == (byte)SignatureTypeKind.Class ? "class " : "";

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        => Kind(rawTypeKind) + TypeName(handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        OnTypeReference?.Invoke(handle, rawTypeKind);
        return Kind(rawTypeKind) + TypeName(handle);
    }

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.SByte => "int8",
        PrimitiveTypeCode.Byte => "uint8",
        PrimitiveTypeCode.Int16 => "int16",
        PrimitiveTypeCode.UInt16 => "uint16",
        PrimitiveTypeCode.Int32 => "int32",
        PrimitiveTypeCode.UInt32 => "uint32",
        PrimitiveTypeCode.Int64 => "int64",
        PrimitiveTypeCode.UInt64 => "uint64",
        PrimitiveTypeCode.Single => "float32",
        PrimitiveTypeCode.Double => "float64",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.IntPtr => "native int",
        PrimitiveTypeCode.UIntPtr => "native uint",
        PrimitiveTypeCode.TypedReference => "typedref",
        _ => throw new NotSupportedException(typeCode.ToString()),
    };

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        => genericType + "<" + string.Join(", ", typeArguments) + ">";

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape)
        => elementType + "[" + new string(',', shape.Rank - 1) + "]"
           + (shape.Sizes.IsEmpty && shape.LowerBounds.IsEmpty ? "" : "{" + string.Join(",", shape.Sizes) + ";" + string.Join(",", shape.LowerBounds) + "}");

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType + " pinned";

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired)
        => unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

    public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + Method(signature, "*");
}
