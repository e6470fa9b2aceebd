using System.Text;
using System.Xml.Linq;
using LeadPlugins.Schema;
using LeadPlugins.Solution;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Tests;

/// <summary>The generated XML against Microsoft's XSDs (one schema set per root) and against what the issue asks the solution to contain.</summary>
[TestClass]
public sealed class GeneratedXmlTests
{
    private static byte[] _zip = Array.Empty<byte>();
    private static XDocument _customizations = new();
    private static DataverseSchemas _schemas = null!;

    [ClassInitialize]
    public static void PackOnce(TestContext context)
    {
        var result = TestRepo.Pack();
        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Findings));
        _zip = File.ReadAllBytes(result.ZipPath!);
        using var stream = new MemoryStream(TestRepo.Entry(_zip, "customizations.xml"));
        _customizations = XDocument.Load(stream, LoadOptions.SetLineInfo);
        var schemaDirectory = DataverseSchemaLocator.Locate(TestRepo.Config.SchemaDirectory);
        Assert.IsNotNull(schemaDirectory, DataverseSchemaLocator.MissingMessage(TestRepo.Config.SchemaDirectory));
        _schemas = DataverseSchemas.Load(schemaDirectory);
    }

    private static XElement Root => _customizations.Root!;

    [TestMethod]
    public void Customizations_xml_validates_against_CustomizationsSolution_xsd()
    {
        var findings = new FindingList();
        DataverseSchemas.Validate(_customizations, _schemas.Customizations, FindingCodes.CustomizationsSchema, "customizations.xml", findings);
        Assert.AreEqual(0, findings.Items.Count, string.Join("\n", findings.Items));
    }

    [TestMethod]
    public void The_schema_check_rejects_an_element_the_xsd_does_not_know()
    {
        var copy = new XDocument(_customizations);
        copy.Root!.Element("Entities")!.Elements("Entity").First().Add(new XElement("NotInTheSchema"));
        var findings = new FindingList();
        DataverseSchemas.Validate(copy, _schemas.Customizations, FindingCodes.CustomizationsSchema, "customizations.xml", findings);
        Assert.IsTrue(findings.HasErrors);
        StringAssert.Contains(findings.Items[0].Message, "NotInTheSchema");
    }

    [TestMethod]
    public void Every_view_fetchxml_validates_against_Fetch_xsd()
    {
        var fetches = Root.Descendants("savedquery").Select(q => q.Element("fetchxml")!.Element("fetch")!).ToList();
        Assert.IsTrue(fetches.Count >= 14, "expected the source views plus the system views of every new table");
        var findings = new FindingList();
        foreach (var fetch in fetches)
            DataverseSchemas.ValidateElement(fetch, _schemas.Fetch, "fetch", FindingCodes.FetchXmlSchema, "customizations.xml", "view", findings);
        Assert.AreEqual(0, findings.Items.Count, string.Join("\n", findings.Items));
    }

    [TestMethod]
    public void Every_form_validates_against_FormXml_xsd()
    {
        var forms = Root.Descendants("systemform").Select(f => f.Element("form")!).ToList();
        Assert.AreEqual(7, forms.Count);
        var findings = new FindingList();
        foreach (var form in forms)
            DataverseSchemas.ValidateElement(form, _schemas.Form, "form", FindingCodes.FormXmlSchema, "customizations.xml", "form", findings);
        Assert.AreEqual(0, findings.Items.Count, string.Join("\n", findings.Items));
    }

    [TestMethod]
    public void Sections_follow_the_xsd_order_that_matters()
    {
        var order = Root.Elements().Select(e => e.Name.LocalName).ToList();
        CollectionAssert.AreEqual(
            new[] { "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "EntityMaps", "EntityRelationships", "OrganizationSettings", "optionsets", "Dashboards", "CustomControls", "SolutionPluginAssemblies", "SdkMessageProcessingSteps", "AppModuleSiteMaps", "AppModules", "Languages" },
            order);
    }

    private static XElement Entity(string schemaName) => Root.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == schemaName);

    [TestMethod]
    public void The_lead_gets_a_new_main_form_with_a_Marketplace_section_for_sellers()
    {
        var form = Entity("Lead").Descendants("systemform").Single();
        Assert.AreEqual("main", (string?)form.Parent!.Attribute("type"));
        Assert.AreEqual("Marketplace lead", form.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value);
        var section = form.Descendants("section").Single(s => (string?)s.Attribute("name") == "marketplace");
        Assert.AreEqual("Marketplace", section.Element("labels")!.Element("label")!.Attribute("description")!.Value);
        var fields = section.Descendants("control").Select(c => (string)c.Attribute("datafieldname")!).ToList();
        CollectionAssert.IsSubsetOf(new[]
        {
            LeadTable.Columns.Storefront, LeadTable.Columns.CampaignType, LeadTable.Columns.LeadAction, LeadTable.Columns.FunnelStage, LeadTable.Columns.OfferTitle, LeadTable.Columns.LeadScore,
            LeadTable.Columns.ScoreReason, "leadqualitycode", LeadTable.Columns.DuplicateOf, LeadTable.Columns.EnrichmentStatus, LeadTable.Columns.EnrichmentMessage,
        }, fields);
        // A new form, not the system "Lead" form: its id is ours (name-based), never Microsoft's.
        Assert.AreEqual(StableGuid.Create("systemform|lead|main|Marketplace lead"), Guid.Parse(form.Element("formid")!.Value));
    }

    [TestMethod]
    public void Control_ids_are_unique_within_each_form_and_header_controls_are_prefixed()
    {
        foreach (var form in Root.Descendants("systemform"))
        {
            var ids = form.Descendants("control").Select(c => (string)c.Attribute("id")!).ToList();
            CollectionAssert.AllItemsAreUnique(ids, form.Element("formid")!.Value);
            foreach (var control in form.Descendants("header").Descendants("control"))
                StringAssert.StartsWith((string)control.Attribute("id")!, "header_");
        }
    }

    [TestMethod]
    public void Every_column_the_lead_source_declares_is_on_the_marketplace_form()
    {
        var lead = SolutionSource.Load(TestRepo.Config.SolutionSourceDirectory).FindTable("lead")!;
        var onForm = Entity("Lead").Descendants("control").Select(c => (string)c.Attribute("datafieldname")!).ToHashSet();
        CollectionAssert.AreEquivalent(Array.Empty<string>(), lead.Columns.Select(c => c.LogicalName).Where(c => !onForm.Contains(c)).ToList());
    }

    [TestMethod]
    public void Each_configuration_and_nurture_table_has_a_main_form_and_a_default_Active_view()
    {
        var source = SolutionSource.Load(TestRepo.Config.SolutionSourceDirectory);
        foreach (var table in source.Tables.Where(t => !t.Existing))
        {
            var entity = Entity(table.LogicalName);
            Assert.AreEqual(1, entity.Descendants("forms").Count(f => (string?)f.Attribute("type") == "main"), table.LogicalName);
            var defaults = entity.Descendants("savedquery").Where(q => q.Element("isdefault")!.Value == "1" && q.Element("querytype")!.Value == "0").ToList();
            Assert.AreEqual(1, defaults.Count, table.LogicalName + " needs exactly one default public view");
            StringAssert.StartsWith(defaults[0].Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value, "Active ", table.LogicalName);
            // The views an export carries for a new table: quick find (4), lookup (64), advanced find (1), associated (2).
            CollectionAssert.IsSubsetOf(new[] { "0", "1", "2", "4", "64" }, entity.Descendants("querytype").Select(q => q.Value).Distinct().ToList(), table.LogicalName);
        }
    }

    [TestMethod]
    public void The_named_views_exist_with_their_filters()
    {
        string Names(XElement q) => q.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value;
        var views = Root.Descendants("savedquery").ToDictionary(Names);
        var marketplace = views["Marketplace leads"].Descendants("condition").ToList();
        Assert.IsTrue(marketplace.Any(c => (string?)c.Attribute("attribute") == LeadTable.Columns.IsMarketplace && (string?)c.Attribute("value") == "1"));
        var mine = views["My marketplace leads by score"];
        Assert.IsTrue(mine.Descendants("condition").Any(c => (string?)c.Attribute("attribute") == "ownerid" && (string?)c.Attribute("operator") == "eq-userid"));
        Assert.AreEqual(LeadTable.Columns.LeadScore, (string?)mine.Descendants("order").First().Attribute("attribute"));
        Assert.AreEqual("true", (string?)mine.Descendants("order").First().Attribute("descending"));
        var enrolments = views["Active nurture enrolments"];
        Assert.IsTrue(enrolments.Descendants("condition").Any(c => (string?)c.Attribute("attribute") == NurtureEnrollmentTable.Columns.Status && (string?)c.Attribute("value") == "712540000"));
    }

    [TestMethod]
    public void The_administrator_role_grants_the_configuration_and_nurture_tables()
    {
        var role = Root.Element("Roles")!.Elements("Role").Single(r => (string?)r.Attribute("name") == "Marketplace lead administrator");
        var privileges = role.Descendants("RolePrivilege").Select(p => (string)p.Attribute("name")!).ToHashSet();
        foreach (var table in new[] { StorefrontSettingTable.LogicalName, OfferTable.LogicalName, RoutingRuleTable.LogicalName, NurtureSequenceTable.LogicalName, NurtureStepTable.LogicalName, NurtureEnrollmentTable.LogicalName })
            foreach (var privilege in new[] { "Create", "Read", "Write", "Delete", "Append", "AppendTo" })
                Assert.IsTrue(privileges.Contains("prv" + privilege + table), "prv" + privilege + table);
        // Organization-owned tables have no Assign/Share privileges; the user-owned enrolment table does.
        Assert.IsFalse(privileges.Contains("prvAssignmpl_offer"));
        Assert.IsTrue(privileges.Contains("prvAssignmpl_nurtureenrollment"));
    }

    [TestMethod]
    public void Lookups_become_relationships_and_new_tables_carry_their_system_columns()
    {
        var relationships = Root.Element("EntityRelationships")!.Elements("EntityRelationship").ToDictionary(r => (string)r.Attribute("Name")!);
        var enrolmentLead = relationships["mpl_nurtureenrollment_leadid"];
        Assert.AreEqual(NurtureEnrollmentTable.LogicalName, enrolmentLead.Element("ReferencingEntityName")!.Value);
        Assert.AreEqual("Lead", enrolmentLead.Element("ReferencedEntityName")!.Value);
        Assert.AreEqual(NurtureEnrollmentTable.Columns.LeadId, enrolmentLead.Element("ReferencingAttributeName")!.Value);
        Assert.IsTrue(relationships.ContainsKey("owner_mpl_nurtureenrollment"));
        Assert.IsTrue(relationships.ContainsKey("organization_mpl_offer"));

        var enrolment = Entity(NurtureEnrollmentTable.LogicalName).Descendants("attribute").Select(a => (string)a.Attribute("PhysicalName")!).ToHashSet();
        CollectionAssert.IsSubsetOf(new[] { NurtureEnrollmentTable.Columns.NurtureEnrollmentId, "OwnerId", "OwningBusinessUnit", "statecode", "statuscode", "CreatedOn", "ModifiedOn" }, enrolment.ToList());
        var offer = Entity(OfferTable.LogicalName).Descendants("attribute").Select(a => (string)a.Attribute("PhysicalName")!).ToHashSet();
        Assert.IsTrue(offer.Contains("OrganizationId"));
        Assert.IsFalse(offer.Contains("OwnerId"));
    }

    [TestMethod]
    public void Global_choices_carry_the_publisher_option_values()
    {
        var storefront = Root.Element("optionsets")!.Elements("optionset").Single(o => (string?)o.Attribute("Name") == LeadTable.Columns.Storefront);
        CollectionAssert.AreEqual(new[] { "712540000", "712540001", "712540002" },
            storefront.Descendants("option").Select(o => (string)o.Attribute("value")!).ToArray());
    }

    [TestMethod]
    public void Customizations_xml_has_no_bom_and_no_declaration_like_an_export()
    {
        var bytes = TestRepo.Entry(_zip, "customizations.xml");
        Assert.AreEqual((byte)'<', bytes[0]);
        StringAssert.StartsWith(Encoding.UTF8.GetString(bytes), "<ImportExportXml");
    }
}
