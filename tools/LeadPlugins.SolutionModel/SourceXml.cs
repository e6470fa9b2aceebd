using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace LeadPlugins.SolutionModel;

/// <summary>Reading the Solution/src XML files: required attributes, integers, and errors that name the file and line.</summary>
internal static class SourceXml
{
    /// <summary>The element's line in its file, 0 when the document was loaded without line information.</summary>
    public static int Line(XElement element) => element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public static string Required(string path, XElement element, string attribute)
        => (string?)element.Attribute(attribute) ?? throw Error(path, element, "missing attribute " + attribute);

    public static int ParseInt(string path, XElement element, string attribute)
    {
        var text = Required(path, element, attribute);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(path, element, attribute + " is not an integer: " + text);
    }

    public static InvalidDataException Error(string path, XElement? element, string message)
    {
        var line = element != null && Line(element) > 0 ? "(" + Line(element) + ")" : string.Empty;
        return new InvalidDataException(path + line + ": " + message);
    }
}
