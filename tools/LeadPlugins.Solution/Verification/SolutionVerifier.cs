using System.IO.Compression;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LeadPlugins.Solution;

/// <summary>
/// Opens any solution zip and checks what an import would trip on: the layout and content types, solution.xml's
/// structure, customizations.xml against CustomizationsSolution.xsd, each view's FetchXML against Fetch.xsd and each
/// form against FormXml.xsd, root components against components, and the plug-in registration against the DLLs it
/// ships (read with MetadataLoadContext: types, [PluginStep] attributes, strong name, size).
/// </summary>
public static partial class SolutionVerifier
{
    public const string ContentTypesEntry = "[Content_Types].xml";
    public const string ManifestEntry = "solution.xml";
    public const string CustomizationsEntry = "customizations.xml";
    private static readonly int[] CheckedRootTypes = { 1, 2, 9, 10, 20, 26, 59, 60, 62, 80, 91, 92 };
    private static readonly XNamespace OpcNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";

    public static VerificationReport Verify(string zipPath, VerifyOptions? options = null)
    {
        var refused = Directory.Exists(zipPath) ? "is a directory, not a zip file"
            : !File.Exists(zipPath) ? "file not found"
            : new FileInfo(zipPath).Length > ZipEntryGuard.MaxZipBytes ? "the file is larger than " + ZipEntryGuard.MaxZipBytes / (1024 * 1024) + " MB, verify's limit for a solution zip"
            : null;
        if (refused != null)
            return new VerificationReport(zipPath, new[] { new Finding(Severity.Error, FindingCodes.NotAZip, zipPath, 0, refused) });
        using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Verify(file, zipPath, options);
    }

    public static VerificationReport Verify(byte[] zip, string displayName, VerifyOptions? options = null)
        => Verify(new MemoryStream(zip, writable: false), displayName, options);

    /// <summary>Checks a zip read from a seekable stream; entries are read within <see cref="ZipEntryGuard"/>'s limits.</summary>
    public static VerificationReport Verify(Stream zip, string displayName, VerifyOptions? options = null)
    {
        options ??= new VerifyOptions();
        var findings = new FindingList();
        Dictionary<string, byte[]> entries;
        try
        {
            if (!ZipEntryGuard.CheckEntryCount(zip, displayName, findings)) return new VerificationReport(displayName, findings.Items);
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            entries = ZipEntryGuard.ReadEntries(archive, findings);
        }
        catch (InvalidDataException e)
        {
            findings.Error(FindingCodes.NotAZip, displayName, 0, "not a zip archive: " + e.Message);
            return new VerificationReport(displayName, findings.Items);
        }

        foreach (var required in new[] { ContentTypesEntry, ManifestEntry, CustomizationsEntry })
            if (!entries.ContainsKey(required))
                findings.Error(FindingCodes.EntryMissing, required, 0, "the zip has no " + required + " at its root; an import rejects it");

        var contentTypes = LoadXml(entries, ContentTypesEntry, findings);
        var manifest = LoadXml(entries, ManifestEntry, findings);
        var customizations = LoadXml(entries, CustomizationsEntry, findings);

        if (contentTypes != null) CheckContentTypes(contentTypes, entries.Keys, findings);
        var prefix = manifest != null ? CheckManifest(manifest, findings) : null;
        if (customizations != null)
        {
            CheckSchemas(customizations, options, findings);
            var registered = RegistrationChecks.Read(customizations);
            RegistrationChecks.CheckAssemblies(registered, entries, options, findings);
            RegistrationChecks.CheckSteps(registered, customizations, prefix, findings);
            ComponentChecks.CheckDuplicateIds(customizations, findings);
            if (manifest != null) ComponentChecks.CheckRootComponents(manifest, customizations, findings);
            if (manifest != null) AppComponentChecks.Check(manifest, customizations, findings);
        }
        return new VerificationReport(displayName, findings.Items);
    }

