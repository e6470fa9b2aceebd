using System.Text;
using System.Xml.Linq;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Tests;

/// <summary>solution.xml and [Content_Types].xml have no XSD: their structure is checked here.</summary>
[TestClass]
public sealed class ManifestStructureTests
{
    private static byte[] _zip = Array.Empty<byte>();
    private static PackResult _result = null!;

    [ClassInitialize]
    public static void PackOnce(TestContext context)
    {
        _result = TestRepo.Pack();
        Assert.AreEqual(0, _result.ErrorCount, string.Join("\n", _result.Findings));
        _zip = File.ReadAllBytes(_result.ZipPath!);
    }

    private static XElement Manifest => XDocument.Parse(Encoding.UTF8.GetString(TestRepo.Entry(_zip, "solution.xml"))).Root!.Element("SolutionManifest")!;

    [TestMethod]
    public void Solution_xml_root_carries_the_export_attributes_and_no_bom_or_declaration()
    {
        var bytes = TestRepo.Entry(_zip, "solution.xml");
        Assert.AreEqual((byte)'<', bytes[0]);
        var root = XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!;
        Assert.AreEqual("ImportExportXml", root.Name.LocalName);
        foreach (var attribute in new[] { "version", "SolutionPackageVersion", "languagecode", "generatedBy" })
            Assert.IsNotNull(root.Attribute(attribute), attribute);
        StringAssert.Contains(Encoding.UTF8.GetString(bytes), "\r\n", "exports use CRLF");
    }

    [TestMethod]
    public void Identity_and_publisher_come_from_pac_config()
    {
        var config = TestRepo.Config;
        Assert.AreEqual(config.Solution.UniqueName, Manifest.Element("UniqueName")!.Value);
        Assert.AreEqual(config.Solution.Version, Manifest.Element("Version")!.Value);
        Assert.AreEqual(config.Solution.DisplayName, Manifest.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value);
        var publisher = Manifest.Element("Publisher")!;
        Assert.AreEqual(config.Publisher.UniqueName, publisher.Element("UniqueName")!.Value);
        Assert.AreEqual("mpl", publisher.Element("CustomizationPrefix")!.Value);
        Assert.AreEqual("71254", publisher.Element("CustomizationOptionValuePrefix")!.Value);
        Assert.AreEqual(2, publisher.Element("Addresses")!.Elements("Address").Count());
        Assert.IsNotNull(Manifest.Element("MissingDependencies"));
    }

    [TestMethod]
    public void Root_components_list_every_table_choice_role_assembly_and_step()
    {
        var source = SolutionSource.Load(TestRepo.Config.SolutionSourceDirectory);
        var roots = Manifest.Element("RootComponents")!.Elements("RootComponent")
            .Select(r => (Type: (int)r.Attribute("type")!, Name: (string?)r.Attribute("schemaName"), Id: (string?)r.Attribute("id"), Behavior: (int)r.Attribute("behavior")!)).ToList();

        foreach (var table in source.Tables)
            Assert.IsTrue(roots.Contains((1, table.LogicalName, null, table.Existing ? 2 : 0)), table.LogicalName + " (existing tables travel as a shell, behavior 2)");
        foreach (var choice in source.Choices)
            Assert.IsTrue(roots.Any(r => r.Type == 9 && r.Name == choice.Name), choice.Name);
        Assert.AreEqual(2, roots.Count(r => r.Type == 20), "administrator and seller");
        var assembly = _result.Solution!.Assemblies.Single();
        Assert.IsTrue(roots.Any(r => r.Type == 91 && r.Name == assembly.FullName && r.Id == "{" + assembly.Id + "}"));
        CollectionAssert.AreEquivalent(
            assembly.Steps.Select(s => "{" + s.Id + "}").ToList(),
            roots.Where(r => r.Type == 92).Select(r => r.Id).ToList());
        // The new lead form and the dashboard (both systemforms), the two lead views and the opportunity view, and the
        // charts of lead and opportunity travel as their own roots; the nurture enrolment chart travels with its table.
        Assert.AreEqual(2, roots.Count(r => r.Type == 60));
        Assert.AreEqual(3, roots.Count(r => r.Type == 26));
        Assert.AreEqual(4, roots.Count(r => r.Type == 59));
        Assert.IsTrue(roots.Contains((62, "mpl_MarketplaceLeads", null, 0)));
        Assert.IsTrue(roots.Contains((80, "mpl_MarketplaceLeads", null, 0)));
    }

    [TestMethod]
    public void Content_types_is_an_opc_document_with_a_default_for_every_extension_in_the_zip()
    {
        var bytes = TestRepo.Entry(_zip, "[Content_Types].xml");
        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray(), "exports write a UTF-8 BOM");
        var root = XDocument.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)).Root!;
        XNamespace opc = "http://schemas.openxmlformats.org/package/2006/content-types";
        Assert.AreEqual(opc + "Types", root.Name);
        var defaults = root.Elements(opc + "Default").ToDictionary(d => (string)d.Attribute("Extension")!, d => (string)d.Attribute("ContentType")!);
        foreach (var extension in TestRepo.EntryNames(_zip).Where(n => n != "[Content_Types].xml").Select(n => Path.GetExtension(n).TrimStart('.')).Distinct())
            Assert.AreEqual("application/octet-stream", defaults[extension], extension);
    }

    [TestMethod]
    public void Zip_entries_have_fixed_timestamps_and_forward_slashes()
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(_zip), System.IO.Compression.ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            Assert.AreEqual(SolutionPacker.FixedTimestamp.DateTime, entry.LastWriteTime.DateTime, entry.FullName);
            Assert.IsFalse(entry.FullName.Contains('\\', StringComparison.Ordinal), entry.FullName);
        }
    }
}
