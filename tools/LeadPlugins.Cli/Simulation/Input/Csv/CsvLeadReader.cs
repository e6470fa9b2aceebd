using System.Globalization;

namespace LeadPlugins.Cli.Simulation;

/// <summary>Reads CSV input (`,` `;` or tab; quoted separators and line breaks allowed): a header row, then one lead per record.</summary>
internal sealed class CsvLeadReader
{
    private readonly HeaderRowMapper _headers;
    private readonly InputOptions _options;

    public CsvLeadReader(HeaderRowMapper headers, InputOptions options)
    {
        _headers = headers;
        _options = options;
    }

    public IEnumerable<InputRecord> Read(RecordReader reader, InputFormat format, Action<InputFormat>? detected)
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
        var mapping = _headers.For(names, format, header.Line);
        detected?.Invoke(mapping.Format);

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
            yield return mapping.Map(raw.Line, fields);
        }
    }

    private static string Shown(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();
}
