using System.Text.Json.Nodes;

namespace LeadPlugins.Solution.Tests;

/// <summary>Pack cross-checks the solution source (forms, views, roles, choices) and reports the source file and line.</summary>
[TestClass]
public sealed class SourceCheckTests
{
    /// <summary>A private copy of pac.config and Solution/src, edited by <paramref name="edit"/>, packed with the fixture assembly.</summary>
    private static PackResult PackEditedCopy(Action<string> edit)
    {
        var root = TestRepo.NewTempDirectory();
        var source = Path.Combine(root, "Solution", "src");
        foreach (var file in Directory.GetFiles(TestRepo.Config.SolutionSourceDirectory, "*.xml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(source, Path.GetRelativePath(TestRepo.Config.SolutionSourceDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var config = JsonNode.Parse(File.ReadAllText(TestRepo.ConfigPath))!;
        config["paths"]!["schemas"] = TestRepo.Config.SchemaDirectory;
        File.WriteAllText(Path.Combine(root, "pac.config"), config.ToJsonString());
        edit(source);
        return SolutionPacker.Pack(new PackOptions
        {
            ConfigPath = Path.Combine(root, "pac.config"),
            Output = Path.Combine(root, "out"),
            AssemblyPaths = new[] { TestRepo.FixtureAssembly },
        });
    }

    private static void Replace(string file, string oldText, string newText)
    {
        var text = File.ReadAllText(file);
        Assert.IsTrue(text.Contains(oldText, StringComparison.Ordinal), oldText + " not in " + file);
        File.WriteAllText(file, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    [TestMethod]
    public void An_unchanged_copy_packs_clean()
    {
        var result = PackEditedCopy(_ => { });
        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Findings));
        Assert.IsNotNull(result.ZipPath);
    }

    [TestMethod]
    public void A_view_column_the_table_does_not_declare_fails_with_file_and_line()
    {
        var result = PackEditedCopy(src => Replace(Path.Combine(src, "views", "lead.marketplace-leads.xml"),
            "<attribute name=\"mpl_offertitle\" />", "<attribute name=\"mpl_offertitel\" />"));

        Assert.IsNull(result.ZipPath, "nothing is written when a check fails");
        var finding = result.Findings.First(f => f.Rule == FindingCodes.SourceReference);
        StringAssert.EndsWith(finding.File, "lead.marketplace-leads.xml");
        Assert.IsTrue(finding.Line > 0);
        StringAssert.Contains(finding.Message, "mpl_offertitel");
    }

    [TestMethod]
    public void A_system_column_on_a_form_needs_a_control()
    {
        var result = PackEditedCopy(src => Replace(Path.Combine(src, "forms", "lead.marketplace.xml"),
            "<field column=\"jobtitle\" control=\"text\" label=\"Job Title\" />", "<field column=\"jobtitle\" />"));

        var finding = result.Findings.First(f => f.Rule == FindingCodes.SourceReference);
        StringAssert.Contains(finding.Message, "jobtitle");
        Assert.IsTrue(finding.Line > 0);
    }

    [TestMethod]
    public void Assign_on_an_organization_owned_table_is_rejected()
    {
        var result = PackEditedCopy(src => Replace(Path.Combine(src, "roles", "marketplace-lead-administrator.xml"),
            "<table name=\"mpl_offer\" privileges=\"Create,Read,Write,Delete,Append,AppendTo\"", "<table name=\"mpl_offer\" privileges=\"Create,Read,Assign\""));

        StringAssert.Contains(result.Findings.First(f => f.Rule == FindingCodes.SourceReference).Message, "organization-owned");
    }

    [TestMethod]
    public void An_option_value_outside_the_publisher_range_is_rejected()
    {
        var result = PackEditedCopy(src => Replace(Path.Combine(src, "choices.xml"),
            "<option value=\"712540002\" label=\"Other\" />", "<option value=\"100000002\" label=\"Other\" />"));

        StringAssert.Contains(result.Findings.First(f => f.Rule == FindingCodes.SourceReference).Message, "100000002");
    }

    [TestMethod]
    public void A_chart_column_the_table_does_not_declare_fails_with_the_chart_file()
    {
        var result = PackEditedCopy(src => Replace(Path.Combine(src, "charts", "lead.by-enrichment-status.xml"),
            "<attribute name=\"mpl_enrichmentstatus\" groupby=\"true\"", "<attribute name=\"mpl_enrichmentstate\" groupby=\"true\""));

        Assert.IsNull(result.ZipPath);
        var finding = result.Findings.First(f => f.Rule == FindingCodes.SourceReference);
        StringAssert.EndsWith(finding.File, "lead.by-enrichment-status.xml");
        Assert.IsTrue(finding.Line > 0);
        StringAssert.Contains(finding.Message, "mpl_enrichmentstate");
    }

    [TestMethod]
    public void A_subarea_opening_an_undeclared_table_fails_with_the_app_file_and_line()
    {
        var result = PackEditedCopy(src => Replace(Path.Combine(src, "apps", "marketplace-leads.xml"),
            "table=\"opportunity\" view=", "table=\"quote\" view="));

        Assert.IsNull(result.ZipPath);
        var finding = result.Findings.First(f => f.Rule == FindingCodes.SourceReference && f.File.EndsWith("marketplace-leads.xml", StringComparison.Ordinal));
        Assert.IsTrue(finding.Line > 0);
        StringAssert.Contains(finding.Message, "quote");
    }

    [TestMethod]
    public void A_system_column_used_but_not_declared_in_dependencies_xml_fails_the_pack()
    {
        var result = PackEditedCopy(src => Replace(Path.Combine(src, "dependencies.xml"),
            "<column name=\"estimatedclosedate\" displayName=\"Est. Close Date\" />", string.Empty));

        Assert.IsNull(result.ZipPath);
        var finding = result.Findings.First(f => f.Rule == FindingCodes.SourceReference && f.File.EndsWith("dependencies.xml", StringComparison.Ordinal));
        StringAssert.Contains(finding.Message, "opportunity.estimatedclosedate");
        StringAssert.Contains(finding.Message, "Opportunities from the marketplace");
    }

    [TestMethod]
    public void A_dependency_nothing_uses_fails_the_pack()
    {
        var result = PackEditedCopy(src => Replace(Path.Combine(src, "dependencies.xml"),
            "<table name=\"campaign\" displayName=\"Campaign\" solution=\"Sales\" />",
            "<table name=\"campaign\" displayName=\"Campaign\" solution=\"Sales\" /><table name=\"quote\" displayName=\"Quote\" solution=\"Sales\" />"));

        Assert.IsNull(result.ZipPath);
        StringAssert.Contains(result.Findings.First(f => f.Rule == FindingCodes.SourceReference).Message, "table quote, which nothing in the solution uses");
    }
}
