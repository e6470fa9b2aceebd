using System.Text;
using System.Xml.Linq;
using LeadPlugins.Solution;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Tests;

/// <summary>The app, site map, charts, dashboard, roles, audit flags and MissingDependencies the build generates (issue 14).</summary>
[TestClass]
public sealed class AppComponentsTests
{
    private static XDocument _customizations = new();
    private static XElement _manifest = null!;
    private static DataverseSchemas _schemas = null!;

    [ClassInitialize]
    public static void PackOnce(TestContext context)
    {
        var result = TestRepo.Pack();
        Assert.AreEqual(0, result.ErrorCount, string.Join("\n", result.Findings));
        var zip = File.ReadAllBytes(result.ZipPath!);
        using (var stream = new MemoryStream(TestRepo.Entry(zip, "customizations.xml")))
            _customizations = XDocument.Load(stream, LoadOptions.SetLineInfo);
        _manifest = XDocument.Parse(Encoding.UTF8.GetString(TestRepo.Entry(zip, "solution.xml"))).Root!.Element("SolutionManifest")!;
        _schemas = DataverseSchemas.Load(DataverseSchemaLocator.Locate(TestRepo.Config.SchemaDirectory)!);
    }

    private static XElement Root => _customizations.Root!;

    private static readonly SolutionSource Source = SolutionSource.Load(TestRepo.Config.SolutionSourceDirectory);

    /// <summary>The five configuration tables (organization-owned) and the nurture enrolment table (the user-owned one).</summary>
    private static List<string> SettingsTables => Source.Tables.Where(t => !t.Existing && t.Ownership == TableOwnership.Organization).Select(t => t.LogicalName).ToList();

    private static string EnrolmentTable => Source.Tables.Single(t => !t.Existing && t.Ownership == TableOwnership.User).LogicalName;

    private static string Column(string table, string displayName) => Source.FindTable(table)!.Columns.Single(c => c.DisplayName == displayName).LogicalName;

    private static string Name(XElement element) => element.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value;

    private static Dictionary<string, XElement> Charts() => Root.Descendants("visualization").ToDictionary(Name);

    private static Guid Id(string text) => Guid.Parse(text.Trim('{', '}'));

    [TestMethod]
    public void The_five_charts_validate_against_VisualizationDataDescription_and_Fetch_xsd()
    {
        var charts = Charts();
        CollectionAssert.AreEquivalent(new[]
        {
            "Marketplace leads by storefront and action", "Marketplace leads by rating", "Leads by enrichment status",
            "Nurture enrolments by status", "Opportunities from the marketplace by storefront",
        }, charts.Keys.ToList());
        var findings = new FindingList();
        foreach (var chart in charts.Values)
        {
            var definition = chart.Element("datadescription")!.Element("datadefinition")!;
            DataverseSchemas.ValidateElement(definition, _schemas.VisualizationData, "datadefinition", FindingCodes.VisualizationSchema, "customizations.xml", Name(chart), findings);
            var fetch = definition.Descendants("fetch").Single();
            DataverseSchemas.ValidateElement(fetch, _schemas.Fetch, "fetch", FindingCodes.VisualizationSchema, "customizations.xml", Name(chart), findings);
            Assert.AreEqual("true", (string?)fetch.Attribute("aggregate"), Name(chart));
        }
        Assert.AreEqual(0, findings.Items.Count, string.Join("\n", findings.Items));
    }

