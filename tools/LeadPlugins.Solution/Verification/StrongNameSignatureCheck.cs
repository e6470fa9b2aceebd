using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace LeadPlugins.Solution;

/// <summary>
/// Verifies an assembly's strong-name signature the way the .NET Framework loader (and so the Dataverse sandbox)
/// does: an RSA PKCS#1 signature, by the public key in the assembly's metadata, over the hash of the PE image without
/// its checksum, its certificate table entry and the signature blob itself. A single changed byte anywhere else in
/// the image makes the check fail. <see cref="Registration.RegistrationReader.IsStrongNameSigned"/> only tells
/// signed from unsigned; this tells a valid signature from a broken one.
/// </summary>
public static class StrongNameSignatureCheck
{
    // PublicKeyBlob (ECMA-335 II.6.3): SigAlgId, HashAlgId, cbPublicKey, then a CAPI PUBLICKEYBLOB.
    private const int PublicKeyBlobHeaderSize = 12;
    // CAPI PUBLICKEYBLOB: BLOBHEADER (8 bytes) + RSAPUBKEY (magic "RSA1", bit length, exponent), then the modulus.
    private const int CapiHeaderSize = 20;
    private const uint RsaPublicMagic = 0x31415352; // "RSA1"
    private const int NtSignatureAndFileHeaderSize = 4 + 20;
    // Offsets inside the optional header (PE/COFF): CheckSum, and the data directories (Certificate Table is entry 4).
    private const int ChecksumOffset = 64;
    private const int DataDirectoriesOffset32 = 96;
    private const int DataDirectoriesOffset64 = 112;
    private const int CertificateTableEntry = 4;
    // The runtime hashes IMAGE_NT_HEADERS with all 16 data directories, whatever SizeOfOptionalHeader says.
    private const int OptionalHeaderSize32 = 224;
    private const int OptionalHeaderSize64 = 240;
    private const int SectionHeaderSize = 40;

    /// <summary>Null when the signature verifies; otherwise why it does not (not signed, malformed, or a hash that does not match).</summary>
    public static string? Problem(byte[] image)
    {
        try
        {
            return Check(image);
        }
        catch (BadImageFormatException e)
        {
            return "the image cannot be read (" + e.Message + ")";
        }
        catch (CryptographicException e)
        {
            return "the public key cannot be used (" + e.Message + ")";
        }
    }

