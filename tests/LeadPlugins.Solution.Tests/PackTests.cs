using System.Security.Cryptography;
using System.Xml.Linq;
using LeadPlugins.Solution;

namespace LeadPlugins.Solution.Tests;

[TestClass]
public sealed class PackTests
{
    [TestMethod]
    public void Packing_the_real_assemblies_writes_the_versioned_zip_and_it_verifies_without_errors()
    {
        var result = TestRepo.Pack(TestRepo.Config.AssemblyPaths(TestRepo.Configuration));

        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Findings));
        Assert.IsNotNull(result.ZipPath);
        Assert.AreEqual("LeadPlugins_" + TestRepo.Config.Solution.Version + ".zip", Path.GetFileName(result.ZipPath));
        Assert.IsTrue(File.Exists(result.ZipPath));
        var report = SolutionVerifier.Verify(result.ZipPath);
        Assert.AreEqual(0, report.ErrorCount, string.Join("\n", report.Findings));
    }

    [TestMethod]
    public void Packing_the_fixture_assembly_carries_it_under_PluginAssemblies_with_its_id_and_verifies_clean()
    {
        var result = TestRepo.Pack();

        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Findings));
        Assert.AreEqual(0, result.WarningCount, string.Join("\n", result.Findings));
        var zip = File.ReadAllBytes(result.ZipPath!);
        var assembly = result.Solution!.Assemblies.Single();
        var expectedEntry = "PluginAssemblies/LeadPlugins.Solution.Tests.Fixtures-" + assembly.Id.ToString("D").ToUpperInvariant() + "/LeadPlugins.Solution.Tests.Fixtures.dll";
        CollectionAssert.AreEqual(
            new[] { "[Content_Types].xml", "solution.xml", "customizations.xml", expectedEntry },
            TestRepo.EntryNames(zip).ToArray());
        CollectionAssert.AreEqual(File.ReadAllBytes(TestRepo.FixtureAssembly), TestRepo.Entry(zip, expectedEntry));

        var report = SolutionVerifier.Verify(result.ZipPath!);
        Assert.AreEqual(0, report.ErrorCount, string.Join("\n", report.Findings));
        Assert.AreEqual(0, report.WarningCount, string.Join("\n", report.Findings));
    }

    [TestMethod]
    public void Packing_twice_gives_byte_identical_zips()
    {
        var first = File.ReadAllBytes(TestRepo.Pack().ZipPath!);
        var second = File.ReadAllBytes(TestRepo.Pack().ZipPath!);

        CollectionAssert.AreEqual(SHA256.HashData(first), SHA256.HashData(second));
    }

    [TestMethod]
    public void The_managed_option_marks_the_manifest_managed_and_names_the_zip_accordingly()
    {
        var result = TestRepo.Pack(managed: true);

        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Findings));
        StringAssert.EndsWith(result.ZipPath, "_managed.zip");
        var manifest = XDocument.Parse(System.Text.Encoding.UTF8.GetString(TestRepo.Entry(File.ReadAllBytes(result.ZipPath!), "solution.xml")));
        Assert.AreEqual("1", manifest.Root!.Element("SolutionManifest")!.Element("Managed")!.Value);
    }

    [TestMethod]
    public void Unmanaged_is_the_default()
    {
        var result = TestRepo.Pack();

        var manifest = XDocument.Parse(System.Text.Encoding.UTF8.GetString(TestRepo.Entry(File.ReadAllBytes(result.ZipPath!), "solution.xml")));
        Assert.AreEqual("0", manifest.Root!.Element("SolutionManifest")!.Element("Managed")!.Value);
        Assert.IsFalse(result.ZipPath!.EndsWith("_managed.zip", StringComparison.Ordinal));
    }

    [TestMethod]
    public void An_assembly_without_plugin_or_activity_types_is_left_out_with_a_warning()
    {
        // The product assemblies have no plug-in classes on this branch yet; Dataverse refuses an assembly without types.
        var result = TestRepo.Pack(new[] { TestRepo.FixtureAssembly, TestRepo.PluginsAssembly });

        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Findings));
        var plugins = LeadPlugins.Solution.Registration.RegistrationReader.Read(TestRepo.PluginsAssembly).Assembly!;
        if (plugins.Types.Count == 0)
        {
            Assert.AreEqual(1, result.Solution!.Assemblies.Count);
            Assert.IsTrue(result.Findings.Any(f => f.Rule == FindingCodes.AssemblyWithoutTypes && f.Severity == Severity.Warning && f.File.EndsWith("LeadPlugins.Plugins.dll", StringComparison.Ordinal)));
        }
        else
        {
            Assert.AreEqual(2, result.Solution!.Assemblies.Count);
        }
    }

    [TestMethod]
    public void A_missing_assembly_fails_the_pack_and_writes_nothing()
    {
        var missing = Path.Combine(TestRepo.NewTempDirectory(), "Nothing.dll");
        var result = TestRepo.Pack(new[] { missing });

        Assert.IsTrue(result.HasErrors);
        Assert.IsNull(result.ZipPath);
        Assert.IsTrue(result.Findings.Any(f => f.Rule == FindingCodes.AssemblyEntryMissing && f.Message.Contains("build it first", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Stable_guids_follow_rfc_4122_version_5()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.AreEqual(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), StableGuid.Create(dns, "python.org"));
        Assert.AreEqual(StableGuid.Create("step|x"), StableGuid.Create("step|x"));
        Assert.AreNotEqual(StableGuid.Create("step|x"), StableGuid.Create("step|y"));
    }
}