    [TestMethod]
    public void Charts_bind_their_measures_and_draw_one_series_per_measure()
    {
        var charts = Charts();
        var stacked = charts["Marketplace leads by storefront and action"];
        Assert.AreEqual("StackedColumn", (string?)stacked.Descendants("Series").Last().Attribute("ChartType"));
        CollectionAssert.AreEqual(new[] { "storefront", "action" },
            stacked.Descendants("attribute").Where(a => (string?)a.Attribute("groupby") == "true").Select(a => (string)a.Attribute("alias")!).ToList());
        var revenue = charts["Opportunities from the marketplace by storefront"];
        CollectionAssert.AreEqual(new[] { "opportunities", "estimatedrevenue" }, revenue.Descendants("measure").Select(m => (string)m.Attribute("alias")!).ToList());
        Assert.AreEqual(2, revenue.Element("presentationdescription")!.Element("Chart")!.Element("Series")!.Elements("Series").Count());
        Assert.AreEqual("sum", (string?)revenue.Descendants("attribute").Single(a => (string?)a.Attribute("name") == "estimatedvalue").Attribute("aggregate"));
        // Charts of system tables sit under their (shell) table, the enrolment chart under the custom table.
        Assert.AreEqual("Lead", charts["Leads by enrichment status"].Ancestors("Entity").Single().Element("Name")!.Value);
        Assert.AreEqual(EnrolmentTable, charts["Nurture enrolments by status"].Ancestors("Entity").Single().Element("Name")!.Value);
    }

    [TestMethod]
    public void The_site_map_has_the_sales_and_settings_areas_and_validates_against_SiteMap_xsd()
    {
        var siteMap = Root.Element("AppModuleSiteMaps")!.Elements("AppModuleSiteMap").Single();
        Assert.AreEqual("mpl_MarketplaceLeads", siteMap.Element("SiteMapUniqueName")!.Value);
        var map = siteMap.Element("SiteMap")!;
        var findings = new FindingList();
        DataverseSchemas.ValidateElement(map, _schemas.SiteMap, "SiteMap", FindingCodes.SiteMapSchema, "customizations.xml", "site map", findings);
        Assert.AreEqual(0, findings.Items.Count, string.Join("\n", findings.Items));

        string Title(XElement e) => e.Element("Titles")!.Element("Title")!.Attribute("Title")!.Value;
        CollectionAssert.AreEqual(new[] { "Sales", "Settings" }, map.Elements("Area").Select(Title).ToList());
        var sales = map.Elements("Area").First().Elements("Group").Single();
        Assert.AreEqual("Marketplace", Title(sales));
        CollectionAssert.AreEqual(new[] { "Marketplace leads", "My marketplace leads by score", "Nurture enrolments", "Opportunities from the marketplace", "Marketplace dashboard" },
            sales.Elements("SubArea").Select(Title).ToList());
        var settings = map.Elements("Area").Last().Descendants("SubArea").ToList();
        CollectionAssert.AreEquivalent(SettingsTables, settings.Select(s => (string)s.Attribute("Entity")!).ToList());
        Assert.AreEqual(5, settings.Count);
        // Settings are for admins: a seller (read only) does not see them.
        Assert.IsTrue(settings.All(s => (string?)s.Element("Privilege")?.Attribute("Privilege") == "Write"));

        var views = Root.Descendants("savedquery").ToDictionary(q => Id(q.Element("savedqueryid")!.Value), Name);
        var myLeads = sales.Elements("SubArea").Single(s => Title(s) == "My marketplace leads by score");
        var viewId = System.Text.RegularExpressions.Regex.Match((string)myLeads.Attribute("Url")!, "viewid=([^&]+)").Groups[1].Value;
        Assert.AreEqual("My marketplace leads by score", views[Id(viewId)]);
        var dashboardId = Id((string)sales.Elements("SubArea").Last().Attribute("DefaultDashboard")!);
        Assert.AreEqual(dashboardId, Id(Root.Element("Dashboards")!.Element("Dashboard")!.Element("FormId")!.Value));
    }