    private static string? Check(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image, writable: false));
        var headers = pe.PEHeaders;
        if (!pe.HasMetadata || headers.CorHeader == null || headers.PEHeader == null) return "not a .NET assembly";
        var metadata = pe.GetMetadataReader();
        if (!metadata.IsAssembly) return "not an assembly (a module without a manifest)";
        var publicKeyHandle = metadata.GetAssemblyDefinition().PublicKey;
        if (publicKeyHandle.IsNil) return "no public key";
        var publicKey = metadata.GetBlobBytes(publicKeyHandle);

        var directory = headers.CorHeader.StrongNameSignatureDirectory;
        if (directory.Size <= 0 || !headers.TryGetDirectoryOffset(directory, out var signatureOffset)
            || signatureOffset < 0 || (long)signatureOffset + directory.Size > image.Length)
            return "no strong-name signature blob";

        if (!TryReadRsaKey(publicKey, out var parameters, out var hashAlgorithm, out var keyProblem)) return keyProblem;
        var signature = image.AsSpan(signatureOffset, directory.Size).ToArray();
        if (signature.Length != parameters.Modulus!.Length) return "the signature blob is " + signature.Length + " bytes, the key needs " + parameters.Modulus.Length;
        Array.Reverse(signature); // CAPI stores the signature little-endian

        var hash = ImageHash(image, headers, signatureOffset, directory.Size, hashAlgorithm, out var hashProblem);
        if (hash == null) return hashProblem;
        using var rsa = RSA.Create();
        rsa.ImportParameters(parameters);
        return rsa.VerifyHash(hash, signature, hashAlgorithm, RSASignaturePadding.Pkcs1)
            ? null
            : "the signature does not match the image (it was changed after signing)";
    }

    /// <summary>The hash the signature covers: DOS header, NT headers without checksum and certificate table entry, section headers, section data without the signature blob.</summary>
    private static byte[]? ImageHash(byte[] image, PEHeaders headers, int signatureOffset, int signatureSize, HashAlgorithmName algorithm, out string? problem)
    {
        problem = null;
        var ntStart = headers.PEHeaderStartOffset - NtSignatureAndFileHeaderSize;
        var is64 = headers.PEHeader!.Magic == PEMagic.PE32Plus;
        var ntSize = NtSignatureAndFileHeaderSize + (is64 ? OptionalHeaderSize64 : OptionalHeaderSize32);
        var sectionsStart = ntStart + NtSignatureAndFileHeaderSize + headers.CoffHeader.SizeOfOptionalHeader;
        var sectionsSize = headers.CoffHeader.NumberOfSections * SectionHeaderSize;
        if (ntStart < 0 || ntStart + ntSize > image.Length || sectionsStart + sectionsSize > image.Length)
        {
            problem = "the PE headers are truncated";
            return null;
        }

        using var hash = IncrementalHash.CreateHash(algorithm);
        hash.AppendData(image, 0, ntStart);
        var nt = image.AsSpan(ntStart, ntSize).ToArray();
        var optional = NtSignatureAndFileHeaderSize;
        BinaryPrimitives.WriteUInt32LittleEndian(nt.AsSpan(optional + ChecksumOffset), 0);
        var certificateEntry = optional + (is64 ? DataDirectoriesOffset64 : DataDirectoriesOffset32) + CertificateTableEntry * 8;
        BinaryPrimitives.WriteUInt64LittleEndian(nt.AsSpan(certificateEntry), 0);
        hash.AppendData(nt);
        hash.AppendData(image, sectionsStart, sectionsSize);

        var signatureEnd = (long)signatureOffset + signatureSize;
        foreach (var section in headers.SectionHeaders)
        {
            long start = section.PointerToRawData;
            long end = start + section.SizeOfRawData;
            if (end > image.Length)
            {
                problem = "section " + section.Name + " runs past the end of the file";
                return null;
            }
            // The signature blob is left out wherever it overlaps the section.
            if (signatureEnd <= start || signatureOffset >= end)
            {
                Append(hash, image, start, end);
                continue;
            }
            Append(hash, image, start, Math.Max(start, signatureOffset));
            Append(hash, image, Math.Min(end, signatureEnd), end);
        }
        return hash.GetHashAndReset();
    }

    private static void Append(IncrementalHash hash, byte[] image, long start, long end)
    {
        if (end > start) hash.AppendData(image, (int)start, (int)(end - start));
    }

    private static bool TryReadRsaKey(byte[] publicKey, out RSAParameters parameters, out HashAlgorithmName hashAlgorithm, out string? problem)
    {
        parameters = default;
        hashAlgorithm = default;
        problem = null;
        if (publicKey.Length < PublicKeyBlobHeaderSize + CapiHeaderSize)
        {
            problem = "the public key is too short (" + publicKey.Length + " bytes)";
            return false;
        }
        var hashAlgorithmId = BinaryPrimitives.ReadUInt32LittleEndian(publicKey.AsSpan(4));
        HashAlgorithmName? name = hashAlgorithmId switch
        {
            0 or 0x8004 => HashAlgorithmName.SHA1, // 0: the default, SHA-1
            0x800C => HashAlgorithmName.SHA256,
            0x800D => HashAlgorithmName.SHA384,
            0x800E => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (name == null)
        {
            problem = "unknown hash algorithm 0x" + hashAlgorithmId.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " in the public key";
            return false;
        }
        hashAlgorithm = name.Value;
        var capi = publicKey.AsSpan(PublicKeyBlobHeaderSize);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(capi[8..]);
        var bits = BinaryPrimitives.ReadUInt32LittleEndian(capi[12..]);
        var exponent = BinaryPrimitives.ReadUInt32LittleEndian(capi[16..]);
        if (magic != RsaPublicMagic || bits == 0 || bits % 8 != 0 || bits > 16384 || capi.Length < CapiHeaderSize + bits / 8)
        {
            problem = "the public key is not an RSA key blob";
            return false;
        }
        var modulus = capi.Slice(CapiHeaderSize, (int)(bits / 8)).ToArray();
        Array.Reverse(modulus); // little-endian in CAPI, big-endian for RSAParameters
        var exponentBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(exponentBytes, exponent);
        parameters = new RSAParameters { Modulus = modulus, Exponent = exponentBytes.SkipWhile(b => b == 0).ToArray() };
        return true;
    }
}
