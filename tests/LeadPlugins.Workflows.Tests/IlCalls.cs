using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LeadPlugins.Workflows.Tests;

/// <summary>
/// The methods a method's IL calls (call, callvirt, newobj, ldftn... operands), named "Namespace.Type::Method" with
/// generic arguments ("System.Activities.ActivityContext::GetExtension&lt;Microsoft.Xrm.Sdk.ITracingService&gt;"), read with
/// System.Reflection.Metadata from the built file: the IL is decoded opcode by opcode, never run.
/// </summary>
internal sealed class IlCalls : IDisposable
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields()
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private readonly PEReader _pe;
    private readonly MetadataReader _reader;
    private readonly TypeNames _names = new();

    public IlCalls(string path)
    {
        _pe = new PEReader(File.OpenRead(path));
        _reader = _pe.GetMetadataReader();
    }

    public void Dispose() => _pe.Dispose();

    /// <summary>The methods named <paramref name="method"/> declared by <paramref name="typeFullName"/>.</summary>
    public IReadOnlyList<MethodDefinitionHandle> Methods(string typeFullName, string method, int parameterCount)
    {
        var type = _reader.TypeDefinitions.Single(h => TypeNames.FullName(_reader, h) == typeFullName);
        return _reader.GetTypeDefinition(type).GetMethods()
            .Where(h => _reader.GetString(_reader.GetMethodDefinition(h).Name) == method
                && _reader.GetMethodDefinition(h).DecodeSignature(_names, null).ParameterTypes.Length == parameterCount)
            .ToList();
    }

    /// <summary>Every method the body references directly, in IL order (repeats kept).</summary>
    public IReadOnlyList<string> Direct(MethodDefinitionHandle method) => Operands(method).Select(Name).ToList();

    /// <summary>Everything reachable from <paramref name="method"/> by following calls into methods of this assembly.</summary>
    public IReadOnlySet<string> Reachable(MethodDefinitionHandle method)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<MethodDefinitionHandle>();
        var pending = new Stack<MethodDefinitionHandle>();
        pending.Push(method);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current)) continue;
            foreach (var operand in Operands(current))
            {
                names.Add(Name(operand));
                var local = operand.Kind == HandleKind.MethodSpecification ? _reader.GetMethodSpecification((MethodSpecificationHandle)operand).Method : operand;
                if (local.Kind == HandleKind.MethodDefinition) pending.Push((MethodDefinitionHandle)local);
            }
        }
        return names;
    }

    /// <summary>Full names of every type the assembly references from other assemblies.</summary>
    public IReadOnlySet<string> ReferencedTypes()
        => _reader.TypeReferences.Select(h => TypeNames.FullName(_reader, h)).ToHashSet(StringComparer.Ordinal);

    private List<EntityHandle> Operands(MethodDefinitionHandle handle)
    {
        var operands = new List<EntityHandle>();
        var definition = _reader.GetMethodDefinition(handle);
        if (definition.RelativeVirtualAddress == 0) return operands; // abstract or extern
        var il = _pe.GetMethodBody(definition.RelativeVirtualAddress).GetILBytes()!;
        var offset = 0;
        while (offset < il.Length)
        {
            short value = il[offset++];
            if (value == 0xFE) value = (short)(0xFE00 | il[offset++]);
            if (!OpCodesByValue.TryGetValue(value, out var opcode)) throw new InvalidDataException("unknown opcode 0x" + value.ToString("X"));
            switch (opcode.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: offset += 1; break;
                case OperandType.InlineVar: offset += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: offset += 8; break;
                case OperandType.InlineSwitch: offset += 4 + 4 * BitConverter.ToInt32(il, offset); break;
                case OperandType.InlineMethod:
                    operands.Add(MetadataTokens.EntityHandle(BitConverter.ToInt32(il, offset)));
                    offset += 4;
                    break;
                default: offset += 4; break;
            }
        }
        return operands;
    }

    private string Name(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                var definition = _reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                return TypeNames.FullName(_reader, definition.GetDeclaringType()) + "::" + _reader.GetString(definition.Name);
            case HandleKind.MemberReference:
                var reference = _reader.GetMemberReference((MemberReferenceHandle)handle);
                var parent = reference.Parent.Kind switch
                {
                    HandleKind.TypeReference => TypeNames.FullName(_reader, (TypeReferenceHandle)reference.Parent),
                    HandleKind.TypeDefinition => TypeNames.FullName(_reader, (TypeDefinitionHandle)reference.Parent),
                    HandleKind.TypeSpecification => _reader.GetTypeSpecification((TypeSpecificationHandle)reference.Parent).DecodeSignature(_names, null),
                    _ => "?",
                };
                return parent + "::" + _reader.GetString(reference.Name);
            case HandleKind.MethodSpecification:
                var specification = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                return Name(specification.Method) + "<" + string.Join(",", specification.DecodeSignature(_names, null)) + ">";
            default:
                return "?" + handle.Kind;
        }
    }

    /// <summary>Type names for signature decoding: "Namespace.Type", "Outer/Nested", generic instances with &lt;args&gt;.</summary>
    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        public static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = reader.GetString(type.Name);
            if (type.IsNested) return FullName(reader, type.GetDeclaringType()) + "/" + name;
            var ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public static string FullName(MetadataReader reader, TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            var name = reader.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference) return FullName(reader, (TypeReferenceHandle)type.ResolutionScope) + "/" + name;
            var ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => "System." + typeCode;
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => FullName(reader, handle);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => FullName(reader, handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
