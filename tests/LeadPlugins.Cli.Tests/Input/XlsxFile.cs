using System.IO.Compression;
using System.Security;
using System.Text;

namespace LeadPlugins.Cli.Tests.Input;

/// <summary>
/// Writes a small .xlsx at test time (binaries are never committed): the parts Excel and Dynamics' "Export to Excel"
/// write for one sheet of text cells, with the text in the shared-strings table as Excel keeps it.
/// </summary>
internal static class XlsxFile
{
    public static string Write(string path, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 0; r < rows.Count; r++)
        {
            sheet.Append("<row r=\"").Append(r + 1).Append("\">");
            for (var c = 0; c < rows[r].Count; c++)
            {
                var text = rows[r][c];
                if (text.Length == 0) continue;
                if (!index.TryGetValue(text, out var i)) { i = strings.Count; strings.Add(text); index[text] = i; }
                sheet.Append("<c r=\"").Append(Column(c)).Append(r + 1).Append("\" t=\"s\"><v>").Append(i).Append("</v></c>");
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData></worksheet>");
        var shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
            .Append(strings.Count).Append("\" uniqueCount=\"").Append(strings.Count).Append("\">");
        foreach (var s in strings) shared.Append("<si><t xml:space=\"preserve\">").Append(SecurityElement.Escape(s)).Append("</t></si>");
        shared.Append("</sst>");

        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
        Add(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Add(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Marketplace leads\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Add(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        Add(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        Add(zip, "xl/sharedStrings.xml", shared.ToString());
        return path;
    }

    /// <summary>A zip named .xlsx whose one part unpacks to <paramref name="bytes"/> zeros (a zip bomb in small).</summary>
    public static string WriteBomb(string path, long bytes)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var stream = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1024 * 1024];
        for (long done = 0; done < bytes; done += zeros.Length) stream.Write(zeros, 0, (int)Math.Min(zeros.Length, bytes - done));
        return path;
    }

    /// <summary>A Dynamics "Export to Excel" of leads: the hidden bookkeeping columns first, then display-name headers.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> DynamicsExport { get; } = new[]
    {
        new[] { "(Do Not Modify) Lead", "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On", "Topic", "First Name", "Last Name", "Email", "Company Name", "Lead Source", "Description", "Owner" },
        new[] { "6d1f0c4e-0000-4000-8000-000000000001", "abc=", "2026-03-01T10:00:00", "AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator", "Ingrid", "Berg", "ingrid.berg@fabrikam.no", "Fabrikam Norge", "Web", "Wants a demo", "Sam Seller" },
        new[] { "6d1f0c4e-0000-4000-8000-000000000002", "abd=", "2026-03-01T10:05:00", "AzurePortal-Create|fabrikam.fabrikam-waf-appliance", "Kwame", "Mensah", "kwame.mensah@tailspintoys.com", "Tailspin Toys", "Web", "", "Sam Seller" },
        new[] { "6d1f0c4e-0000-4000-8000-000000000003", "abe=", "2026-03-01T10:09:00", "Partner referral", "Mei", "Lin", "mei.lin@litware.cn", "Litware", "Lukewarm", "", "Sam Seller" },
        new[] { "6d1f0c4e-0000-4000-8000-000000000004", "abf=", "2026-03-01T10:12:00", "MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|Contoso Test", "MSFT_TEST_636573304831318844", "MSFT_TEST_636573304831318844", "MSFT_TEST_636573304831318844@test.com", "MSFT_TEST_636573304831318844", "Web", "", "Sam Seller" },
    };

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
