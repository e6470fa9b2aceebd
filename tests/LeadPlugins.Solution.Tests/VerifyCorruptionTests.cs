using LeadPlugins.Solution;

namespace LeadPlugins.Solution.Tests;

/// <summary>Corrupted copies of a built zip: `verify` must fail each one with a finding that names the file, line and rule.</summary>
[TestClass]
public sealed class VerifyCorruptionTests
{
    private static byte[] _good = Array.Empty<byte>();
    private static string _assemblyEntry = string.Empty;

    [ClassInitialize]
    public static void PackOnce(TestContext context)
    {
        var result = TestRepo.Packed;
        _good = File.ReadAllBytes(result.ZipPath!);
        _assemblyEntry = result.Solution!.Assemblies.Single().ZipEntryName;
    }

    private static VerificationReport Verify(byte[] zip) => SolutionVerifier.Verify(zip, "corrupted.zip");

    private static Finding Expect(VerificationReport report, string rule, string? file = null)
    {
        var finding = report.Findings.FirstOrDefault(f => f.Rule == rule && (file == null || f.File == file));
        Assert.IsNotNull(finding, "expected " + rule + (file != null ? " in " + file : string.Empty) + "; got:\n" + string.Join("\n", report.Findings));
        Assert.IsTrue(report.HasErrors);
        return finding;
    }

    private static byte[] EditCustomizations(Func<string, string> edit)
    {
        var edited = TestRepo.RewriteText(_good, "customizations.xml", edit);
        Assert.AreNotEqual(
            Convert.ToBase64String(TestRepo.Entry(_good, "customizations.xml")),
            Convert.ToBase64String(TestRepo.Entry(edited, "customizations.xml")), "the edit must change something");
        return edited;
    }

    [TestMethod]
    public void The_good_zip_verifies_clean()
    {
        var report = Verify(_good);
        Assert.AreEqual(0, report.ErrorCount, string.Join("\n", report.Findings));
    }

    [TestMethod]
    public void Missing_customizations_xml()
    {
        var report = Verify(TestRepo.Rewrite(_good, (name, content) => name == "customizations.xml" ? null : content));
        Assert.AreEqual(Severity.Error, Expect(report, FindingCodes.EntryMissing, "customizations.xml").Severity);
    }

    [TestMethod]
    public void Unknown_element_in_customizations_xml_is_reported_at_its_line()
    {
        var report = Verify(EditCustomizations(x => x.Replace("<Roles>", "<UnknownThing />\r\n  <Roles>", StringComparison.Ordinal)));
        var finding = Expect(report, FindingCodes.CustomizationsSchema, "customizations.xml");
        StringAssert.Contains(finding.Message, "UnknownThing");
        Assert.IsTrue(finding.Line > 1);
    }

    [TestMethod]
    public void Update_step_without_filtering_attributes()
    {
        var report = Verify(EditCustomizations(x => x.Replace("<FilteringAttributes>statecode,statuscode</FilteringAttributes>", "<FilteringAttributes></FilteringAttributes>", StringComparison.Ordinal)));
        var finding = Expect(report, FindingCodes.UpdateWithoutFilteringAttributes, "customizations.xml");
        Assert.IsTrue(finding.Line > 1);
        StringAssert.Contains(finding.Message, "FixtureUpdateLeadPlugin");
        // The assembly's [PluginStep] still says statecode,statuscode: the registration no longer matches the code.
        Expect(report, FindingCodes.StepDiffersFromCode);
    }

    [TestMethod]
    public void Pre_image_on_create()
    {
        var report = Verify(EditCustomizations(x => x.Replace(
            "<ImageType>1</ImageType>\r\n          <MessagePropertyName>id</MessagePropertyName>",
            "<ImageType>0</ImageType>\r\n          <MessagePropertyName>id</MessagePropertyName>", StringComparison.Ordinal)));
        StringAssert.Contains(Expect(report, FindingCodes.PreImageOnCreate, "customizations.xml").Message, "Create");
    }

