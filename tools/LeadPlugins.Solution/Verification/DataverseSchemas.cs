using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace LeadPlugins.Solution;

/// <summary>
/// Finds Microsoft's Dataverse XSDs: an explicit directory (e.g. verify --schemas) when given, and nothing else if it
/// does not hold them; else LEADPLUGINS_SCHEMAS; else &lt;repo&gt;/../shared/schemas/dataverse.
/// </summary>
public static class DataverseSchemaLocator
{
    public const string EnvironmentVariable = "LEADPLUGINS_SCHEMAS";
    public const string RootSchema = "CustomizationsSolution.xsd";

    public static string? Locate(string? preferred = null)
    {
        // A directory someone named is never silently replaced by another one.
        if (preferred != null) return File.Exists(Path.Combine(preferred, RootSchema)) ? Path.GetFullPath(preferred) : null;
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return File.Exists(Path.Combine(fromEnvironment, RootSchema)) ? Path.GetFullPath(fromEnvironment) : null;
        foreach (var origin in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir != null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "schemas", "dataverse"), Path.Combine(dir.FullName, "..", "shared", "schemas", "dataverse") })
                    if (File.Exists(Path.Combine(candidate, RootSchema))) return Path.GetFullPath(candidate);
            }
        }
        return null;
    }

    public static string MissingMessage(string? preferred)
        => "Microsoft's Dataverse XSDs (" + RootSchema + ", Fetch.xsd, FormXml.xsd, ...) were not found"
           + (preferred != null ? " in " + preferred + (Directory.Exists(preferred) ? string.Empty : " (no such directory)") : string.Empty)
           + (preferred != null ? "." : ". Set " + EnvironmentVariable + " to the folder holding them (the repository expects ../shared/schemas/dataverse next to it).");
}

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
