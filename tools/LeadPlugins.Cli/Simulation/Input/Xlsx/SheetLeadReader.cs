using System.Globalization;

namespace LeadPlugins.Cli.Simulation;

/// <summary>Reads the rows of an .xlsx sheet (see <see cref="XlsxInput"/>): the first non-empty row is the header, then one lead per row.</summary>
internal sealed class SheetLeadReader
{
    private readonly HeaderRowMapper _headers;
    private readonly InputOptions _options;

    public SheetLeadReader(HeaderRowMapper headers, InputOptions options)
    {
        _headers = headers;
        _options = options;
    }

    public IEnumerable<InputRecord> Read(IEnumerable<(int Row, List<string> Cells)> rows)
    {
        HeaderRowMapper.Mapping? mapping = null;
        List<string>? names = null;
        foreach (var (row, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (mapping == null)
            {
                names = cells;
                while (names.Count > 0 && string.IsNullOrWhiteSpace(names[^1])) names.RemoveAt(names.Count - 1);
                mapping = _headers.For(names, InputFormat.Xlsx, row);
                continue;
            }
            var fields = cells.Count > names!.Count ? cells.GetRange(0, names.Count) : cells;
            while (fields.Count < names.Count) fields.Add(string.Empty);
            if (fields.Sum(f => f.Length) > _options.MaxLineBytes)
            {
                yield return InputRecord.Bad(row, "row longer than " + _options.MaxLineBytes.ToString("N0", CultureInfo.InvariantCulture) + " characters (--max-line-bytes): left out");
                continue;
            }
            yield return mapping.Map(row, fields);
        }
    }
}
