using System.Text;

namespace LeadPlugins.Cli.Simulation;

/// <summary>An input stream ready to split into records: positioned after any byte-order mark, in a single-byte-safe encoding.</summary>
public sealed class PreparedInput
{
    internal PreparedInput(Stream stream, Encoding encoding, string encodingName, string? assumption, bool isZip)
    {
        Stream = stream;
        Encoding = encoding;
        EncodingName = encodingName;
        Assumption = assumption;
        IsZip = isZip;
    }

    /// <summary>The bytes to read: UTF-8 or Windows-1252 (UTF-16/32 input is transcoded to UTF-8), so ASCII bytes are always characters.</summary>
    public Stream Stream { get; }
    public Encoding Encoding { get; }
    public string EncodingName { get; }
    /// <summary>A warning when the encoding was assumed rather than marked (no BOM, not valid UTF-8).</summary>
    public string? Assumption { get; }
    /// <summary>The input starts like a zip file (an .xlsx workbook).</summary>
    public bool IsZip { get; }
}