    [TestMethod]
    public void The_app_carries_its_tables_forms_views_charts_dashboard_and_site_map_and_maps_both_roles()
    {
        var app = Root.Element("AppModules")!.Elements("AppModule").Single();
        Assert.AreEqual("mpl_MarketplaceLeads", app.Element("UniqueName")!.Value);
        Assert.AreEqual("Marketplace Leads", Name(app));
        var components = app.Element("AppModuleComponents")!.Elements("AppModuleComponent").Select(c => (Type: (string)c.Attribute("type")!, Name: (string?)c.Attribute("schemaName"), Id: (string?)c.Attribute("id"))).ToList();
        CollectionAssert.AreEquivalent(SettingsTables.Append(EnrolmentTable).Append("lead").Append("opportunity").ToList(),
            components.Where(c => c.Type == "1").Select(c => c.Name).ToList());
        Assert.IsTrue(components.Contains(("62", "mpl_MarketplaceLeads", null)));
        Assert.AreEqual(5, components.Count(c => c.Type == "59"));

        // The lead's only form in the app is "Marketplace lead": the app's lead form. The system Lead form is not listed.
        var forms = Root.Descendants("systemform").ToDictionary(f => Id(f.Element("formid")!.Value), f => (Name: Name(f), Table: f.Ancestors("Entity").Single().Element("Name")!.Value));
        var appForms = components.Where(c => c.Type == "60").Select(c => Id(c.Id!)).Where(forms.ContainsKey).Select(id => forms[id]).ToList();
        CollectionAssert.AreEqual(new[] { "Marketplace lead" }, appForms.Where(f => f.Table == "Lead").Select(f => f.Name).ToList());
        var dashboard = Id(Root.Element("Dashboards")!.Element("Dashboard")!.Element("FormId")!.Value);
        Assert.IsTrue(components.Any(c => c.Type == "60" && Id(c.Id!) == dashboard));

        var roles = Root.Element("Roles")!.Elements("Role").ToDictionary(r => (string)r.Attribute("name")!, r => Id((string)r.Attribute("id")!));
        CollectionAssert.AreEquivalent(new[] { roles["Marketplace lead administrator"], roles["Marketplace lead seller"] },
            app.Element("AppModuleRoleMaps")!.Elements("Role").Select(r => Id((string)r.Attribute("id")!)).ToList());
    }

    [TestMethod]
    public void The_dashboard_has_four_charts_and_two_lists_and_validates_against_FormXml_xsd()
    {
        var dashboard = Root.Element("Dashboards")!.Elements("Dashboard").Single();
        Assert.AreEqual("Marketplace leads", Name(dashboard));
        var form = dashboard.Element("FormXml")!.Element("forms")!.Element("form")!;
        Assert.AreEqual("dashboard", (string?)dashboard.Element("FormXml")!.Element("forms")!.Attribute("type"));
        var findings = new FindingList();
        DataverseSchemas.ValidateElement(form, _schemas.Form, "form", FindingCodes.FormXmlSchema, "customizations.xml", "dashboard", findings);
        Assert.AreEqual(0, findings.Items.Count, string.Join("\n", findings.Items));

        var charts = Charts().ToDictionary(c => Id(c.Value.Element("savedqueryvisualizationid")!.Value), c => c.Key);
        var views = Root.Descendants("savedquery").ToDictionary(q => Id(q.Element("savedqueryid")!.Value), Name);
        var tiles = form.Descendants("parameters").ToList();
        CollectionAssert.AreEquivalent(new[] { "Marketplace leads by storefront and action", "Marketplace leads by rating", "Leads by enrichment status", "Opportunities from the marketplace by storefront" },
            tiles.Where(t => t.Element("VisualizationId") != null).Select(t => charts[Id(t.Element("VisualizationId")!.Value)]).ToList());
        CollectionAssert.AreEquivalent(new[] { "My marketplace leads by score", "Active nurture enrolments" },
            tiles.Where(t => t.Element("VisualizationId") == null).Select(t => views[Id(t.Element("ViewId")!.Value)]).ToList());
    }