    [TestMethod]
    public void Assembly_entry_missing()
    {
        var report = Verify(TestRepo.Rewrite(_good, (name, content) => name.StartsWith("PluginAssemblies/", StringComparison.Ordinal) ? null : content));
        StringAssert.Contains(Expect(report, FindingCodes.AssemblyEntryMissing, "customizations.xml").Message, _assemblyEntry);
    }

    [TestMethod]
    public void Broken_xml_is_reported_with_its_line()
    {
        var report = Verify(TestRepo.RewriteText(_good, "customizations.xml", x => x[..(x.Length / 2)]));
        var finding = Expect(report, FindingCodes.XmlMalformed, "customizations.xml");
        Assert.IsTrue(finding.Line > 1);
    }

    [TestMethod]
    public void A_step_the_code_declares_but_the_xml_lost()
    {
        var report = Verify(EditCustomizations(x =>
        {
            var start = x.IndexOf("<SdkMessageProcessingStep Name=\"LeadPlugins.Solution.Tests.Fixtures.FixtureUpdateLeadPlugin", StringComparison.Ordinal);
            var end = x.IndexOf("</SdkMessageProcessingStep>", start, StringComparison.Ordinal) + "</SdkMessageProcessingStep>".Length;
            return x[..start] + x[end..];
        }));
        StringAssert.Contains(Expect(report, FindingCodes.CodeStepNotRegistered).Message, "FixtureUpdateLeadPlugin");
        Expect(report, FindingCodes.RootComponentWithoutComponent, "solution.xml");
    }

    [TestMethod]
    public void A_step_whose_plugin_type_is_not_registered()
    {
        var report = Verify(EditCustomizations(x =>
        {
            var marker = "<PluginTypeId>";
            var start = x.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
            return x[..start] + Guid.Empty.ToString("D") + x[(start + 36)..];
        }));
        Expect(report, FindingCodes.StepPluginTypeMissing, "customizations.xml");
    }

    [TestMethod]
    public void A_component_missing_from_root_components()
    {
        var report = Verify(TestRepo.RewriteText(_good, "solution.xml", x =>
        {
            var start = x.IndexOf("<RootComponent type=\"92\"", StringComparison.Ordinal);
            var end = x.IndexOf("/>", start, StringComparison.Ordinal) + 2;
            return x[..start] + x[end..];
        }));
        Expect(report, FindingCodes.ComponentWithoutRootComponent, "customizations.xml");
    }

    [TestMethod]
    public void A_public_signed_assembly_with_another_identity()
    {
        var contract = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(TestRepo.FixtureAssembly)!, "Microsoft.Xrm.Sdk.dll"));
        var report = Verify(TestRepo.Rewrite(_good, (name, content) => name == _assemblyEntry ? contract : content));
        Expect(report, FindingCodes.AssemblyNotSigned, _assemblyEntry);
        Expect(report, FindingCodes.AssemblyIdentityMismatch, "customizations.xml");
        Expect(report, FindingCodes.PluginTypeMissingInAssembly, "customizations.xml");
    }

    [TestMethod]
    public void A_content_type_missing_for_the_dll()
    {
        var report = Verify(TestRepo.RewriteText(_good, "[Content_Types].xml", x => x.Replace("<Default Extension=\"dll\" ContentType=\"application/octet-stream\" />", string.Empty, StringComparison.Ordinal)));
        Expect(report, FindingCodes.ContentTypeMissing, "[Content_Types].xml");
    }

    [TestMethod]
    public void Managed_2_belongs_to_unpacked_sources_only()
    {
        var report = Verify(TestRepo.RewriteText(_good, "solution.xml", x => x.Replace("<Managed>0</Managed>", "<Managed>2</Managed>", StringComparison.Ordinal)));
        StringAssert.Contains(Expect(report, FindingCodes.ManifestInvalid, "solution.xml").Message, "unpacked");
    }

    [TestMethod]
    public void A_file_that_is_not_a_zip()
        => Expect(Verify(System.Text.Encoding.UTF8.GetBytes("not a zip")), FindingCodes.NotAZip);
}
