using System.Xml.Linq;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Generation;

/// <summary>
/// Charts (savedqueryvisualization, type 59), dashboards (systemform type 0, component type 60), model-driven apps
/// (AppModule, 80) and their site maps (AppModuleSiteMap, 62) from Solution/src/charts, dashboards and apps. Shapes follow
/// a real packed export (Contoso Parking Challenge 1.0.0.3: &lt;AppModuleSiteMaps&gt; then &lt;AppModules&gt;), cut to the
/// elements CustomizationsSolution.xsd 9.0.0.2090 declares (no statecode, NavigationType, appsettings, ShowHome, ...).
/// </summary>
internal sealed class AppGenerator
{
    private const string IntroducedVersion = "1.0.0.0";
    /// <summary>The subgrid control: on a dashboard it shows a view's list or, with a VisualizationId, a chart.</summary>
    private const string SubgridClassId = "{E7A81278-8635-4d9e-8D4D-59480B391C5B}";
    /// <summary>Site map icon the app designer writes for subareas without one.</summary>
    private const string SpacerIcon = "/_imgs/imagestrips/transparent_spacer.gif";
    /// <summary>Model-driven, Unified Interface (the only ClientType the 9.0.0.2090 XSD and today's servers share: 4).</summary>
    private const int UnifiedInterfaceClientType = 4;

    private readonly SolutionSource _source;
    private readonly SolutionComponents _components;
    private readonly FindingList _findings;

    public AppGenerator(SolutionSource source, SolutionComponents components, FindingList findings)
    {
        _source = source;
        _components = components;
        _findings = findings;
    }

    public static Guid ChartId(ChartDefinition chart) => chart.Id ?? StableGuid.Create("savedqueryvisualization|" + chart.Table + "|" + chart.Name);

    public static Guid DashboardId(DashboardDefinition dashboard) => dashboard.Id ?? StableGuid.Create("systemform|dashboard|" + dashboard.Name);

    public ViewDefinition? FindView(string table, string name) => _components.Views.FirstOrDefault(v => v.Table == table && v.Name == name);

    public ChartDefinition? FindChart(string table, string name) => _components.Charts.FirstOrDefault(c => c.Table == table && c.Name == name);

    public DashboardDefinition? FindDashboard(string name) => _components.Dashboards.FirstOrDefault(d => d.Name == name);

    /// <summary>The &lt;Visualizations&gt; of one table, or null when it has no chart.</summary>
    public XElement? Visualizations(TableDefinition table)
    {
        var charts = _components.Charts.Where(c => c.Table == table.LogicalName).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (charts.Count == 0) return null;
        return new XElement("Visualizations", charts.Select(chart =>
        {
            var visualization = new XElement("visualization",
                new XElement("savedqueryvisualizationid", ExportXml.Braced(ChartId(chart))),
                new XElement("datadescription", XElement.Parse(chart.DataDescription)),
                new XElement("presentationdescription", Presentation(chart)),
                ExportXml.Flag("isdefault", false),
                ExportXml.Flag("IsCustomizable", true),
                new XElement("IntroducedVersion", IntroducedVersion),
                ExportXml.Flag("CanBeDeleted", true),
                ExportXml.LocalizedNames(chart.Name));
            if (chart.Description.Length > 0) visualization.Add(ExportXml.Descriptions(chart.Description));
            return visualization;
        }));
    }

