using System.Text;

namespace LeadPlugins.Cli.Simulation;

/// <summary>How input files are read: limits, separator, encoding and header names (simulate's input options).</summary>
public sealed class InputOptions
{
    public const int DefaultMaxLineBytes = 1024 * 1024;
    /// <summary>The most --max-line-bytes accepts (8 MB).</summary>
    public const int MaxMaxLineBytes = 8 * 1024 * 1024;
    public const int DefaultMaxColumns = 1_000;
    /// <summary>Nesting allowed in one JSON value (Newtonsoft's own default; deeper is a bad line, not a crash).</summary>
    public const int MaxJsonDepth = 64;

    public static InputOptions Default { get; } = new();

    /// <summary>Longest line (CSV: record, JSON: object) kept, in bytes; longer ones are rejected and skipped unread.</summary>
    public int MaxLineBytes { get; init; } = DefaultMaxLineBytes;

    /// <summary>Most fields a CSV or sheet row may have.</summary>
    public int MaxColumns { get; init; } = DefaultMaxColumns;

    /// <summary>CSV field separator; null: detected from the header (`,` `;` or tab).</summary>
    public char? Delimiter { get; init; }

    /// <summary>Forced text encoding; null: byte-order mark, valid UTF-8, else Windows-1252.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>--map: header text (any case) -> lead column logical name, before the built-in names.</summary>
    public IReadOnlyDictionary<string, string> HeaderMap { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Receives one-line warnings (assumed encoding, unknown columns). Text from input is not yet sanitised.</summary>
    public Action<string>? Warn { get; init; }

    /// <summary>`,` `;` `tab` (or `\t`), `|`; null when the text names none of them.</summary>
    public static char? ParseDelimiter(string text) => text switch
    {
        "," or "comma" => ',',
        ";" or "semicolon" => ';',
        "\t" or "\\t" or "tab" => '\t',
        "|" or "pipe" => '|',
        _ => null,
    };

    /// <summary>utf-8, windows-1252 (also cp1252, latin1 as Excel means it), utf-16, utf-16be, or any name .NET knows; null when unknown.</summary>
    public static Encoding? ParseEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var key = name.Trim().ToLowerInvariant();
        if (key is "cp1252" or "latin1" or "ansi" or "1252") key = "windows-1252";
        if (key is "utf8") key = "utf-8";
        try
        {
            var encoding = Encoding.GetEncoding(key);
            return encoding.CodePage == 65001 ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Parses "Header=column" (the header may itself contain '='; the last one splits).</summary>
    public static bool TryParseMapping(string text, out string header, out string column)
    {
        var split = text.LastIndexOf('=');
        header = split > 0 ? text[..split].Trim() : string.Empty;
        column = split > 0 ? text[(split + 1)..].Trim() : string.Empty;
        return header.Length > 0 && column.Length > 0;
    }
}
