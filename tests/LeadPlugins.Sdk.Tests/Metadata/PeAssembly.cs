using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace LeadPlugins.Sdk.Tests.Metadata;

/// <summary>One assembly file opened with System.Reflection.Metadata (no loading, no reflection).</summary>
internal sealed class PeAssembly : IDisposable
{
    private readonly PEReader _pe;

    public PeAssembly(string path)
    {
        Path = path;
        _pe = new PEReader(File.OpenRead(path));
        Reader = _pe.GetMetadataReader();
        Signatures = new CanonicalSignatures(Reader);
    }

    public string Path { get; }
    public MetadataReader Reader { get; }
    public CanonicalSignatures Signatures { get; }
    public PEReader PE => _pe;

    public string Name => Reader.GetString(Reader.GetAssemblyDefinition().Name);

    /// <summary>"Name, Version=…, Culture=…, PublicKeyToken=…" of this assembly's own definition.</summary>
    public string Identity
    {
        get
        {
            var def = Reader.GetAssemblyDefinition();
            return Format(Reader.GetString(def.Name), def.Version, Reader.GetString(def.Culture), TokenOf(Reader.GetBlobBytes(def.PublicKey), isFullKey: true));
        }
    }

    /// <summary>The same string for an AssemblyRef of this file (the reference records a token or a full key).</summary>
    public string ReferenceIdentity(AssemblyReferenceHandle handle)
    {
        var reference = Reader.GetAssemblyReference(handle);
        var isFullKey = (reference.Flags & AssemblyFlags.PublicKey) != 0;
        return Format(Reader.GetString(reference.Name), reference.Version, Reader.GetString(reference.Culture),
            TokenOf(Reader.GetBlobBytes(reference.PublicKeyOrToken), isFullKey));
    }

    public IEnumerable<(AssemblyReferenceHandle Handle, string Name)> AssemblyReferences =>
        Reader.AssemblyReferences.Select(h => (h, Reader.GetString(Reader.GetAssemblyReference(h).Name)));

    public static string TokenOf(byte[] keyOrToken, bool isFullKey)
    {
        if (keyOrToken.Length == 0) return "null";
        // The public key token is the last 8 bytes of SHA-1(public key), reversed (ECMA-335 II.6.2.1.3).
        var token = isFullKey ? SHA1.HashData(keyOrToken)[^8..].Reverse().ToArray() : keyOrToken;
        return Convert.ToHexStringLower(token);
    }

    private static string Format(string name, Version version, string culture, string token)
        => $"{name}, Version={version}, Culture={(culture.Length == 0 ? "neutral" : culture)}, PublicKeyToken={token}";

    /// <summary>Public or protected (family, family-or-assembly): callable from another assembly.</summary>
    public static bool IsVisibleOutside(MethodAttributes attributes)
    {
        var access = attributes & MethodAttributes.MemberAccessMask;
        return access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;
    }

    public static bool IsVisibleOutside(FieldAttributes attributes)
    {
        var access = attributes & FieldAttributes.FieldAccessMask;
        return access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem;
    }

    public void Dispose() => _pe.Dispose();
}
