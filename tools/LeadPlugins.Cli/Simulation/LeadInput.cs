using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LeadPlugins.InMemory;
using LeadPlugins.Schema;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Simulation;

public enum InputFormat
{
    /// <summary>Detected from the content: the first bytes (zip: xlsx), the first character and the first line.</summary>
    Auto,
    /// <summary>JSON of marketplace HTTPS-endpoint payloads (UserDetails, LeadSource, ActionCode, OfferTitle): lines, an array or pretty-printed objects.</summary>
    Payload,
    /// <summary>JSON of lead rows: column name -> value, as the Dynamics lead destination writes them: lines, an array or pretty-printed objects.</summary>
    Rows,
    /// <summary>A JSON array, or pretty-printed JSON objects one after another; each object is a payload or a row by its keys.</summary>
    Json,
    /// <summary>CSV (`,` `;` or tab) with a header of lead columns: logical names or display names (Dynamics export), or the Partner Center download.</summary>
    Csv,
    /// <summary>The Partner Center Referrals "Leads" download (CSV).</summary>
    PartnerCenter,
    /// <summary>An .xlsx workbook (Dynamics "Export to Excel"): the first sheet, its first row the header.</summary>
    Xlsx,
}

/// <summary>The names --format accepts.</summary>
public static class InputFormats
{
    public const string Names = "auto|payload|rows|json|csv|partner-center|xlsx";

    public static InputFormat? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => InputFormat.Auto,
        "payload" or "payloads" => InputFormat.Payload,
        "rows" => InputFormat.Rows,
        "json" => InputFormat.Json,
        "csv" => InputFormat.Csv,
        "partner-center" or "partnercenter" => InputFormat.PartnerCenter,
        "xlsx" or "excel" => InputFormat.Xlsx,
        _ => null,
    };

    public static string Name(InputFormat format) => format == InputFormat.PartnerCenter ? "partner-center" : format.ToString().ToLowerInvariant();
}

/// <summary>One input record: the lead to create, or why the record cannot be used.</summary>
public sealed class InputRecord
{
    private InputRecord(int line, Entity? lead, string? error, IReadOnlyList<string> notes)
    {
        Line = line;
        Lead = lead;
        Error = error;
        Notes = notes;
    }

    /// <summary>1-based line number in the input (CSV and JSON objects: the line where the record starts; xlsx: the row).</summary>
    public int Line { get; }
    public Entity? Lead { get; }
    public string? Error { get; }
    /// <summary>Values the mapping had to leave out (e.g. an array where text was expected).</summary>
    public IReadOnlyList<string> Notes { get; }

    public static InputRecord Ok(int line, Entity lead, IReadOnlyList<string>? notes = null) => new(line, lead, null, notes ?? Array.Empty<string>());
    public static InputRecord Bad(int line, string error) => new(line, null, error, Array.Empty<string>());
}

/// <summary>The input cannot be used at all (binary data, a CSV header naming no lead column, a damaged workbook).</summary>
public sealed class UnusableInputException : Exception
{
    public UnusableInputException(string message) : base(message) { }
}

/// <summary>
/// Streams lead records from an input in any of the <see cref="InputFormat"/>s, one record at a time and within the
/// limits of <see cref="InputOptions"/> (see <see cref="RecordReader"/>): a bad record is reported with its line and
/// reason and the rest still runs. The encoding comes from <see cref="InputDecoding"/>.
/// </summary>
public sealed partial class LeadInput
{
    private const string Lead = "lead";
    private const int MaxUnknownNamesKept = 20;

    private readonly ColumnValues _values;
    private readonly InputOptions _options;
    private readonly LeadHeaders _headers;
    private readonly List<string> _unknownNames = new();
    private int _unknownCount;

    public LeadInput(ColumnValues values, InputOptions? options = null, SolutionSource? solution = null)
    {
        _values = values;
        _options = options ?? InputOptions.Default;
        _headers = new LeadHeaders(values, solution, _options.HeaderMap);
    }

    /// <summary>`{` with a UserDetails or LeadSource key (any casing) => payload; `{` otherwise => rows; `[` => JSON; else CSV.</summary>
    public static InputFormat Detect(string firstNonEmptyLine)
    {
        var line = firstNonEmptyLine.TrimStart('\uFEFF', ' ', '\t');
        if (line.StartsWith('[')) return InputFormat.Json;
        if (!line.StartsWith('{')) return InputFormat.Csv;
        if (OpenDepth(line) > 0) return InputFormat.Json;
        return KindOf(line);
    }

