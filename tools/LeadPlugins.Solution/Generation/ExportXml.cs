using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LeadPlugins.Solution.Generation;

/// <summary>Small helpers for the export vocabulary: 1033 labels, 0/1 flags, braced GUIDs, and the byte form of each file.</summary>
internal static class ExportXml
{
    public const int Language = 1033;
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static XElement Flag(string name, bool value) => new(name, value ? "1" : "0");

    public static string Braced(Guid id) => "{" + id.ToString("D") + "}";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static XElement Labels(string container, string element, string text)
        => new(container, new XElement(element, new XAttribute("description", text), new XAttribute("languagecode", Language)));

    public static XElement LocalizedNames(string text) => Labels("LocalizedNames", "LocalizedName", text);

    public static XElement Descriptions(string text) => Labels("Descriptions", "Description", text);

    public static XElement DisplayNames(string text) => Labels("displaynames", "displayname", text);

    /// <summary>customizations.xml / solution.xml as exports write them: UTF-8 without BOM or declaration, CRLF, indented.</summary>
    public static byte[] ExportBytes(XDocument document)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\r\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            document.Save(writer);
        return stream.ToArray();
    }

    /// <summary>[Content_Types].xml as exports write it: UTF-8 with BOM and declaration, one line.</summary>
    public static byte[] ContentTypesBytes(XDocument document)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(true), Indent = false };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            document.Save(writer);
        return stream.ToArray();
    }
}
