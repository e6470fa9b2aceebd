using System.Text;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Streams lead records from an input in any of the <see cref="InputFormat"/>s, one record at a time and within the
/// limits of <see cref="InputOptions"/> (see <see cref="RecordReader"/>): a bad record is reported with its line and
/// reason and the rest still runs. The encoding comes from <see cref="InputDecoding"/>; each format has its reader
/// (<see cref="JsonLeadReader"/>, <see cref="CsvLeadReader"/>, <see cref="SheetLeadReader"/>).
/// </summary>
public sealed class LeadInput
{
    internal const string Lead = "lead";

    private readonly InputOptions _options;
    private readonly UnknownColumns _unknown = new();
    private readonly LeadRowMapper _rows;
    private readonly JsonLeadReader _json;
    private readonly CsvLeadReader _csv;
    private readonly SheetLeadReader _sheet;

    public LeadInput(ColumnValues values, InputOptions? options = null, SolutionSource? solution = null)
    {
        _options = options ?? InputOptions.Default;
        var headers = new LeadHeaders(values, solution, _options.HeaderMap);
        _rows = new LeadRowMapper(values, headers, _unknown);
        _json = new JsonLeadReader(_rows);
        var headerRows = new HeaderRowMapper(values, headers, _unknown);
        _csv = new CsvLeadReader(headerRows, _options);
        _sheet = new SheetLeadReader(headerRows, _options);
    }

    /// <summary>Reads text already decoded (tests, other tools): its characters as UTF-8, so no encoding is guessed.</summary>
    public IEnumerable<InputRecord> Read(TextReader reader, InputFormat format, Action<InputFormat>? detected = null)
        => Read(new TextReaderStream(reader), format, detected, InputDecoding.Utf8);

    /// <summary>Reads an input stream; reports the format found; throws <see cref="UnusableInputException"/> when the input cannot be used at all.</summary>
    public IEnumerable<InputRecord> Read(Stream stream, InputFormat format, Action<InputFormat>? detected = null)
        => Read(stream, format, detected, _options.Encoding);

    /// <summary>Maps one marketplace HTTPS-endpoint payload (see <see cref="MarketplacePayloadMapper"/>).</summary>
    public InputRecord MapPayload(int line, string text) => MarketplacePayloadMapper.Map(line, text);

    /// <summary>Maps one JSON lead row (see <see cref="LeadRowMapper"/>); its unknown keys join the warning at the end of the input.</summary>
    public InputRecord MapRow(int line, string text) => _rows.Map(line, text);

    private IEnumerable<InputRecord> Read(Stream stream, InputFormat format, Action<InputFormat>? detected, Encoding? encoding)
    {
        var input = InputDecoding.Prepare(stream, encoding);
        if (input.Assumption != null) _options.Warn?.Invoke(input.Assumption);
        IEnumerable<InputRecord> records;
        if (input.IsZip || format == InputFormat.Xlsx)
        {
            if (!input.IsZip) throw new UnusableInputException("--format xlsx: this is not an .xlsx workbook (a zip file)");
            detected?.Invoke(InputFormat.Xlsx);
            records = _sheet.Read(XlsxInput.Rows(input.Stream, _options.MaxColumns));
        }
        else
        {
            records = ReadText(new RecordReader(input.Stream, input.Encoding, _options.MaxLineBytes), format, detected);
        }
        foreach (var record in records) yield return record;
        if (_unknown.Warning() is { } warning) _options.Warn?.Invoke(warning);
    }

    private IEnumerable<InputRecord> ReadText(RecordReader reader, InputFormat format, Action<InputFormat>? detected)
    {
        if (reader.PeekNonSpace() is not { } first) return Array.Empty<InputRecord>();
        var csv = format is InputFormat.Csv or InputFormat.PartnerCenter || (format == InputFormat.Auto && first is not ((byte)'{' or (byte)'['));
        return csv ? _csv.Read(reader, format, detected) : _json.Read(reader, first, format, detected);
    }
}