    private static XDocument? LoadXml(Dictionary<string, byte[]> entries, string name, FindingList findings)
    {
        if (!entries.TryGetValue(name, out var content)) return null;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            return XDocument.Load(stream, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            findings.Error(FindingCodes.XmlMalformed, name, e.LineNumber, "not well-formed XML: " + e.Message);
            return null;
        }
    }

    internal static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static void CheckContentTypes(XDocument document, IEnumerable<string> entryNames, FindingList findings)
    {
        var root = document.Root!;
        if (root.Name != OpcNamespace + "Types")
        {
            findings.Error(FindingCodes.ContentTypesInvalid, ContentTypesEntry, Line(root), "root must be <Types xmlns=\"" + OpcNamespace.NamespaceName + "\">, found <" + root.Name.LocalName + ">");
            return;
        }
        var defaults = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in root.Elements())
        {
            var contentType = (string?)element.Attribute("ContentType");
            if (string.IsNullOrEmpty(contentType))
                findings.Error(FindingCodes.ContentTypesInvalid, ContentTypesEntry, Line(element), "<" + element.Name.LocalName + "> without ContentType");
            if (element.Name == OpcNamespace + "Default")
            {
                var extension = (string?)element.Attribute("Extension");
                if (string.IsNullOrEmpty(extension)) findings.Error(FindingCodes.ContentTypesInvalid, ContentTypesEntry, Line(element), "<Default> without Extension");
                else defaults.Add(extension);
            }
            else if (element.Name == OpcNamespace + "Override")
            {
                var part = (string?)element.Attribute("PartName");
                if (string.IsNullOrEmpty(part)) findings.Error(FindingCodes.ContentTypesInvalid, ContentTypesEntry, Line(element), "<Override> without PartName");
                else overrides.Add(part.TrimStart('/'));
            }
            else
            {
                findings.Error(FindingCodes.ContentTypesInvalid, ContentTypesEntry, Line(element), "unexpected element <" + element.Name.LocalName + ">");
            }
        }
        foreach (var name in entryNames.Where(n => n != ContentTypesEntry))
        {
            var extension = Path.GetExtension(name).TrimStart('.');
            if (overrides.Contains(name) || (extension.Length > 0 && defaults.Contains(extension))) continue;
            findings.Error(FindingCodes.ContentTypeMissing, ContentTypesEntry, Line(root),
                extension.Length > 0 ? "no <Default Extension=\"" + extension + "\"> for " + name : "no <Override PartName=\"/" + name + "\"> for the extension-less entry");
        }
    }

    /// <summary>solution.xml has no XSD: check the structure exports share. Returns the publisher prefix.</summary>
    private static string? CheckManifest(XDocument document, FindingList findings)
    {
        var root = document.Root!;
        if (root.Name.LocalName != "ImportExportXml")
        {
            findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(root), "root must be <ImportExportXml>, found <" + root.Name.LocalName + ">");
            return null;
        }
        foreach (var attribute in new[] { "version", "SolutionPackageVersion" })
            if (root.Attribute(attribute) == null) findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(root), "<ImportExportXml> lacks the " + attribute + " attribute exports always carry");
        foreach (var attribute in new[] { "languagecode", "generatedBy" })
            if (root.Attribute(attribute) == null) findings.Warning(FindingCodes.ManifestInvalid, ManifestEntry, Line(root), "<ImportExportXml> lacks the " + attribute + " attribute exports carry");
        var manifest = root.Element("SolutionManifest");
        if (manifest == null)
        {
            findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(root), "no <SolutionManifest>");
            return null;
        }
        var uniqueName = Required(manifest, "UniqueName", findings);
        if (uniqueName != null && !UniqueNamePattern().IsMatch(uniqueName.Value))
            findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(uniqueName), "UniqueName '" + uniqueName.Value + "' must start with a letter or underscore and hold only letters, digits and underscores");
        CheckLocalizedName(manifest, "solution", findings);
        var version = Required(manifest, "Version", findings);
        if (version != null && !VersionPattern().IsMatch(version.Value))
            findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(version), "Version '" + version.Value + "' is not major.minor[.build[.revision]]");
        var managed = Required(manifest, "Managed", findings);
        if (managed != null && managed.Value != "0" && managed.Value != "1")
            findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(managed), "Managed must be 0 (unmanaged) or 1 (managed)" + (managed.Value == "2" ? "; 2 only appears in unpacked source" : string.Empty));

        string? prefix = null;
        var publisher = Required(manifest, "Publisher", findings);
        if (publisher != null)
        {
            Required(publisher, "UniqueName", findings);
            CheckLocalizedName(publisher, "publisher", findings);
            var prefixElement = Required(publisher, "CustomizationPrefix", findings);
            if (prefixElement != null)
            {
                prefix = prefixElement.Value;
                if (!PrefixPattern().IsMatch(prefix) || prefix.StartsWith("mscrm", StringComparison.OrdinalIgnoreCase))
                    findings.Error(FindingCodes.PublisherInvalid, ManifestEntry, Line(prefixElement), "CustomizationPrefix '" + prefix + "' must be 2-8 letters or digits starting with a letter, not 'mscrm...'");
            }
            var optionPrefix = Required(publisher, "CustomizationOptionValuePrefix", findings);
            if (optionPrefix != null && (!int.TryParse(optionPrefix.Value, out var value) || value < 10000 || value > 99999))
                findings.Error(FindingCodes.PublisherInvalid, ManifestEntry, Line(optionPrefix), "CustomizationOptionValuePrefix '" + optionPrefix.Value + "' must be a number from 10000 to 99999");
        }
        var roots = Required(manifest, "RootComponents", findings);
        if (roots != null)
        {
            foreach (var component in roots.Elements())
            {
                if (component.Name.LocalName != "RootComponent")
                {
                    findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(component), "unexpected <" + component.Name.LocalName + "> in <RootComponents>");
                    continue;
                }
                if (!int.TryParse((string?)component.Attribute("type"), out var type))
                    findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(component), "RootComponent without a numeric type");
                // Singletons such as the site map (62) are exported with neither; the types this tool matches need one.
                if (CheckedRootTypes.Contains(type) && component.Attribute("id") == null && component.Attribute("schemaName") == null)
                    findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(component), "RootComponent needs an id or a schemaName");
                var behavior = (string?)component.Attribute("behavior");
                if (behavior != null && behavior != "0" && behavior != "1" && behavior != "2")
                    findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(component), "RootComponent behavior must be 0, 1 or 2");
            }
        }
        if (manifest.Element("MissingDependencies") == null)
            findings.Warning(FindingCodes.ManifestInvalid, ManifestEntry, Line(manifest), "no <MissingDependencies> element (exports always carry one)");
        return prefix;
    }

    private static XElement? Required(XElement parent, string name, FindingList findings)
    {
        var element = parent.Element(name);
        if (element == null) findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(parent), "<" + parent.Name.LocalName + "> has no <" + name + ">");
        return element;
    }

    private static void CheckLocalizedName(XElement parent, string what, FindingList findings)
    {
        var name = parent.Element("LocalizedNames")?.Elements("LocalizedName").FirstOrDefault();
        if (name == null || string.IsNullOrWhiteSpace((string?)name.Attribute("description")))
            findings.Error(FindingCodes.ManifestInvalid, ManifestEntry, Line(parent), "the " + what + " has no <LocalizedNames><LocalizedName description=\"...\"> display name");
    }

    private static void CheckSchemas(XDocument customizations, VerifyOptions options, FindingList findings)
    {
        var directory = DataverseSchemaLocator.Locate(options.SchemaDirectory);
        if (directory == null)
        {
            findings.Error(FindingCodes.SchemasMissing, CustomizationsEntry, 0, DataverseSchemaLocator.MissingMessage(options.SchemaDirectory));
            return;
        }
        var schemas = DataverseSchemas.Load(directory);
        DataverseSchemas.Validate(customizations, schemas.Customizations, FindingCodes.CustomizationsSchema, CustomizationsEntry, findings);
        foreach (var query in customizations.Descendants("savedquery"))
        {
            var fetch = query.Element("fetchxml")?.Element("fetch");
            if (fetch == null) continue;
            DataverseSchemas.ValidateElement(fetch, schemas.Fetch, "fetch", FindingCodes.FetchXmlSchema, CustomizationsEntry, "view '" + ViewName(query) + "'", findings);
        }
        foreach (var systemForm in customizations.Descendants("systemform"))
        {
            var form = systemForm.Element("form");
            if (form == null) continue;
            var name = (string?)systemForm.Element("LocalizedNames")?.Element("LocalizedName")?.Attribute("description") ?? (string?)systemForm.Element("formid");
            DataverseSchemas.ValidateElement(form, schemas.Form, "form", FindingCodes.FormXmlSchema, CustomizationsEntry, "form '" + name + "'", findings);
        }
        foreach (var dashboard in customizations.Root?.Element("Dashboards")?.Elements("Dashboard") ?? Enumerable.Empty<XElement>())
        {
            var name = (string?)dashboard.Element("LocalizedNames")?.Element("LocalizedName")?.Attribute("description") ?? (string?)dashboard.Element("FormId");
            foreach (var form in dashboard.Element("FormXml")?.Elements("forms").Elements("form") ?? Enumerable.Empty<XElement>())
                DataverseSchemas.ValidateElement(form, schemas.Form, "form", FindingCodes.FormXmlSchema, CustomizationsEntry, "dashboard '" + name + "'", findings);
        }
        foreach (var visualization in customizations.Descendants("visualization"))
        {
            var name = (string?)visualization.Element("LocalizedNames")?.Element("LocalizedName")?.Attribute("description") ?? (string?)visualization.Element("savedqueryvisualizationid");
            var definition = visualization.Element("datadescription")?.Element("datadefinition");
            if (definition == null)
            {
                findings.Error(FindingCodes.VisualizationSchema, CustomizationsEntry, Line(visualization), "chart '" + name + "' has no <datadescription><datadefinition>");
                continue;
            }
            DataverseSchemas.ValidateElement(definition, schemas.VisualizationData, "datadefinition", FindingCodes.VisualizationSchema, CustomizationsEntry, "chart '" + name + "'", findings);
            foreach (var fetch in definition.Descendants("fetch"))
                DataverseSchemas.ValidateElement(fetch, schemas.Fetch, "fetch", FindingCodes.VisualizationSchema, CustomizationsEntry, "chart '" + name + "' FetchXML", findings);
        }
        foreach (var siteMap in customizations.Descendants("AppModuleSiteMap"))
        {
            var map = siteMap.Element("SiteMap");
            if (map != null)
                DataverseSchemas.ValidateElement(map, schemas.SiteMap, "SiteMap", FindingCodes.SiteMapSchema, CustomizationsEntry, "site map " + (string?)siteMap.Element("SiteMapUniqueName"), findings);
        }
    }

    internal static string ViewName(XElement query)
        => (string?)query.Element("LocalizedNames")?.Element("LocalizedName")?.Attribute("description") ?? (string?)query.Element("savedqueryid") ?? "?";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex UniqueNamePattern();

    [GeneratedRegex(@"^\d+(\.\d+){1,3}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{1,7}$")]
    private static partial Regex PrefixPattern();

    internal static Guid? ParseGuid(string? text) => Guid.TryParse(text?.Trim().Trim('{', '}'), out var id) ? id : null;

    internal static AssemblyName? ParseAssemblyName(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName)) return null;
        try
        {
            return new AssemblyName(fullName);
        }
        catch (Exception e) when (e is FileLoadException or ArgumentException)
        {
            return null;
        }
    }
}
