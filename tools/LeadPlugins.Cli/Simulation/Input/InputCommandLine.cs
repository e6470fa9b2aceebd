using System.CommandLine;
using System.Globalization;

namespace LeadPlugins.Cli.Simulation;

/// <summary>simulate's options for reading its input and writing the report, and the <see cref="InputOptions"/> they give.</summary>
public sealed class InputCommandLine
{
    public Option<InputFormat> Format { get; } = new("--format")
    {
        Description = "Input format (auto: detected from the content; json: an array or pretty-printed objects; partner-center: the Partner Center Leads download; xlsx: Dynamics Export to Excel)",
        DefaultValueFactory = _ => InputFormat.Auto,
        HelpName = InputFormats.Names,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "auto";
            if (InputFormats.Parse(text) is { } format) return format;
            result.AddError("--format: expected one of " + InputFormats.Names);
            return InputFormat.Auto;
        },
    };

    public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "CSV separator: , ; tab or | (default: detected from the header)", HelpName = "char" };

    public Option<string?> Encoding { get; } = new("--encoding") { Description = "Text encoding: utf-8, windows-1252, utf-16, ... (default: byte-order mark, valid UTF-8, else Windows-1252, with a warning)", HelpName = "name" };

    public Option<string[]> Map { get; } = new("--map")
    {
        Description = "Header name to lead column, e.g. --map \"Firma=companyname\" (repeatable; before the built-in logical and display names)",
        HelpName = "Header=column",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Report { get; } = new("--report") { Description = "Also write a self-contained HTML report (charts, problems, per-lead drill-down) to this file", HelpName = "file.html" };

    public Option<int> MaxLineBytes { get; } = new("--max-line-bytes")
    {
        Description = "Longest line, CSV record or JSON object kept (longer ones are rejected with their line number and skipped)",
        DefaultValueFactory = _ => InputOptions.DefaultMaxLineBytes,
        HelpName = "bytes",
    };

    public Option<int> MaxColumns { get; } = new("--max-columns") { Description = "Most CSV or sheet columns", DefaultValueFactory = _ => InputOptions.DefaultMaxColumns, HelpName = "N" };

    public InputCommandLine()
    {
        Delimiter.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && InputOptions.ParseDelimiter(result.Tokens[0].Value) == null) result.AddError("--delimiter: expected , ; tab or |");
        });
        Encoding.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && InputOptions.ParseEncoding(result.Tokens[0].Value) == null) result.AddError("--encoding: unknown encoding (utf-8, windows-1252, utf-16, ...)");
        });
        Map.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (!InputOptions.TryParseMapping(token.Value, out _, out _)) result.AddError("--map: expected \"Header=column\"");
        });
        MaxLineBytes.Validators.Add(result =>
        {
            // 8 MB keeps a record's text, its JSON and the stored lead within simulate's 300 MB budget (a 7 MB line: 181 MB).
            if (result.GetValueOrDefault<int>() is < 1024 or > InputOptions.MaxMaxLineBytes) result.AddError("--max-line-bytes: expected 1024 to " + InputOptions.MaxMaxLineBytes.ToString(CultureInfo.InvariantCulture));
        });
        MaxColumns.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100_000) result.AddError("--max-columns: expected 1 to 100000");
        });
    }

    public IEnumerable<Option> All => new Option[] { Format, Delimiter, Encoding, Map, Report, MaxLineBytes, MaxColumns };

    public InputOptions Read(ParseResult parse, Action<string> warn)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in parse.GetValue(Map) ?? Array.Empty<string>())
            if (InputOptions.TryParseMapping(entry, out var header, out var column)) map[header] = column;
        var delimiter = parse.GetValue(Delimiter);
        var encoding = parse.GetValue(Encoding);
        return new InputOptions
        {
            MaxLineBytes = parse.GetValue(MaxLineBytes),
            MaxColumns = parse.GetValue(MaxColumns),
            Delimiter = delimiter == null ? null : InputOptions.ParseDelimiter(delimiter),
            Encoding = encoding == null ? null : InputOptions.ParseEncoding(encoding),
            HeaderMap = map,
            Warn = warn,
        };
    }
}
