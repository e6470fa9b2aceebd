using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using LeadPlugins.InMemory;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Simulation;

public enum InputFormat
{
    /// <summary>Detected from the first non-empty line.</summary>
    Auto,
    /// <summary>JSON lines of marketplace HTTPS-endpoint payloads (UserDetails, LeadSource, ActionCode, OfferTitle).</summary>
    Payload,
    /// <summary>JSON lines of lead rows: column logical name -> value, as the Dynamics lead destination writes them.</summary>
    Rows,
    /// <summary>CSV with a header of lead column logical names.</summary>
    Csv,
}

/// <summary>One input line: the lead to create, or why the line cannot be used.</summary>
public sealed class InputRecord
{
    private InputRecord(int line, Entity? lead, string? error, IReadOnlyList<string> notes)
    {
        Line = line;
        Lead = lead;
        Error = error;
        Notes = notes;
    }

    /// <summary>1-based line number in the input (for CSV, the line where the record starts).</summary>
    public int Line { get; }
    public Entity? Lead { get; }
    public string? Error { get; }
    /// <summary>Values the mapping had to leave out (e.g. an array where text was expected).</summary>
    public IReadOnlyList<string> Notes { get; }

    public static InputRecord Ok(int line, Entity lead, IReadOnlyList<string>? notes = null) => new(line, lead, null, notes ?? Array.Empty<string>());
    public static InputRecord Bad(int line, string error) => new(line, null, error, Array.Empty<string>());
}

/// <summary>The input cannot be used at all (e.g. a CSV header naming an unknown column).</summary>
public sealed class UnusableInputException : Exception
{
    public UnusableInputException(string message) : base(message) { }
}

/// <summary>
/// Streams lead records from a reader: one line at a time (CSV: one record at a time through CsvHelper), never the
/// whole input. The format is given or detected from the first non-empty line.
/// </summary>
public sealed partial class LeadInput
{
    private const string Lead = "lead";
    private readonly ColumnValues _values;

    public LeadInput(ColumnValues values)
    {
        _values = values;
    }

    /// <summary>`{` with a UserDetails or LeadSource key (any casing) => payload; `{` otherwise => rows; else CSV.</summary>
    public static InputFormat Detect(string firstNonEmptyLine)
    {
        var line = firstNonEmptyLine.TrimStart('\uFEFF', ' ', '\t');
        if (!line.StartsWith('{')) return InputFormat.Csv;
        try
        {
            var json = JObject.Parse(line);
            return json.Properties().Any(p => IsPayloadKey(p.Name)) ? InputFormat.Payload : InputFormat.Rows;
        }
        catch (JsonException)
        {
            // A broken first line (the documented test lead misses a comma) still shows its keys.
            return PayloadKeyPattern().IsMatch(line) ? InputFormat.Payload : InputFormat.Rows;
        }
    }

