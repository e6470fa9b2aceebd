using System.Security.Cryptography;
using System.Text;

namespace LeadPlugins.Solution;

/// <summary>
/// Name-based (RFC 4122 version 5, SHA-1) GUIDs. The same name always gives the same id, so a re-import of the
/// solution updates the assembly, plug-in types, steps, images, forms, views and role instead of adding copies.
/// </summary>
public static class StableGuid
{
    /// <summary>The LeadPlugins namespace: never change it, or every component gets a new id.</summary>
    public static readonly Guid LeadPluginsNamespace = new("4b3c7f0e-2d6a-4f1e-9c58-7a1d2e6b0f93");

    public static Guid Create(string name) => Create(LeadPluginsNamespace, name);

    public static Guid Create(Guid namespaceId, string name)
    {
        var namespaceBytes = namespaceId.ToByteArray();
        SwapToNetworkOrder(namespaceBytes);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        Buffer.BlockCopy(namespaceBytes, 0, input, 0, namespaceBytes.Length);
        Buffer.BlockCopy(nameBytes, 0, input, namespaceBytes.Length, nameBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 specifies; this is an identifier, not security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var result = new byte[16];
        Array.Copy(hash, result, 16);
        result[6] = (byte)((result[6] & 0x0F) | 0x50);
        result[8] = (byte)((result[8] & 0x3F) | 0x80);
        SwapToNetworkOrder(result);
        return new Guid(result);
    }

    // Guid.ToByteArray is little-endian in its first three fields; RFC 4122 hashes the big-endian form.
    private static void SwapToNetworkOrder(byte[] guid)
    {
        (guid[0], guid[3]) = (guid[3], guid[0]);
        (guid[1], guid[2]) = (guid[2], guid[1]);
        (guid[4], guid[5]) = (guid[5], guid[4]);
        (guid[6], guid[7]) = (guid[7], guid[6]);
    }
}
