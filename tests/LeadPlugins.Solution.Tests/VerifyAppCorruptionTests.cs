using System.Text.RegularExpressions;
using LeadPlugins.Solution;

namespace LeadPlugins.Solution.Tests;

/// <summary>Corrupted copies of a built zip, made here at test time: each app, site map, chart, role and dependency check must reject its own.</summary>
[TestClass]
public sealed class VerifyAppCorruptionTests
{
    private static byte[] _good = Array.Empty<byte>();

    [ClassInitialize]
    public static void PackOnce(TestContext context)
    {
        var result = TestRepo.Pack();
        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Findings));
        _good = File.ReadAllBytes(result.ZipPath!);
    }

    private static VerificationReport Verify(byte[] zip) => SolutionVerifier.Verify(zip, "corrupted.zip");

    private static Finding Expect(VerificationReport report, string rule, string file)
    {
        var finding = report.Findings.FirstOrDefault(f => f.Rule == rule && f.File == file);
        Assert.IsNotNull(finding, "expected " + rule + " in " + file + "; got:\n" + string.Join("\n", report.Findings));
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.IsTrue(finding.Line > 1, "the finding names its line");
        return finding;
    }

    private static byte[] Edit(string entry, Func<string, string> edit)
    {
        var original = System.Text.Encoding.UTF8.GetString(TestRepo.Entry(_good, entry));
        var changed = edit(original);
        Assert.AreNotEqual(original, changed, "the edit must change something");
        return TestRepo.RewriteText(_good, entry, _ => changed);
    }

    /// <summary>Replaces the first match of <paramref name="pattern"/> only.</summary>
    private static Func<string, string> ReplaceFirst(string pattern, string replacement) => text => new Regex(pattern).Replace(text, replacement, 1);

    [TestMethod]
    public void The_good_zip_passes_the_app_checks()
    {
        var report = Verify(_good);
        Assert.AreEqual(0, report.ErrorCount, string.Join("\n", report.Findings));
        Assert.IsFalse(report.Findings.Any(f => f.Rule is FindingCodes.SiteMapTargetMissing or FindingCodes.AppComponentMissing or FindingCodes.ChartColumnMissing or FindingCodes.MissingDependencyNotListed));
    }

    [TestMethod]
    public void A_site_map_subarea_naming_a_missing_table_is_rejected()
    {
        var report = Verify(Edit("customizations.xml", ReplaceFirst("Entity=\"mpl_offer\"", "Entity=\"mpl_nosuchtable\"")));
        StringAssert.Contains(Expect(report, FindingCodes.SiteMapTargetMissing, "customizations.xml").Message, "mpl_nosuchtable");
    }

    [TestMethod]
    public void A_site_map_subarea_opening_a_view_that_does_not_exist_is_rejected()
    {
        var report = Verify(Edit("customizations.xml", ReplaceFirst("viewid=\\{[0-9a-f-]+\\}", "viewid={00000000-0000-0000-0000-000000000001}")));
        StringAssert.Contains(Expect(report, FindingCodes.SiteMapTargetMissing, "customizations.xml").Message, "00000000-0000-0000-0000-000000000001");
    }

    [TestMethod]
    public void A_site_map_subarea_opening_a_missing_dashboard_is_rejected()
    {
        var report = Verify(Edit("customizations.xml", ReplaceFirst("DefaultDashboard=\"\\{[0-9a-f-]+\\}\"", "DefaultDashboard=\"{00000000-0000-0000-0000-000000000002}\"")));
        StringAssert.Contains(Expect(report, FindingCodes.SiteMapTargetMissing, "customizations.xml").Message, "dashboard");
    }

    [TestMethod]
    public void An_app_component_that_does_not_exist_is_rejected()
    {
        var report = Verify(Edit("customizations.xml", ReplaceFirst("<AppModuleComponent type=\"26\" id=\"\\{[0-9a-f-]+\\}\"", "<AppModuleComponent type=\"26\" id=\"{00000000-0000-0000-0000-000000000003}\"")));
        StringAssert.Contains(Expect(report, FindingCodes.AppComponentMissing, "customizations.xml").Message, "view");
    }

    [TestMethod]
    public void An_app_role_map_naming_a_role_outside_the_solution_is_rejected()
    {
        var report = Verify(Edit("customizations.xml", ReplaceFirst("(<AppModuleRoleMaps>\\s*<Role id=\")\\{[0-9a-f-]+\\}", "${1}{00000000-0000-0000-0000-000000000004}")));
        StringAssert.Contains(Expect(report, FindingCodes.AppComponentMissing, "customizations.xml").Message, "role");
    }

    [TestMethod]
    public void A_dashboard_tile_showing_a_missing_chart_is_rejected()
    {
        var report = Verify(Edit("customizations.xml", ReplaceFirst("<VisualizationId>\\{[0-9a-f-]+\\}", "<VisualizationId>{00000000-0000-0000-0000-000000000005}")));
        StringAssert.Contains(Expect(report, FindingCodes.AppComponentMissing, "customizations.xml").Message, "chart");
    }

    [TestMethod]
    public void A_chart_column_that_does_not_exist_is_rejected()
    {
        var report = Verify(Edit("customizations.xml", ReplaceFirst("<attribute name=\"mpl_status\" groupby=\"true\"", "<attribute name=\"mpl_nosuchcolumn\" groupby=\"true\"")));
        StringAssert.Contains(Expect(report, FindingCodes.ChartColumnMissing, "customizations.xml").Message, "mpl_nurtureenrollment.mpl_nosuchcolumn");
    }

    [TestMethod]
    public void A_chart_whose_data_description_breaks_the_xsd_is_rejected()
    {
        var report = Verify(Edit("customizations.xml", text => text.Replace("<categorycollection>", "<categorylist>", StringComparison.Ordinal).Replace("</categorycollection>", "</categorylist>", StringComparison.Ordinal)));
        Expect(report, FindingCodes.VisualizationSchema, "customizations.xml");
    }

    [TestMethod]
    public void A_custom_table_no_role_administers_is_rejected()
    {
        var report = Verify(Edit("customizations.xml", text => text.Replace("<RolePrivilege name=\"prvDeletempl_offer\" level=\"Global\" />", string.Empty, StringComparison.Ordinal)));
        var finding = Expect(report, FindingCodes.CustomTableWithoutAdministrator, "customizations.xml");
        StringAssert.Contains(finding.Message, "_offer;");
        StringAssert.Contains(finding.Message, "Delete");
    }

    [TestMethod]
    public void A_system_column_used_but_not_listed_as_a_missing_dependency_is_rejected()
    {
        var report = Verify(Edit("solution.xml", text => Regex.Replace(text, "<MissingDependency>\\s*<Required type=\"2\" schemaName=\"leadqualitycode\"[\\s\\S]*?</MissingDependency>", string.Empty)));
        StringAssert.Contains(Expect(report, FindingCodes.MissingDependencyNotListed, "customizations.xml").Message, "lead.leadqualitycode");
    }

    [TestMethod]
    public void A_missing_dependency_nothing_uses_is_rejected()
    {
        var report = Verify(Edit("solution.xml", text => text.Replace("</MissingDependencies>",
            "  <MissingDependency><Required type=\"1\" schemaName=\"account\" displayName=\"Account\" solution=\"System\" /><Dependent type=\"80\" schemaName=\"mpl_MarketplaceLeads\" displayName=\"x\" /></MissingDependency>\r\n    </MissingDependencies>", StringComparison.Ordinal)));
        StringAssert.Contains(Expect(report, FindingCodes.MissingDependencyUnused, "solution.xml").Message, "table:account");
    }
}
