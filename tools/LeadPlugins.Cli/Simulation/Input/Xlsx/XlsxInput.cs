using System.Globalization;
using System.IO.Compression;
using ExcelDataReader;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Rows of the first sheet of an .xlsx workbook (Dynamics "Export to Excel"), read forward-only with ExcelDataReader:
/// one row in memory at a time (plus the workbook's shared strings, which every xlsx reader must hold). The zip is
/// checked before it is opened: entry sizes and compression ratios within <see cref="MaxEntryBytes"/> and
/// <see cref="MaxRatio"/>, so a zip bomb is refused unread.
/// </summary>
public static class XlsxInput
{
    public const long MaxEntryBytes = 64L * 1024 * 1024;
    public const long MaxTotalBytes = 512L * 1024 * 1024;
    public const int MaxRatio = 200;

    /// <summary>(row number, cell texts) of every row, the header row first; throws <see cref="UnusableInputException"/> for a file that is no usable workbook.</summary>
    public static IEnumerable<(int Row, List<string> Cells)> Rows(Stream stream, int maxColumns)
    {
        if (!stream.CanSeek) throw new UnusableInputException(".xlsx input must be a file (it is a zip archive read from its end), not standard input");
        CheckArchive(stream);
        stream.Seek(0, SeekOrigin.Begin);
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new UnusableInputException("not a readable .xlsx workbook: " + e.Message);
        }
        using (reader)
        {
            var row = 0;
            while (true)
            {
                bool more;
                try
                {
                    more = reader.Read();
                }
                catch (Exception e) when (IsDamage(e))
                {
                    throw new UnusableInputException("row " + (row + 1) + ": the workbook is damaged: " + e.Message);
                }
                if (!more) yield break;
                row++;
                if (reader.FieldCount > maxColumns)
                    throw new UnusableInputException("row " + row + ": the sheet has " + reader.FieldCount.ToString("N0", CultureInfo.InvariantCulture)
                        + " columns, more than " + maxColumns.ToString("N0", CultureInfo.InvariantCulture) + " (--max-columns)");
                var cells = new List<string>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++) cells.Add(Text(reader.GetValue(i)));
                yield return (row, cells);
            }
        }
    }

    /// <summary>
    /// What a damaged workbook can make a third-party parser throw (zip, XML, its own exceptions, and index or format
    /// errors on broken cell references): all become unusable input. Out of memory is not damage.
    /// </summary>
    private static bool IsDamage(Exception e) => e is not (OutOfMemoryException or UnusableInputException or OperationCanceledException);

    private static void CheckArchive(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength > 0 ? entry.Length / entry.CompressedLength : entry.Length > 0 ? long.MaxValue : 0;
                if (entry.Length > MaxEntryBytes || (entry.Length > 1024 * 1024 && ratio > MaxRatio) || total > MaxTotalBytes)
                    throw new UnusableInputException("refused: the workbook part " + entry.FullName + " unpacks to " + entry.Length.ToString("N0", CultureInfo.InvariantCulture)
                        + " bytes (limits: " + MaxEntryBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes a part, ratio " + MaxRatio + ":1)");
            }
        }
        catch (InvalidDataException e)
        {
            throw new UnusableInputException("not a readable .xlsx workbook: " + e.Message);
        }
    }

    /// <summary>A cell as text: dates ISO 8601, numbers invariant (whole numbers without ".0"), booleans true/false.</summary>
    public static string Text(object? value) => value switch
    {
        null or DBNull => string.Empty,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        double n => n.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