    /// <summary>Chart control XML in the shape of Microsoft's sample charts: one series per measure.</summary>
    private static XElement Presentation(ChartDefinition chart)
    {
        const string Palette = "49,171,204; 255,136,35; 97,142,206; 168,203,104; 209,98,96; 142,116,178; 93,186,215; 255,155,83; 148,172,215; 217,148,147";
        XElement Axis(string name) => new(name,
            new XAttribute("LabelAutoFitMinFontSize", 8), new XAttribute("TitleForeColor", "59, 59, 59"), new XAttribute("TitleFont", "{0}, 10.5px"), new XAttribute("LineColor", "165, 172, 181"),
            new XElement("MajorGrid", new XAttribute("LineColor", "239, 242, 246")),
            new XElement("LabelStyle", new XAttribute("Font", "{0}, 10.5px"), new XAttribute("ForeColor", "59, 59, 59")));
        var pie = chart.Type == "Pie";
        var series = chart.MeasureAliases.Select(_ => new XElement("Series",
            new XAttribute("ChartType", pie ? "Pie" : chart.Type),
            new XAttribute("IsValueShownAsLabel", "True"),
            new XAttribute("Font", "{0}, 9.5px"),
            new XAttribute("LabelForeColor", "59, 59, 59"),
            new XAttribute("CustomProperties", pie ? "PieLabelStyle=Inside, PieDrawingStyle=Default" : "PointWidth=0.75, MaxPixelPointWidth=40"),
            new XElement("SmartLabelStyle", new XAttribute("Enabled", "True"))));
        return new XElement("Chart", new XAttribute("Palette", "None"), new XAttribute("PaletteCustomColors", Palette),
            new XElement("Series", series),
            new XElement("ChartAreas", new XElement("ChartArea", new XAttribute("BorderColor", "White"), new XAttribute("BorderDashStyle", "Solid"),
                pie ? new XElement("Area3DStyle", new XAttribute("Enable3D", "False")) : null,
                pie ? null : Axis("AxisY"),
                pie ? null : Axis("AxisX"))),
            new XElement("Titles", new XElement("Title", new XAttribute("Alignment", "TopLeft"), new XAttribute("DockingOffset", -3), new XAttribute("Font", "{0}, 13px"), new XAttribute("ForeColor", "59, 59, 59"))),
            new XElement("Legends", new XElement("Legend", new XAttribute("Alignment", "Center"), new XAttribute("LegendStyle", "Table"), new XAttribute("Docking", "right"),
                new XAttribute("Font", "{0}, 11px"), new XAttribute("ShadowColor", "0, 0, 0, 0"), new XAttribute("ForeColor", "59, 59, 59"))));
    }

    /// <summary>&lt;Dashboards&gt;: each dashboard's FormXml holds one &lt;form&gt; of chart and list tiles, two per row.</summary>
    public XElement Dashboards() => new("Dashboards", _components.Dashboards.OrderBy(d => d.Name, StringComparer.Ordinal).Select(dashboard =>
    {
        var element = new XElement("Dashboard",
            new XElement("FormId", ExportXml.Braced(DashboardId(dashboard))),
            ExportXml.LocalizedNames(dashboard.Name));
        if (dashboard.Description.Length > 0) element.Add(ExportXml.Descriptions(dashboard.Description));
        element.Add(
            ExportXml.Flag("IsCustomizable", true),
            ExportXml.Flag("IsDefault", false),
            ExportXml.Flag("CanBeDeleted", true),
            new XElement("FormXml", new XElement("forms", new XAttribute("type", "dashboard"), DashboardForm(dashboard))),
            new XElement("IntroducedVersion", IntroducedVersion),
            ExportXml.Flag("IsTabletEnabled", true));
        return element;
    }));

