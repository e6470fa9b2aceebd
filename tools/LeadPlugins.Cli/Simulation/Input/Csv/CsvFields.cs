using System.Text;

namespace LeadPlugins.Cli.Simulation;

/// <summary>RFC 4180 fields of one CSV record (quotes, doubled quotes, separators and line breaks inside quotes), leniently: a stray quote is text.</summary>
public static class CsvFields
{
    /// <summary>The record's fields, or null when it has more than <paramref name="maxColumns"/> (splitting stops there).</summary>
    public static List<string>? Split(string record, char delimiter, int maxColumns)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < record.Length && record[i] == '"')
            {
                i++;
                while (i < record.Length)
                {
                    var c = record[i++];
                    if (c != '"') { field.Append(c); continue; }
                    if (i < record.Length && record[i] == '"') { field.Append('"'); i++; continue; }
                    break;
                }
                // Text after the closing quote (lenient: kept) up to the separator.
                while (i < record.Length && record[i] != delimiter) field.Append(record[i++]);
            }
            else
            {
                var next = record.IndexOf(delimiter, i);
                if (next < 0) next = record.Length;
                field.Append(record, i, next - i);
                i = next;
            }
            if (fields.Count >= maxColumns) return null;
            fields.Add(field.ToString());
            if (i >= record.Length) return fields;
            i++; // the separator
        }
    }

    /// <summary>
    /// The separator a header line uses: the most frequent of `,` `;` tab outside quotes (Excel on a European machine
    /// writes `;`); `,` when none appears (a one-column file).
    /// </summary>
    public static char DetectDelimiter(string header)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == ',') commas++;
            else if (c == ';') semicolons++;
            else if (c == '\t') tabs++;
        }
        if (tabs > commas && tabs >= semicolons) return '\t';
        if (semicolons > commas) return ';';
        return ',';
    }
}