    [TestMethod]
    public void The_seller_role_spells_privileges_as_exports_do_at_a_sellers_depth()
    {
        var seller = Root.Element("Roles")!.Elements("Role").Single(r => (string?)r.Attribute("name") == "Marketplace lead seller");
        var privileges = seller.Descendants("RolePrivilege").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("level")!);
        foreach (var table in SettingsTables)
        {
            Assert.AreEqual("Global", privileges["prvRead" + table], table);
            Assert.IsFalse(privileges.ContainsKey("prvWrite" + table), "sellers do not change the configuration: " + table);
        }
        Assert.AreEqual("Basic", privileges["prvWrite" + EnrolmentTable]);
        Assert.AreEqual("Basic", privileges["prvAppendTo" + EnrolmentTable]);
        Assert.AreEqual("Local", privileges["prvReadLead"]);
        Assert.AreEqual("Basic", privileges["prvWriteLead"]);
        // Tasks, e-mails and phone calls share the Activity privileges.
        Assert.AreEqual("Basic", privileges["prvCreateActivity"]);
        Assert.IsFalse(privileges.Keys.Any(p => p.EndsWith("Task", StringComparison.Ordinal) || p.EndsWith("PhoneCall", StringComparison.Ordinal)));
        Assert.IsFalse(privileges.ContainsKey("prvDeleteLead"));
    }

    [TestMethod]
    public void Custom_tables_audit_owner_and_status_and_the_columns_sellers_act_on()
    {
        string Audit(string table, string column) => Root.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == table)
            .Element("EntityInfo")!.Descendants("attribute").Single(a => a.Element("LogicalName")!.Value == column).Element("IsAuditEnabled")!.Value;
        foreach (var column in new[] { "ownerid", "owningbusinessunit", "statecode", "statuscode" })
            Assert.AreEqual("1", Audit(EnrolmentTable, column), column);
        foreach (var table in SettingsTables)
        {
            Assert.AreEqual("1", Audit(table, "statecode"), table);
            Assert.AreEqual("1", Audit(table, "statuscode"), table);
        }
        Assert.AreEqual("0", Audit(EnrolmentTable, "createdby"), "exports leave createdby/modifiedon unaudited");
        Assert.AreEqual("0", Audit(EnrolmentTable, "owninguser"));
        foreach (var display in new[] { "Marketplace score", "Storefront", "Enrichment status" })
            Assert.AreEqual("1", Audit("Lead", Column("lead", display)), display);
        Assert.AreEqual("1", Audit(EnrolmentTable, Column(EnrolmentTable, "Status")));
    }

    [TestMethod]
    public void Missing_dependencies_list_the_sales_tables_system_columns_and_the_app_icon_in_an_exports_shape()
    {
        var required = _manifest.Element("MissingDependencies")!.Elements("MissingDependency").Select(m => m.Element("Required")!).ToList();
        Assert.IsTrue(_manifest.Element("MissingDependencies")!.Elements("MissingDependency").All(m => m.Element("Dependent")?.Attribute("type") != null));
        var tables = required.Where(r => (string?)r.Attribute("type") == "1").Select(r => (string)r.Attribute("schemaName")!).ToList();
        CollectionAssert.AreEquivalent(new[] { "lead", "opportunity", "campaign", "task", "email", "phonecall" }, tables);
        var rating = required.Single(r => (string?)r.Attribute("type") == "2" && (string?)r.Attribute("schemaName") == "leadqualitycode");
        Assert.AreEqual("lead", (string?)rating.Attribute("parentSchemaName"));
        Assert.AreEqual("Sales", (string?)rating.Attribute("solution"));
        Assert.IsTrue(required.Any(r => (string?)r.Attribute("type") == "2" && (string?)r.Attribute("schemaName") == "estimatedvalue" && (string?)r.Attribute("parentSchemaName") == "opportunity"));
        Assert.IsTrue(required.Any(r => (string?)r.Attribute("type") == "61" && (string?)r.Attribute("schemaName") == "msdyn_/Images/AppModule_Default_Icon.png"));
        // The solution's own columns on system tables are carried, never listed.
        Assert.IsFalse(required.Any(r => ((string?)r.Attribute("schemaName") ?? string.Empty).StartsWith("mpl_", StringComparison.Ordinal)));
    }
}
