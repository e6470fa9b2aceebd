using System.Buffers.Binary;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace LeadPlugins.Sdk.Tests.Metadata;

/// <summary>
/// Verifies an assembly's strong-name signature the way the .NET Framework loader does: hash the PE image (headers up to
/// the section table with the checksum and certificate-table entry zeroed, then every section's raw data in address
/// order) while skipping the signature blob, and check the RSA PKCS#1 signature with the assembly's own public key.
/// </summary>
internal static class StrongNameSignature
{
    public static bool Verify(string path, byte[] publicKeyBlob)
    {
        var image = File.ReadAllBytes(path);
        using var pe = new PEReader(new MemoryStream(image));
        var headers = pe.PEHeaders;
        var corHeader = headers.CorHeader ?? throw new InvalidOperationException("not a .NET assembly");
        var signatureDirectory = corHeader.StrongNameSignatureDirectory;
        if (signatureDirectory.Size == 0 || !headers.TryGetDirectoryOffset(signatureDirectory, out var signatureOffset)) return false;

        // Public key blob: SigAlgId(4) HashAlgId(4) cbPublicKey(4), then PUBLICKEYBLOB: BLOBHEADER(8) "RSA1" bitlen(4) pubexp(4) modulus (little-endian).
        var hashAlgorithmId = BinaryPrimitives.ReadInt32LittleEndian(publicKeyBlob.AsSpan(4));
        var bitLength = BinaryPrimitives.ReadInt32LittleEndian(publicKeyBlob.AsSpan(12 + 8 + 4));
        var exponent = BinaryPrimitives.ReadUInt32LittleEndian(publicKeyBlob.AsSpan(12 + 8 + 8));
        var modulus = publicKeyBlob.AsSpan(12 + 20, bitLength / 8).ToArray();
        Array.Reverse(modulus);
        var hashName = hashAlgorithmId switch
        {
            0x8004 => HashAlgorithmName.SHA1,
            0x800C => HashAlgorithmName.SHA256,
            0x800D => HashAlgorithmName.SHA384,
            0x800E => HashAlgorithmName.SHA512,
            _ => throw new NotSupportedException($"hash algorithm 0x{hashAlgorithmId:x}"),
        };

        var toHash = (byte[])image.Clone();
        var optionalHeader = headers.PEHeaderStartOffset;
        Array.Clear(toHash, optionalHeader + 64, 4); // CheckSum
        var certificateTableEntry = optionalHeader + (headers.PEHeader!.Magic == PEMagic.PE32Plus ? 144 : 128);
        Array.Clear(toHash, certificateTableEntry, 8);

        using var hash = IncrementalHash.CreateHash(hashName);
        var headersEnd = headers.PEHeaderStartOffset + headers.CoffHeader.SizeOfOptionalHeader + 40 * headers.SectionHeaders.Length;
        hash.AppendData(toHash, 0, headersEnd);
        foreach (var section in headers.SectionHeaders.OrderBy(s => s.VirtualAddress))
        {
            var start = section.PointerToRawData;
            var end = start + section.SizeOfRawData;
            if (signatureOffset >= start && signatureOffset < end)
            {
                hash.AppendData(toHash, start, signatureOffset - start);
                var after = signatureOffset + signatureDirectory.Size;
                hash.AppendData(toHash, after, end - after);
            }
            else
            {
                hash.AppendData(toHash, start, end - start);
            }
        }
        var digest = hash.GetHashAndReset();

        var signature = image.AsSpan(signatureOffset, signatureDirectory.Size).ToArray();
        Array.Reverse(signature);
        using var rsa = RSA.Create();
        var exponentBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(exponentBytes, exponent);
        rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = exponentBytes.SkipWhile(b => b == 0).ToArray() });
        return rsa.VerifyHash(digest, signature, hashName, RSASignaturePadding.Pkcs1);
    }
}