    /// <summary>The dashboard's &lt;form&gt; (also validated on its own against FormXml.xsd).</summary>
    public XElement DashboardForm(DashboardDefinition dashboard)
    {
        var formId = DashboardId(dashboard);
        Guid Id(string path) => StableGuid.Create(formId.ToString("D") + "|" + path);
        var rows = new XElement("rows");
        var index = 0;
        foreach (var pair in dashboard.Tiles.Chunk(2))
        {
            var row = new XElement("row");
            foreach (var tile in pair)
            {
                index++;
                var view = FindView(tile.Table, tile.View);
                if (view == null)
                    _findings.Error(FindingCodes.SourceReference, dashboard.SourceFile, tile.Line, "dashboard '" + dashboard.Name + "': no view '" + tile.View + "' of " + tile.Table + " in Solution/src/views");
                ChartDefinition? chart = null;
                if (tile.Chart != null && (chart = FindChart(tile.Table, tile.Chart)) == null)
                    _findings.Error(FindingCodes.SourceReference, dashboard.SourceFile, tile.Line, "dashboard '" + dashboard.Name + "': no chart '" + tile.Chart + "' of " + tile.Table + " in Solution/src/charts");
                var parameters = new XElement("parameters",
                    new XElement("ViewId", ExportXml.Braced(view != null ? UiGenerator.ViewId(view) : Guid.Empty)),
                    new XElement("IsUserView", "false"),
                    new XElement("RelationshipName"),
                    new XElement("TargetEntityType", tile.Table),
                    new XElement("AutoExpand", "Fixed"),
                    new XElement("EnableQuickFind", "false"),
                    new XElement("EnableViewPicker", "false"),
                    new XElement("EnableJumpBar", "false"));
                if (tile.Chart != null)
                    parameters.Add(
                        new XElement("ChartGridMode", "Chart"),
                        new XElement("VisualizationId", ExportXml.Braced(chart != null ? ChartId(chart) : Guid.Empty)),
                        new XElement("IsUserChart", "false"),
                        new XElement("EnableChartPicker", "false"));
                else
                    parameters.Add(new XElement("RecordsPerPage", 10));
                row.Add(new XElement("cell",
                    new XAttribute("id", ExportXml.Braced(Id("cell/" + index))),
                    new XAttribute("showlabel", "true"),
                    new XAttribute("rowspan", 12),
                    new XAttribute("colspan", 1),
                    new XAttribute("auto", "false"),
                    ExportXml.Labels("labels", "label", tile.Chart ?? tile.View),
                    new XElement("control",
                        new XAttribute("id", (tile.Chart != null ? "Chart" : "List") + index),
                        new XAttribute("classid", SubgridClassId),
                        parameters)));
            }
            rows.Add(row);
        }
        return new XElement("form",
            new XElement("tabs", new XElement("tab",
                new XAttribute("name", "tab_marketplace"),
                new XAttribute("id", ExportXml.Braced(Id("tab"))),
                new XAttribute("verticallayout", "true"),
                new XAttribute("showlabel", "false"),
                new XAttribute("IsUserDefined", "0"),
                ExportXml.Labels("labels", "label", dashboard.Name),
                new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                    new XElement("sections", new XElement("section",
                        new XAttribute("name", "section_tiles"),
                        new XAttribute("id", ExportXml.Braced(Id("section"))),
                        new XAttribute("showlabel", "false"),
                        new XAttribute("showbar", "false"),
                        new XAttribute("columns", "11"),
                        new XAttribute("IsUserDefined", "0"),
                        ExportXml.Labels("labels", "label", dashboard.Name),
                        rows)))))));
    }

    /// <summary>&lt;AppModuleSiteMaps&gt;: one site map per app, named like the app (as the app designer does).</summary>
    public XElement AppModuleSiteMaps() => new("AppModuleSiteMaps", _components.Apps.OrderBy(a => a.UniqueName, StringComparer.Ordinal).Select(app =>
        new XElement("AppModuleSiteMap",
            new XElement("SiteMapUniqueName", app.UniqueName),
            SiteMap(app),
            ExportXml.LocalizedNames(app.Name))));

    /// <summary>The site map (also validated on its own against SiteMap.xsd).</summary>
    public XElement SiteMap(AppDefinition app) => new("SiteMap", new XAttribute("IntroducedVersion", "7.0.0.0"),
        app.Areas.Select(area => new XElement("Area",
            new XAttribute("Id", area.Id),
            new XAttribute("ShowGroups", "true"),
            new XAttribute("IntroducedVersion", "7.0.0.0"),
            Titles(area.Title),
            area.Groups.Select(group => new XElement("Group",
                new XAttribute("Id", group.Id),
                new XAttribute("IntroducedVersion", "7.0.0.0"),
                new XAttribute("IsProfile", "false"),
                Titles(group.Title),
                group.SubAreas.Select(s => SubArea(app, s)))))));

    private static XElement Titles(string title) => new("Titles", new XElement("Title", new XAttribute("LCID", ExportXml.Language), new XAttribute("Title", title)));

    private XElement SubArea(AppDefinition app, SiteMapSubArea subArea)
    {
        var element = new XElement("SubArea", new XAttribute("Id", subArea.Id), new XAttribute("Icon", SpacerIcon));
        if (subArea.Table != null)
        {
            element.Add(new XAttribute("Entity", subArea.Table));
            if (_source.FindTable(subArea.Table) == null && _components.Dependencies.FindTable(subArea.Table) == null)
                _findings.Error(FindingCodes.SourceReference, app.SourceFile, subArea.Line, "subarea '" + subArea.Id + "' opens table '" + subArea.Table + "', which neither tables/ nor dependencies.xml declares");
            if (subArea.View != null)
            {
                var view = FindView(subArea.Table, subArea.View);
                if (view == null)
                    _findings.Error(FindingCodes.SourceReference, app.SourceFile, subArea.Line, "subarea '" + subArea.Id + "': no view '" + subArea.View + "' of " + subArea.Table + " in Solution/src/views");
                else
                    element.Add(new XAttribute("Url", ViewUrl(subArea.Table, UiGenerator.ViewId(view))));
            }
        }
        else
        {
            var dashboard = FindDashboard(subArea.Dashboard!);
            if (dashboard == null)
                _findings.Error(FindingCodes.SourceReference, app.SourceFile, subArea.Line, "subarea '" + subArea.Id + "': no dashboard '" + subArea.Dashboard + "' in Solution/src/dashboards");
            else
                element.Add(new XAttribute("Url", DashboardUrl(DashboardId(dashboard))), new XAttribute("DefaultDashboard", ExportXml.Braced(DashboardId(dashboard))));
        }
        element.Add(
            new XAttribute("Client", "All,Outlook,OutlookLaptopClient,OutlookWorkstationClient,Web"),
            new XAttribute("AvailableOffline", "true"),
            new XAttribute("PassParams", "false"),
            new XAttribute("Sku", "All,OnPremise,Live,SPLA"),
            Titles(subArea.Title));
        if (subArea.Requires != null)
            element.Add(new XElement("Privilege", new XAttribute("Entity", subArea.Table!), new XAttribute("Privilege", subArea.Requires)));
        return element;
    }

    /// <summary>Unified Interface page addresses (documented "open forms, views, dialogs and reports with a URL").</summary>
    public static string ViewUrl(string table, Guid viewId) => "/main.aspx?pagetype=entitylist&etn=" + table + "&viewid=" + ExportXml.Braced(viewId) + "&viewtype=1039";

    public static string DashboardUrl(Guid dashboardId) => "/main.aspx?pagetype=dashboard&id=" + ExportXml.Braced(dashboardId);

    /// <summary>&lt;AppModules&gt;: components are the tables the site map opens with the solution's forms, views and charts of them, the dashboards and the site map.</summary>
    public XElement? AppModules(Func<RoleDefinition, Guid> roleId)
    {
        if (_components.Apps.Count == 0) return null;
        return new XElement("AppModules", _components.Apps.OrderBy(a => a.UniqueName, StringComparer.Ordinal).Select(app =>
        {
            var roles = new List<XElement>();
            foreach (var (name, line) in app.Roles)
            {
                var role = _components.Roles.FirstOrDefault(r => r.Name == name);
                if (role == null) _findings.Error(FindingCodes.SourceReference, app.SourceFile, line, "app '" + app.Name + "' maps role '" + name + "', which Solution/src/roles does not declare");
                else roles.Add(new XElement("Role", new XAttribute("id", ExportXml.Braced(roleId(role)))));
            }
            var element = new XElement("AppModule",
                new XElement("UniqueName", app.UniqueName),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("WebResourceId", DefaultIcon.Id.ToString("D")),
                new XElement("FormFactor", 1),
                new XElement("ClientType", UnifiedInterfaceClientType),
                new XElement("AppModuleComponents", Components(app).Select(c =>
                {
                    var component = new XElement("AppModuleComponent", new XAttribute("type", c.Type));
                    if (c.SchemaName != null) component.Add(new XAttribute("schemaName", c.SchemaName));
                    if (c.Id != null) component.Add(new XAttribute("id", ExportXml.Braced(c.Id.Value)));
                    return component;
                })));
            if (roles.Count > 0) element.Add(new XElement("AppModuleRoleMaps", roles));
            element.Add(ExportXml.LocalizedNames(app.Name));
            if (app.Description.Length > 0) element.Add(ExportXml.Descriptions(app.Description));
            return element;
        }));
    }

    /// <summary>The app's default icon: a web resource every environment has from Microsoft's AppModuleWebResources solution.</summary>
    public DependencyWebResource DefaultIcon => _components.Dependencies.WebResources.FirstOrDefault()
        ?? new DependencyWebResource("msdyn_/Images/AppModule_Default_Icon.png", new Guid("953b9fac-1e5e-e611-80d6-00155ded156f"), "AppModuleWebResources");

    public sealed record AppComponent(int Type, string? SchemaName, Guid? Id);

    public IEnumerable<AppComponent> Components(AppDefinition app)
    {
        var tables = app.SubAreas.Where(s => s.Table != null).Select(s => s.Table!).Distinct(StringComparer.Ordinal).ToList();
        foreach (var table in tables)
            yield return new AppComponent(1, table, null);
        foreach (var table in tables)
        {
            foreach (var form in _components.Forms.Where(f => f.Table == table).OrderBy(f => f.Name, StringComparer.Ordinal))
                yield return new AppComponent(60, null, UiGenerator.FormId(form));
            foreach (var view in _components.Views.Where(v => v.Table == table).OrderBy(v => v.Name, StringComparer.Ordinal))
                yield return new AppComponent(26, null, UiGenerator.ViewId(view));
            foreach (var chart in _components.Charts.Where(c => c.Table == table).OrderBy(c => c.Name, StringComparer.Ordinal))
                yield return new AppComponent(59, null, ChartId(chart));
        }
        foreach (var dashboard in app.SubAreas.Where(s => s.Dashboard != null).Select(s => FindDashboard(s.Dashboard!)).OfType<DashboardDefinition>().Distinct())
            yield return new AppComponent(60, null, DashboardId(dashboard));
        yield return new AppComponent(62, app.UniqueName, null);
    }
}
