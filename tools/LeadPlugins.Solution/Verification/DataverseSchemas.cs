using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace LeadPlugins.Solution;

/// <summary>
/// One compiled XmlSchemaSet per root, as SOURCE.md prescribes (all 12 files in one set clash on AreaIdMustBeUnique):
/// CustomizationsSolution.xsd for customizations.xml, Fetch.xsd for each view's FetchXML, FormXml.xsd for each form.
/// </summary>
public sealed class DataverseSchemas
{
    private static readonly ConcurrentDictionary<string, Lazy<DataverseSchemas>> Cache = new(StringComparer.Ordinal);

    private DataverseSchemas(string directory)
    {
        Directory = directory;
        Customizations = Compile(directory, DataverseSchemaLocator.RootSchema);
        Fetch = Compile(directory, "Fetch.xsd");
        Form = Compile(directory, "FormXml.xsd");
        SiteMap = Compile(directory, "SiteMap.xsd");
        VisualizationData = Compile(directory, "VisualizationDataDescription.xsd");
    }

    public string Directory { get; }
    public XmlSchemaSet Customizations { get; }
    public XmlSchemaSet Fetch { get; }
    public XmlSchemaSet Form { get; }
    public XmlSchemaSet SiteMap { get; }
    public XmlSchemaSet VisualizationData { get; }

    /// <summary>Compiled sets are read-only after Compile(), so one instance per directory serves every pack and verify.</summary>
    public static DataverseSchemas Load(string directory)
        => Cache.GetOrAdd(Path.GetFullPath(directory), d => new Lazy<DataverseSchemas>(() => new DataverseSchemas(d))).Value;

    private static XmlSchemaSet Compile(string directory, string file)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var path = Path.Combine(directory, file);
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() }))
            set.Add(null, reader);
        set.Compile();
        return set;
    }

    /// <summary>Validates a whole document (loaded with line info); each problem becomes a finding at its line.</summary>
    public static void Validate(XDocument document, XmlSchemaSet schemas, string rule, string file, FindingList findings)
        => document.Validate(schemas, (sender, e) => Report(sender, e, rule, file, findings, string.Empty));

    /// <summary>Validates one element in place against a global element of <paramref name="schemas"/> (e.g. each &lt;fetch&gt; against Fetch.xsd).</summary>
    public static void ValidateElement(XElement element, XmlSchemaSet schemas, string globalElement, string rule, string file, string context, FindingList findings)
    {
        var declaration = schemas.GlobalElements[new XmlQualifiedName(globalElement)] as XmlSchemaElement
            ?? throw new InvalidOperationException("schema set has no global element " + globalElement);
        element.Validate(declaration, schemas, (sender, e) => Report(sender, e, rule, file, findings, context));
    }

    private static void Report(object? sender, ValidationEventArgs e, string rule, string file, FindingList findings, string context)
    {
        var line = sender is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : e.Exception?.LineNumber ?? 0;
        var message = (context.Length > 0 ? context + ": " : string.Empty) + e.Message;
        if (e.Severity == XmlSeverityType.Error) findings.Error(rule, file, line, message);
        else findings.Warning(rule, file, line, message);
    }
}
