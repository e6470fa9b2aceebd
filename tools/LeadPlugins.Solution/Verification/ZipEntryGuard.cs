using System.Buffers.Binary;
using System.IO.Compression;

namespace LeadPlugins.Solution;

/// <summary>
/// What `verify` checks before it reads a byte of a zip's content, so a hostile zip ends as findings instead of an
/// exception or gigabytes of memory: entry names that could escape a folder when extracted (`..`, absolute paths,
/// drive letters, backslashes, control characters) or repeat, the number of entries, each entry's declared size and
/// compression ratio, and the total. Content is then read with a bound, so an entry that holds more than its
/// header declares is caught too. The limits are far above what a real solution carries (a plug-in assembly is at
/// most 16 MB, a large customizations.xml a few MB).
/// </summary>
public static class ZipEntryGuard
{
    /// <summary>Largest zip file verify opens.</summary>
    public const long MaxZipBytes = 256L * 1024 * 1024;
    /// <summary>Largest entry (uncompressed) verify reads.</summary>
    public const long MaxEntryBytes = 64L * 1024 * 1024;
    /// <summary>Largest sum of all entries (uncompressed) verify reads.</summary>
    public const long MaxTotalBytes = 128L * 1024 * 1024;
    /// <summary>Most entries a zip may list (read from its end record before the central directory is loaded).</summary>
    public const long MaxEntries = 10_000;
    /// <summary>Highest uncompressed:compressed ratio, for entries above <see cref="RatioCheckedAbove"/> (XML compresses 5 to 30 times).</summary>
    public const long MaxCompressionRatio = 200;
    public const long RatioCheckedAbove = 1024 * 1024;

    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;

    /// <summary>Why an entry name is unsafe to extract or ambiguous, or null when it is fine.</summary>
    public static string? NameProblem(string name)
    {
        if (name.Length == 0) return "empty entry name";
        foreach (var c in name)
            if (char.IsControl(c) || c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069')
                return "entry name holds a control or bidi character";
        if (name.Contains('\\', StringComparison.Ordinal)) return "entry name uses a backslash; zip entries use forward slashes";
        if (name.StartsWith('/')) return "entry name is an absolute path (starts with '/')";
        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':') return "entry name starts with a drive letter";
        if (name.Split('/', '\\').Any(segment => segment == "..")) return "entry name climbs out of the folder with '..'";
        return null;
    }

    /// <summary>
    /// Reads the zip's end record: a finding (and false) when the zip lists more than <see cref="MaxEntries"/> entries,
    /// so the central directory is never loaded. A zip without an end record is left to ZipArchive to refuse.
    /// </summary>
    public static bool CheckEntryCount(Stream zip, string displayName, FindingList findings)
    {
        var count = DeclaredEntryCount(zip);
        zip.Position = 0;
        if (count is not > MaxEntries) return true;
        findings.Error(FindingCodes.EntryTooLarge, displayName, 0, "the zip lists " + count + " entries; verify reads at most " + MaxEntries);
        return false;
    }

    /// <summary>
    /// The content of every file entry whose name and sizes pass, by normalized name. Refused entries become
    /// findings and are not read; no entry is read beyond its declared size or the limits.
    /// </summary>
    public static Dictionary<string, byte[]> ReadEntries(ZipArchive archive, FindingList findings)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            var problem = NameProblem(name);
            if (problem != null)
            {
                findings.Error(FindingCodes.BadEntryName, name, 0, problem);
                continue;
            }
            if (name.EndsWith('/')) continue; // folder entry
            if (!seen.Add(name))
            {
                findings.Error(FindingCodes.BadEntryName, name, 0, "duplicate entry (names differ at most in case)");
                continue;
            }
            var sizeProblem = SizeProblem(entry, total);
            if (sizeProblem != null)
            {
                findings.Error(FindingCodes.EntryTooLarge, name, 0, sizeProblem);
                continue;
            }
            var content = ReadBounded(entry, out var rule, out var readProblem);
            if (content == null)
            {
                findings.Error(rule, name, 0, readProblem!);
                continue;
            }
            total += content.Length;
            entries[name] = content;
        }
        return entries;
    }

    private static string? SizeProblem(ZipArchiveEntry entry, long totalSoFar)
    {
        var size = entry.Length;
        if (size > MaxEntryBytes)
            return "entry declares " + Megabytes(size) + " uncompressed; verify reads at most " + Megabytes(MaxEntryBytes) + " per entry";
        if (totalSoFar + size > MaxTotalBytes)
            return "the entries add up to more than " + Megabytes(MaxTotalBytes) + " uncompressed; verify stops reading here";
        if (size > RatioCheckedAbove && size > MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            return "entry compresses " + size / Math.Max(entry.CompressedLength, 1) + ":1 (" + Megabytes(size) + " from " + entry.CompressedLength + " bytes); more than " + MaxCompressionRatio + ":1 is refused as a zip bomb";
        return null;
    }

    /// <summary>The entry's bytes, read only up to its declared size (plus one byte to notice a lie).</summary>
    private static byte[]? ReadBounded(ZipArchiveEntry entry, out string rule, out string? problem)
    {
        rule = FindingCodes.NotAZip;
        problem = null;
        var declared = entry.Length;
        try
        {
            using var stream = entry.Open();
            var buffer = new byte[declared];
            var read = 0;
            while (read < declared)
            {
                var n = stream.Read(buffer, read, (int)(declared - read));
                if (n == 0) break;
                read += n;
            }
            if (read < declared)
            {
                problem = "cannot read the entry: it ends after " + read + " of its declared " + declared + " bytes";
                return null;
            }
            if (stream.ReadByte() >= 0)
            {
                rule = FindingCodes.EntryTooLarge;
                problem = "entry holds more than its declared " + declared + " bytes; refused as a zip bomb";
                return null;
            }
            return buffer;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            problem = "cannot read the entry: " + e.Message;
            return null;
        }
    }

    private static long? DeclaredEntryCount(Stream zip)
    {
        if (!zip.CanSeek || zip.Length < 22) return null;
        // The end record is the last 22 bytes plus a comment of at most 65,535 bytes.
        var tailLength = (int)Math.Min(zip.Length, 22 + 65_535 + 20);
        var tail = new byte[tailLength];
        zip.Position = zip.Length - tailLength;
        zip.ReadExactly(tail);
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EndOfCentralDirectorySignature) continue;
            long count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            if (count != 0xFFFF || i < 20 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i - 20)) != Zip64LocatorSignature) return count;
            // ZIP64: the locator points at the zip64 end record, whose entry count is 8 bytes at offset 32.
            var recordOffset = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(i - 20 + 8));
            if (recordOffset < 0 || recordOffset + 40 > zip.Length) return count;
            var record = new byte[40];
            zip.Position = recordOffset;
            zip.ReadExactly(record);
            return BinaryPrimitives.ReadUInt32LittleEndian(record) == Zip64EndSignature ? BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32)) : count;
        }
        return null;
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
