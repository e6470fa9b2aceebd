using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace LeadPlugins.Schema.Tests;

/// <summary>A column renamed or removed in Solution/src/tables must break the build of code that still names it.</summary>
[TestClass]
public sealed class ColumnRemovalTests
{
    private const string Probe = """
        namespace Probe
        {
            public static class UsesTheVocabulary
            {
                public const string Storefront = LeadPlugins.Schema.LeadTable.Columns.Storefront;
                public const int OfferTitle = LeadPlugins.Schema.LeadTable.MaxLength.OfferTitle;
                public const string Reason = LeadPlugins.Schema.NurtureEnrollmentTable.Columns.Reason;
                public const LeadPlugins.Schema.EnrichmentStatus Failed = LeadPlugins.Schema.EnrichmentStatus.Failed;
            }
        }
        """;

    [TestMethod]
    public void The_real_solution_source_compiles_code_that_names_its_columns()
    {
        var (errors, generated) = SchemaCompiler.Compile(Probe, SchemaCompiler.RepositoryInputs());

        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        Assert.IsTrue(generated.Any(g => g.Contains("public static class LeadTable", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_column_removed_from_the_table_xml_breaks_the_build_naming_the_member()
    {
        var inputs = SchemaCompiler.RepositoryInputs();
        var lead = inputs.FindIndex(i => i.Role == "Tables" && Path.GetFileName(i.Path) == "lead.xml");
        var document = XDocument.Parse(inputs[lead].Text);
        document.Root!.Elements("column").Single(c => (string?)c.Attribute("logicalName") == LeadTable.Columns.Storefront).Remove();
        inputs[lead] = (inputs[lead].Role, inputs[lead].Path, document.ToString());

        var (errors, _) = SchemaCompiler.Compile(Probe, inputs);

        var error = errors.SingleOrDefault(e => e.Id == "CS0117");
        Assert.IsNotNull(error, "expected CS0117, got: " + string.Join("\n", errors));
        StringAssert.Contains(error.GetMessage(), "'Storefront'");
        StringAssert.Contains(error.GetMessage(), "LeadTable.Columns");
    }

    [TestMethod]
    public void A_text_column_without_max_length_is_a_build_error_naming_the_file()
    {
        var inputs = SchemaCompiler.RepositoryInputs();
        var step = inputs.FindIndex(i => Path.GetFileName(i.Path) == "mpl_nurturestep.xml");
        var document = XDocument.Parse(inputs[step].Text);
        document.Root!.Elements("column").First(c => (string?)c.Attribute("type") == "string").Attribute("maxLength")!.Remove();
        inputs[step] = (inputs[step].Role, inputs[step].Path, document.ToString());

        var (errors, _) = SchemaCompiler.Compile("namespace Probe { }", inputs);

        var error = errors.SingleOrDefault(e => e.Id == "LPSCHEMA001");
        Assert.IsNotNull(error, string.Join("\n", errors));
        StringAssert.Contains(error.GetMessage(), "mpl_nurturestep.xml");
        StringAssert.Contains(error.GetMessage(), "maxLength");
    }

    [TestMethod]
    public void A_choice_option_removed_from_choices_xml_breaks_the_build()
    {
        var inputs = SchemaCompiler.RepositoryInputs();
        var choices = inputs.FindIndex(i => i.Role == "Choices");
        var document = XDocument.Parse(inputs[choices].Text);
        document.Root!.Elements("choice").Single(c => (string?)c.Attribute("codeName") == nameof(EnrichmentStatus))
            .Elements("option").Single(o => (string?)o.Attribute("label") == "Failed").Remove();
        inputs[choices] = (inputs[choices].Role, inputs[choices].Path, document.ToString());

        var (errors, _) = SchemaCompiler.Compile(Probe, inputs);

        Assert.IsTrue(errors.Any(e => e.Id == "CS0117" && e.GetMessage().Contains("'Failed'", StringComparison.Ordinal)), string.Join("\n", errors));
    }
}