    /// <summary>Payload or Rows, by the object's keys.</summary>
    private static InputFormat KindOf(string json)
    {
        try
        {
            var token = JToken.Parse(json);
            return token is JObject o && o.Properties().Any(p => IsPayloadKey(p.Name)) ? InputFormat.Payload : InputFormat.Rows;
        }
        catch (JsonException)
        {
            // A broken object (the documented test lead misses a comma) still shows its keys.
            return PayloadKeyPattern().IsMatch(json) ? InputFormat.Payload : InputFormat.Rows;
        }
    }

    /// <summary>Brackets still open at the end of the text (outside strings): more than 0 means a value continues on the next line.</summary>
    private static int OpenDepth(string text)
    {
        int depth = 0;
        bool inString = false, escaped = false;
        foreach (var c in text)
        {
            if (inString)
            {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c is '{' or '[') depth++;
            else if (c is '}' or ']') depth--;
        }
        return depth;
    }

    private static bool IsPayloadKey(string name)
        => string.Equals(name, "UserDetails", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "LeadSource", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("\"(userdetails|leadsource)\"\\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex PayloadKeyPattern();

    /// <summary>Reads text already decoded (tests, other tools): its characters as UTF-8, so no encoding is guessed.</summary>
    public IEnumerable<InputRecord> Read(TextReader reader, InputFormat format, Action<InputFormat>? detected = null)
        => Read(new TextReaderStream(reader), format, detected, InputDecoding.Utf8);

    /// <summary>Reads an input stream; reports the format found; throws <see cref="UnusableInputException"/> when the input cannot be used at all.</summary>
    public IEnumerable<InputRecord> Read(Stream stream, InputFormat format, Action<InputFormat>? detected = null)
        => Read(stream, format, detected, _options.Encoding);

    private IEnumerable<InputRecord> Read(Stream stream, InputFormat format, Action<InputFormat>? detected, Encoding? encoding)
    {
        var input = InputDecoding.Prepare(stream, encoding);
        if (input.Assumption != null) _options.Warn?.Invoke(input.Assumption);
        IEnumerable<InputRecord> records;
        if (input.IsZip || format == InputFormat.Xlsx)
        {
            if (!input.IsZip) throw new UnusableInputException("--format xlsx: this is not an .xlsx workbook (a zip file)");
            detected?.Invoke(InputFormat.Xlsx);
            records = ReadSheet(XlsxInput.Rows(input.Stream, _options.MaxColumns));
        }
        else
        {
            records = ReadText(new RecordReader(input.Stream, input.Encoding, _options.MaxLineBytes), format, detected);
        }
        foreach (var record in records) yield return record;
        if (_unknownCount > 0)
            _options.Warn?.Invoke(_unknownCount + " unknown column(s) left out: " + string.Join(", ", _unknownNames)
                + (_unknownCount > _unknownNames.Count ? ", ..." : string.Empty) + " (name lead columns by logical or display name, or add --map \"Header=column\")");
    }

    private void NoteUnknown(string name)
    {
        if (_unknownNames.Contains(name, StringComparer.OrdinalIgnoreCase)) return;
        _unknownCount++;
        if (_unknownNames.Count < MaxUnknownNamesKept) _unknownNames.Add(name.Length > 60 ? name[..60] + "..." : name);
    }

    private IEnumerable<InputRecord> ReadText(RecordReader reader, InputFormat format, Action<InputFormat>? detected)
    {
        var first = reader.PeekNonSpace();
        if (first == null) yield break;
        var csv = format is InputFormat.Csv or InputFormat.PartnerCenter || (format == InputFormat.Auto && first is not ((byte)'{' or (byte)'['));
        if (csv)
        {
            foreach (var record in ReadCsv(reader, format, detected)) yield return record;
            yield break;
        }
        InputFormat? kind = format is InputFormat.Payload or InputFormat.Rows ? format : null;
        if (first == (byte)'[' || format == InputFormat.Json)
        {
            detected?.Invoke(kind ?? InputFormat.Json);
            foreach (var record in ReadJsonValues(reader, kind)) yield return record;
            yield break;
        }
        // '{': JSON lines when the first line holds a whole object, else pretty-printed objects.
        var line = reader.Next(RecordShape.Line)!.Value;
        if (!line.IsBad && OpenDepth(line.Text!) > 0)
        {
            reader.PushBack(line.Text!, line.Line);
            detected?.Invoke(kind ?? InputFormat.Json);
            foreach (var record in ReadJsonValues(reader, kind)) yield return record;
            yield break;
        }
        var lineKind = kind ?? KindOf(line.Text ?? line.Prefix ?? string.Empty);
        detected?.Invoke(lineKind);
        for (RawRecord? next = line; next != null; next = reader.Next(RecordShape.Line))
        {
            var raw = next.Value;
            if (raw.IsBad) yield return InputRecord.Bad(raw.Line, raw.Error!);
            else if (!string.IsNullOrWhiteSpace(raw.Text)) yield return lineKind == InputFormat.Payload ? MapPayload(raw.Line, raw.Text) : MapRow(raw.Line, raw.Text);
        }
    }

    private IEnumerable<InputRecord> ReadJsonValues(RecordReader reader, InputFormat? kind)
    {
        for (var next = reader.Next(RecordShape.JsonValue); next != null; next = reader.Next(RecordShape.JsonValue))
        {
            var raw = next.Value;
            if (raw.IsBad)
            {
                yield return InputRecord.Bad(raw.Line, raw.Error!);
                continue;
            }
            if (string.IsNullOrWhiteSpace(raw.Text)) continue;
            var objectKind = kind ?? KindOf(raw.Text);
            yield return objectKind == InputFormat.Payload ? MapPayload(raw.Line, raw.Text) : MapRow(raw.Line, raw.Text);
        }
    }

    // ---------- HTTPS-endpoint payloads ----------

    /// <summary>Payload field -> lead column, as an HTTPS-endpoint flow maps them (UserDetails keys first).</summary>
    public static readonly IReadOnlyList<(string Field, string Column)> PayloadColumns = new[]
    {
        ("UserDetails.FirstName", "firstname"),
        ("UserDetails.LastName", "lastname"),
        ("UserDetails.Email", "emailaddress1"),
        ("UserDetails.Phone", "telephone1"),
        ("UserDetails.Country", "address1_country"),
        ("UserDetails.Company", "companyname"),
        ("UserDetails.Title", "jobtitle"),
        ("LeadSource", LeadTable.Columns.LeadSource),
        ("ActionCode", LeadTable.Columns.ActionCode),
        ("OfferTitle", "subject"),
    };

    /// <summary>
    /// Maps one payload the way an HTTPS-endpoint flow would: the documented fields to their lead columns (keys in
    /// any casing, scalars as text, null or empty left out) and the whole payload text to description, so the
    /// plug-in's payload parser sees everything the marketplace sent.
    /// </summary>
    public InputRecord MapPayload(int line, string text)
    {
        JObject payload;
        try
        {
            payload = ParseObject(text);
        }
        catch (InputException e)
        {
            return InputRecord.Bad(line, e.Message);
        }
        var lead = new Entity(Lead);
        var notes = new List<string>();
        var user = payload.GetValue("UserDetails", StringComparison.OrdinalIgnoreCase);
        if (user != null && user.Type != JTokenType.Object && user.Type != JTokenType.Null)
            notes.Add("UserDetails is " + Describe(user) + ", not an object: contact fields left empty");
        foreach (var (field, column) in PayloadColumns)
        {
            var dot = field.IndexOf('.', StringComparison.Ordinal);
            var token = dot < 0
                ? payload.GetValue(field, StringComparison.OrdinalIgnoreCase)
                : (user as JObject)?.GetValue(field[(dot + 1)..], StringComparison.OrdinalIgnoreCase);
            if (token == null || token.Type == JTokenType.Null) continue;
            if (token is not JValue scalar)
            {
                notes.Add(field + " is " + Describe(token) + ": " + column + " left empty");
                continue;
            }
            var value = ScalarText(scalar);
            if (value.Length > 0) lead[column] = value;
        }
        lead["description"] = text.Trim();
        return InputRecord.Ok(line, lead, notes);
    }

    // ---------- lead rows ----------

    /// <summary>
    /// Maps one lead row: keys name lead columns (logical or display names, see <see cref="LeadHeaders"/>); values are
    /// text (scalars taken as text). Unknown keys are left out and named once in a warning at the end of the input; a
    /// row with no lead column at all is a bad line.
    /// </summary>
    public InputRecord MapRow(int line, string text)
    {
        try
        {
            var row = ParseObject(text);
            var table = _values.Table(Lead);
            var lead = new Entity(Lead);
            List<string>? unknown = null;
            var known = 0;
            foreach (var property in row.Properties())
            {
                var match = _headers.Match(property.Name);
                if (match.Unknown)
                {
                    (unknown ??= new List<string>()).Add(property.Name);
                    NoteUnknown(property.Name);
                    continue;
                }
                known++;
                if (match.Ignored || property.Value.Type == JTokenType.Null) continue;
                if (property.Value is not JValue scalar)
                    throw new InputException(property.Name + ": expected text, got " + Describe(property.Value));
                var column = match.Column!;
                var value = _values.Convert(table, column, ScalarText(scalar));
                if (value != null) lead[column.LogicalName] = value;
            }
            if (known == 0 && unknown != null)
                return InputRecord.Bad(line, "no lead column in this row (unknown: " + string.Join(", ", unknown.Take(5)) + (unknown.Count > 5 ? ", ..." : string.Empty) + ")");
            return InputRecord.Ok(line, lead);
        }
        catch (InputException e)
        {
            return InputRecord.Bad(line, e.Message);
        }
    }

    // ---------- CSV and sheets ----------

    private IEnumerable<InputRecord> ReadCsv(RecordReader reader, InputFormat format, Action<InputFormat>? detected)
    {
        RawRecord header;
        do
        {
            var next = reader.Next(RecordShape.CsvRecord);
            if (next == null) yield break;
            header = next.Value;
            if (header.IsBad) throw new UnusableInputException("line " + header.Line + ": the CSV header is unusable: " + header.Error);
        }
        while (string.IsNullOrWhiteSpace(header.Text));

        var delimiter = _options.Delimiter ?? CsvFields.DetectDelimiter(header.Text!);
        var names = CsvFields.Split(header.Text!, delimiter, _options.MaxColumns)
            ?? throw new UnusableInputException("line " + header.Line + ": the CSV header has more than " + _options.MaxColumns.ToString("N0", CultureInfo.InvariantCulture) + " columns (--max-columns)");
        var mapper = HeaderMapper(names, format, header.Line);
        detected?.Invoke(mapper.Format);

        for (var next = reader.Next(RecordShape.CsvRecord); next != null; next = reader.Next(RecordShape.CsvRecord))
        {
            var raw = next.Value;
            if (raw.IsBad)
            {
                yield return InputRecord.Bad(raw.Line, raw.Error!);
                continue;
            }
            if (string.IsNullOrWhiteSpace(raw.Text)) continue;
            var fields = CsvFields.Split(raw.Text, delimiter, _options.MaxColumns);
            if (fields == null)
            {
                yield return InputRecord.Bad(raw.Line, "more than " + _options.MaxColumns.ToString("N0", CultureInfo.InvariantCulture) + " fields (--max-columns)");
                continue;
            }
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (fields.Count != names.Count)
            {
                yield return InputRecord.Bad(raw.Line, "expected " + names.Count + " fields (the header's), found " + fields.Count
                    + (fields.Count == 1 && names.Count > 1 ? " (is the separator '" + Shown(delimiter) + "' right? --delimiter)" : string.Empty));
                continue;
            }
            yield return mapper.Map(raw.Line, fields);
        }
    }

    private IEnumerable<InputRecord> ReadSheet(IEnumerable<(int Row, List<string> Cells)> rows)
    {
        HeaderMapping? mapper = null;
        List<string>? names = null;
        foreach (var (row, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (mapper == null)
            {
                names = cells;
                while (names.Count > 0 && string.IsNullOrWhiteSpace(names[^1])) names.RemoveAt(names.Count - 1);
                mapper = HeaderMapper(names, InputFormat.Xlsx, row);
                continue;
            }
            var fields = cells.Count > names!.Count ? cells.GetRange(0, names.Count) : cells;
            while (fields.Count < names.Count) fields.Add(string.Empty);
            if (fields.Sum(f => f.Length) > _options.MaxLineBytes)
            {
                yield return InputRecord.Bad(row, "row longer than " + _options.MaxLineBytes.ToString("N0", CultureInfo.InvariantCulture) + " characters (--max-line-bytes): left out");
                continue;
            }
            yield return mapper.Map(row, fields);
        }
    }

    private static string Shown(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();

    /// <summary>Maps a record's fields (in header order) to a lead.</summary>
    private sealed class HeaderMapping
    {
        public required InputFormat Format { get; init; }
        public required Func<int, List<string>, InputRecord> Map { get; init; }
    }

    private HeaderMapping HeaderMapper(List<string> names, InputFormat format, int line)
    {
        if (format == InputFormat.PartnerCenter || (format != InputFormat.Csv && PartnerCenterLeads.IsHeader(names)))
        {
            if (!PartnerCenterLeads.IsHeader(names))
                throw new UnusableInputException("line " + line + ": --format partner-center: the header is not the Partner Center Leads download's (Referral ID, Lead Type, Lead Source, Call to action, ...)");
            foreach (var unknown in PartnerCenterLeads.Unknown(names)) NoteUnknown(unknown);
            return new HeaderMapping
            {
                Format = format == InputFormat.Xlsx ? InputFormat.Xlsx : InputFormat.PartnerCenter,
                Map = (row, fields) =>
                {
                    var notes = new List<string>();
                    return InputRecord.Ok(row, PartnerCenterLeads.Map(names, fields, notes), notes);
                },
            };
        }
        var matches = names.Select(_headers.Match).ToList();
        for (var i = 0; i < names.Count; i++)
            if (matches[i].Unknown && names[i].Trim().Length > 0) NoteUnknown(names[i].Trim().TrimStart('\uFEFF'));
        if (matches.All(m => m.Column == null))
            throw new UnusableInputException("line " + line + ": no column of the header names a lead column (logical name such as emailaddress1, or display name such as Email; --map \"Header=column\" for others)");
        var duplicate = matches.Where(m => m.Column != null).GroupBy(m => m.Column!.LogicalName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new UnusableInputException("line " + line + ": column '" + duplicate.Key + "' appears twice in the header");
        var table = _values.Table(Lead);
        return new HeaderMapping
        {
            Format = format == InputFormat.Xlsx ? InputFormat.Xlsx : InputFormat.Csv,
            Map = (row, fields) =>
            {
                try
                {
                    var lead = new Entity(Lead);
                    for (var i = 0; i < matches.Count; i++)
                    {
                        if (matches[i].Column is not { } column) continue;
                        var value = _values.Convert(table, column, fields[i]);
                        if (value != null) lead[column.LogicalName] = value;
                    }
                    return InputRecord.Ok(row, lead);
                }
                catch (InputException e)
                {
                    return InputRecord.Bad(row, e.Message);
                }
            },
        };
    }

    // ---------- helpers ----------

    private static JObject ParseObject(string text)
    {
        JToken token;
        try
        {
            token = JToken.Parse(text, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace });
        }
        catch (JsonException e)
        {
            throw new InputException("invalid JSON: " + e.Message);
        }
        return token as JObject ?? throw new InputException("expected a JSON object, got " + Describe(token));
    }

    private static string ScalarText(JValue value) => value.Type switch
    {
        JTokenType.String => (string)value.Value!,
        JTokenType.Boolean => (bool)value.Value! ? "true" : "false",
        JTokenType.Date => ((DateTime)value.Value!).ToString("o", CultureInfo.InvariantCulture),
        _ => System.Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.String => "a string",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 60 ? "'" + flat + "'" : "'" + flat[..57] + "...'";
    }

    /// <summary>A text reader's characters as UTF-8 bytes, read as they are asked for.</summary>
    private sealed class TextReaderStream : ForwardOnlyStream
    {
        private readonly TextReader _reader;
        private readonly char[] _chars = new char[4096];
        private readonly byte[] _bytes = new byte[4096 * 3 + 3];
        private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
        private int _position;
        private int _length;

        public TextReaderStream(TextReader reader) => _reader = reader;

        public override int Read(Span<byte> buffer)
        {
            if (_position >= _length)
            {
                var n = _reader.Read(_chars, 0, _chars.Length);
                _length = _encoder.GetBytes(_chars, 0, n, _bytes, 0, flush: n == 0);
                _position = 0;
                if (_length == 0) return 0;
            }
            var count = Math.Min(buffer.Length, _length - _position);
            _bytes.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}
