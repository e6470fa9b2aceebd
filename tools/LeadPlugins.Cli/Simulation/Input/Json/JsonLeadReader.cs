namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Reads JSON input: JSON lines (one whole object per line), a JSON array, or pretty-printed objects one after another;
/// each object a marketplace payload or a lead row (forced by the format, else by its keys).
/// </summary>
internal sealed class JsonLeadReader
{
    private readonly LeadRowMapper _rows;

    public JsonLeadReader(LeadRowMapper rows) => _rows = rows;

    /// <param name="first">The first non-space byte of the input: `[` or `{` (or anything under --format json, payload or rows).</param>
    public IEnumerable<InputRecord> Read(RecordReader reader, byte first, InputFormat format, Action<InputFormat>? detected)
    {
        InputFormat? kind = format is InputFormat.Payload or InputFormat.Rows ? format : null;
        if (first == (byte)'[' || format == InputFormat.Json)
        {
            detected?.Invoke(kind ?? InputFormat.Json);
            foreach (var record in ReadValues(reader, kind)) yield return record;
            yield break;
        }
        // '{': JSON lines when the first line holds a whole object, else pretty-printed objects.
        var line = reader.Next(RecordShape.Line)!.Value;
        if (!line.IsBad && InputFormatDetector.OpenDepth(line.Text!) > 0)
        {
            reader.PushBack(line.Text!, line.Line);
            detected?.Invoke(kind ?? InputFormat.Json);
            foreach (var record in ReadValues(reader, kind)) yield return record;
            yield break;
        }
        var lineKind = kind ?? InputFormatDetector.KindOf(line.Text ?? line.Prefix ?? string.Empty);
        detected?.Invoke(lineKind);
        for (RawRecord? next = line; next != null; next = reader.Next(RecordShape.Line))
        {
            var raw = next.Value;
            if (raw.IsBad) yield return InputRecord.Bad(raw.Line, raw.Error!);
            else if (!string.IsNullOrWhiteSpace(raw.Text)) yield return Map(lineKind, raw.Line, raw.Text);
        }
    }

    private IEnumerable<InputRecord> ReadValues(RecordReader reader, InputFormat? kind)
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
            yield return Map(kind ?? InputFormatDetector.KindOf(raw.Text), raw.Line, raw.Text);
        }
    }

    private InputRecord Map(InputFormat kind, int line, string text)
        => kind == InputFormat.Payload ? MarketplacePayloadMapper.Map(line, text) : _rows.Map(line, text);
}