    private static bool IsPayloadKey(string name)
        => string.Equals(name, "UserDetails", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "LeadSource", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("\"(userdetails|leadsource)\"\\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex PayloadKeyPattern();

    /// <summary>The format of the reader's input; reads (and reports) the first non-empty line.</summary>
    public IEnumerable<InputRecord> Read(TextReader reader, InputFormat format, Action<InputFormat>? detected = null)
    {
        var lineNumber = 0;
        string? first;
        while ((first = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(first)) break;
        }
        if (first == null) yield break;
        if (format == InputFormat.Auto) format = Detect(first);
        detected?.Invoke(format);

        if (format == InputFormat.Csv)
        {
            foreach (var record in ReadCsv(first, lineNumber - 1, reader)) yield return record;
            yield break;
        }

        var line = first;
        while (line != null)
        {
            if (!string.IsNullOrWhiteSpace(line))
                yield return format == InputFormat.Payload ? MapPayload(lineNumber, line) : MapRow(lineNumber, line);
            line = reader.ReadLine();
            lineNumber++;
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

    /// <summary>Maps one lead row: every key must be a lead column's logical name; values are text (scalars taken as text).</summary>
    public InputRecord MapRow(int line, string text)
    {
        try
        {
            var row = ParseObject(text);
            var table = _values.Table(Lead);
            var lead = new Entity(Lead);
            foreach (var property in row.Properties())
            {
                var column = LeadColumn(property.Name);
                if (property.Value.Type == JTokenType.Null) continue;
                if (property.Value is not JValue scalar)
                    throw new InputException(property.Name + ": expected text, got " + Describe(property.Value));
                var value = _values.Convert(table, column, ScalarText(scalar));
                if (value != null) lead[column.LogicalName] = value;
            }
            return InputRecord.Ok(line, lead);
        }
        catch (InputException e)
        {
            return InputRecord.Bad(line, e.Message);
        }
    }

    private ColumnSchema LeadColumn(string name)
    {
        var table = _values.Table(Lead);
        var column = table.FindColumn(name);
        if (column != null) return column;
        var hint = table.FindColumn(name.ToLowerInvariant()) != null ? " (logical names are lower case: " + name.ToLowerInvariant() + ")" : string.Empty;
        throw new InputException("unknown lead column '" + name + "'" + hint);
    }

    // ---------- CSV ----------

    private IEnumerable<InputRecord> ReadCsv(string headerLine, int skippedLines, TextReader rest)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.None,
        };
        string? badData = null;
        configuration.BadDataFound = args => badData ??= "malformed CSV field near " + Shorten(args.RawRecord);
        using var csv = new CsvReader(new ReplayReader(headerLine + "\n", rest), configuration);
        if (!csv.Read()) yield break;
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? Array.Empty<string>();
        var table = _values.Table(Lead);
        var columns = new List<ColumnSchema>();
        var problems = new List<string>();
        foreach (var name in header)
        {
            var trimmed = name.Trim().TrimStart('\uFEFF');
            try
            {
                columns.Add(LeadColumn(trimmed));
            }
            catch (InputException e)
            {
                problems.Add(e.Message);
            }
        }
        if (problems.Count > 0)
            throw new UnusableInputException("line " + (skippedLines + 1) + ": the CSV header must name lead columns by logical name: " + string.Join("; ", problems));
        var duplicate = columns.GroupBy(c => c.LogicalName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new UnusableInputException("line " + (skippedLines + 1) + ": column '" + duplicate.Key + "' appears twice in the CSV header");

        var previousRawRow = csv.Parser.RawRow;
        while (true)
        {
            badData = null;
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (CsvHelperException e)
            {
                throw new UnusableInputException("line " + (skippedLines + previousRawRow + 1) + ": " + e.Message.Split('\n')[0]);
            }
            if (!more) yield break;
            var line = skippedLines + previousRawRow + 1;
            previousRawRow = csv.Parser.RawRow;
            var fields = csv.Parser.Record ?? Array.Empty<string>();
            if (fields.All(string.IsNullOrWhiteSpace)) continue; // blank line
            if (badData != null)
            {
                yield return InputRecord.Bad(line, badData);
                continue;
            }
            if (fields.Length != columns.Count)
            {
                yield return InputRecord.Bad(line, "expected " + columns.Count + " fields (the header's), found " + fields.Length);
                continue;
            }
            yield return MapCsvRecord(line, table, columns, fields);
        }
    }

    private InputRecord MapCsvRecord(int line, TableSchema table, List<ColumnSchema> columns, string[] fields)
    {
        try
        {
            var lead = new Entity(Lead);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = _values.Convert(table, columns[i], fields[i]);
                if (value != null) lead[columns[i].LogicalName] = value;
            }
            return InputRecord.Ok(line, lead);
        }
        catch (InputException e)
        {
            return InputRecord.Bad(line, e.Message);
        }
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

    /// <summary>Gives back an already-read header line, then the rest of the input (so detection reads no further).</summary>
    private sealed class ReplayReader : TextReader
    {
        private readonly string _head;
        private readonly TextReader _rest;
        private int _position;

        public ReplayReader(string head, TextReader rest)
        {
            _head = head;
            _rest = rest;
        }

        public override int Peek() => _position < _head.Length ? _head[_position] : _rest.Peek();

        public override int Read() => _position < _head.Length ? _head[_position++] : _rest.Read();

        public override int Read(char[] buffer, int index, int count)
        {
            if (_position >= _head.Length) return _rest.Read(buffer, index, count);
            var n = Math.Min(count, _head.Length - _position);
            _head.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }

        public override int Read(Span<char> buffer)
        {
            if (_position >= _head.Length) return _rest.Read(buffer);
            var n = Math.Min(buffer.Length, _head.Length - _position);
            _head.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
