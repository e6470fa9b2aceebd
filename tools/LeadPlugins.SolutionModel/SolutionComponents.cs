using System.Xml.Linq;
using static LeadPlugins.SolutionModel.SourceXml;

namespace LeadPlugins.SolutionModel;

/// <summary>
/// The user-interface and security part of the solution source: Solution/src/forms, views, roles, charts, dashboards,
/// apps and dependencies.xml. Kept apart from <see cref="SolutionSource"/> (tables and choices) so the in-memory
/// Dataverse does not pay for it.
/// Structure only: cross-references (columns, tables) are checked by the solution build with file and line.
/// </summary>
public sealed class SolutionComponents
{
    public static readonly IReadOnlyList<string> KnownPrivileges = new[] { "Create", "Read", "Write", "Delete", "Append", "AppendTo", "Assign", "Share" };
    public static readonly IReadOnlyList<string> PrivilegeLevels = new[] { "Basic", "Local", "Deep", "Global" };

    private SolutionComponents(IReadOnlyList<FormDefinition> forms, IReadOnlyList<ViewDefinition> views, IReadOnlyList<RoleDefinition> roles,
        IReadOnlyList<ChartDefinition> charts, IReadOnlyList<DashboardDefinition> dashboards, IReadOnlyList<AppDefinition> apps, DependencyDefinitions dependencies)
    {
        Forms = forms;
        Views = views;
        Roles = roles;
        Charts = charts;
        Dashboards = dashboards;
        Apps = apps;
        Dependencies = dependencies;
    }

    public IReadOnlyList<FormDefinition> Forms { get; }
    public IReadOnlyList<ViewDefinition> Views { get; }
    public IReadOnlyList<RoleDefinition> Roles { get; }
    public IReadOnlyList<ChartDefinition> Charts { get; }
    public IReadOnlyList<DashboardDefinition> Dashboards { get; }
    public IReadOnlyList<AppDefinition> Apps { get; }
    public DependencyDefinitions Dependencies { get; }

    public static SolutionComponents Load(string? directory = null)
    {
        directory ??= SolutionSource.LocateSourceDirectory();
        return new SolutionComponents(
            Files(directory, "forms").Select(LoadForm).ToList(),
            Files(directory, "views").Select(LoadView).ToList(),
            Files(directory, "roles").Select(LoadRole).ToList(),
            Files(directory, "charts").Select(LoadChart).ToList(),
            Files(directory, "dashboards").Select(LoadDashboard).ToList(),
            Files(directory, "apps").Select(LoadApp).ToList(),
            File.Exists(Path.Combine(directory, "dependencies.xml")) ? LoadDependencies(Path.Combine(directory, "dependencies.xml")) : DependencyDefinitions.None);
    }

    private static IEnumerable<string> Files(string directory, string folder)
    {
        var path = Path.Combine(directory, folder);
        return System.IO.Directory.Exists(path)
            ? System.IO.Directory.GetFiles(path, "*.xml").OrderBy(f => f, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
    }

    public static FormDefinition LoadForm(string path)
    {
        var root = LoadRoot(path, "form");
        var tabs = root.Elements("tab").Select(tab => new FormTab(
            Required(path, tab, "name"),
            (string?)tab.Attribute("label") ?? Required(path, tab, "name"),
            tab.Elements("section").Select(section => new FormSection(
                Required(path, section, "name"),
                (string?)section.Attribute("label") ?? Required(path, section, "name"),
                section.Attribute("columns") != null ? ParseInt(path, section, "columns") : 1,
                section.Elements("field").Select(f => ReadField(path, f)).ToList(),
                Line(section))).ToList(),
            Line(tab))).ToList();
        if (tabs.Count == 0) throw Error(path, root, "a form needs at least one <tab>");
        var header = root.Element("header")?.Elements("field").Select(f => ReadField(path, f)).ToList() ?? new List<FormField>();
        return new FormDefinition(
            Required(path, root, "table"),
            (string?)root.Attribute("type") ?? "main",
            Required(path, root, "name"),
            (string?)root.Attribute("description") ?? string.Empty,
            ParseGuid(path, root),
            header,
            tabs,
            path);
    }

    public static ViewDefinition LoadView(string path)
    {
        var root = LoadRoot(path, "view");
        var fetch = root.Element("fetch") ?? throw Error(path, root, "a view needs a <fetch> element");
        var layout = root.Element("layout") ?? throw Error(path, root, "a view needs a <layout> element");
        var cells = layout.Elements("cell").Select(c => new ViewCell(
            Required(path, c, "name"),
            c.Attribute("width") != null ? ParseInt(path, c, "width") : 150,
            Line(c))).ToList();
        if (cells.Count == 0) throw Error(path, layout, "a view layout needs at least one <cell>");
        return new ViewDefinition(
            Required(path, root, "table"),
            Required(path, root, "name"),
            (string?)root.Attribute("description") ?? string.Empty,
            ParseGuid(path, root),
            (bool?)root.Attribute("default") ?? false,
            (string?)layout.Attribute("jump"),
            cells,
            fetch.ToString(SaveOptions.DisableFormatting),
            Line(fetch),
            path);
    }

    public static RoleDefinition LoadRole(string path)
    {
        var root = LoadRoot(path, "role");
        var tables = root.Elements("table").Select(t =>
        {
            var privileges = Required(path, t, "privileges").Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            foreach (var privilege in privileges)
                if (!KnownPrivileges.Contains(privilege)) throw Error(path, t, "unknown privilege '" + privilege + "' (use " + string.Join(", ", KnownPrivileges) + ")");
            var level = (string?)t.Attribute("level") ?? "Global";
            if (!PrivilegeLevels.Contains(level)) throw Error(path, t, "unknown level '" + level + "' (use " + string.Join(", ", PrivilegeLevels) + ")");
            return new RoleTablePrivileges(Required(path, t, "name"), privileges, level, Line(t));
        }).ToList();
        return new RoleDefinition(Required(path, root, "name"), (string?)root.Attribute("description") ?? string.Empty, ParseGuid(path, root), tables, path);
    }

    private static FormField ReadField(string path, XElement field)
        => new(Required(path, field, "column"), (string?)field.Attribute("control"), (string?)field.Attribute("label"), Line(field));

    private static XElement LoadRoot(string path, string rootName)
    {
        var root = XDocument.Load(path, LoadOptions.SetLineInfo).Root ?? throw Error(path, null, "empty file");
        if (root.Name.LocalName != rootName) throw Error(path, root, "root element must be <" + rootName + ">");
        return root;
    }

    private static Guid? ParseGuid(string path, XElement element)
    {
        var text = (string?)element.Attribute("id");
        if (text == null) return null;
        return Guid.TryParse(text, out var id) ? id : throw Error(path, element, "id is not a GUID: " + text);
    }

    /// <summary>Privileges a site map subarea may name in `requires`, on the table it opens.</summary>
    public static readonly IReadOnlyList<string> SubAreaPrivileges = new[] { "Read", "Write", "Create", "Delete", "Append", "AppendTo" };

    public static ChartDefinition LoadChart(string path)
    {
        var root = LoadRoot(path, "chart");
        var definition = root.Element("datadefinition") ?? throw Error(path, root, "a chart needs a <datadefinition> element");
        var fetches = definition.Element("fetchcollection")?.Elements("fetch").ToList() ?? new List<XElement>();
        if (fetches.Count != 1) throw Error(path, definition, "a chart needs exactly one <fetch> in <fetchcollection>");
        var fetch = fetches[0];
        var attributes = fetch.Element("entity")?.Elements("attribute").ToList() ?? new List<XElement>();
        var groupBy = attributes.Where(a => (string?)a.Attribute("groupby") == "true").Select(a => Required(path, a, "alias")).ToList();
        var measures = definition.Element("categorycollection")?.Elements("category").Elements("measurecollection").Elements("measure")
            .Select(m => Required(path, m, "alias")).ToList() ?? new List<string>();
        if (groupBy.Count == 0) throw Error(path, fetch, "a chart's FetchXML needs a groupby=\"true\" attribute");
        if (measures.Count == 0) throw Error(path, definition, "a chart needs at least one <measure alias=\"...\">");
        var type = (string?)root.Attribute("type") ?? "Column";
        if (!ChartDefinition.Types.Contains(type)) throw Error(path, root, "unknown chart type '" + type + "' (use " + string.Join(", ", ChartDefinition.Types) + ")");
        return new ChartDefinition(
            Required(path, root, "table"),
            Required(path, root, "name"),
            (string?)root.Attribute("description") ?? string.Empty,
            ParseGuid(path, root),
            type,
            definition.ToString(SaveOptions.DisableFormatting),
            fetch.ToString(SaveOptions.DisableFormatting),
            groupBy,
            measures,
            Line(fetch),
            path);
    }

    public static DashboardDefinition LoadDashboard(string path)
    {
        var root = LoadRoot(path, "dashboard");
        var tiles = root.Elements().Where(e => e.Name.LocalName is "chart" or "list").Select(e => new DashboardTile(
            Required(path, e, "table"),
            Required(path, e, "view"),
            e.Name.LocalName == "chart" ? Required(path, e, "name") : null,
            Line(e))).ToList();
        if (tiles.Count == 0) throw Error(path, root, "a dashboard needs at least one <chart> or <list>");
        return new DashboardDefinition(Required(path, root, "name"), (string?)root.Attribute("description") ?? string.Empty, ParseGuid(path, root), tiles, path);
    }

    public static AppDefinition LoadApp(string path)
    {
        var root = LoadRoot(path, "app");
        var areas = root.Elements("area").Select(area => new SiteMapArea(
            Required(path, area, "id"),
            Required(path, area, "title"),
            area.Elements("group").Select(group => new SiteMapGroup(
                Required(path, group, "id"),
                Required(path, group, "title"),
                group.Elements("subarea").Select(s => ReadSubArea(path, s)).ToList(),
                Line(group))).ToList(),
            Line(area))).ToList();
        if (areas.Count == 0) throw Error(path, root, "an app needs at least one <area>");
        return new AppDefinition(
            Required(path, root, "uniqueName"),
            Required(path, root, "name"),
            (string?)root.Attribute("description") ?? string.Empty,
            root.Elements("role").Select(r => (Required(path, r, "name"), Line(r))).ToList(),
            areas,
            path);
    }

    private static SiteMapSubArea ReadSubArea(string path, XElement s)
    {
        var table = (string?)s.Attribute("table");
        var dashboard = (string?)s.Attribute("dashboard");
        if ((table == null) == (dashboard == null)) throw Error(path, s, "a subarea opens either table=\"...\" or dashboard=\"...\"");
        var requires = (string?)s.Attribute("requires");
        if (requires != null && !SubAreaPrivileges.Contains(requires)) throw Error(path, s, "unknown privilege '" + requires + "' (use " + string.Join(", ", SubAreaPrivileges) + ")");
        if (requires != null && table == null) throw Error(path, s, "requires=\"...\" needs table=\"...\"");
        return new SiteMapSubArea(Required(path, s, "id"), Required(path, s, "title"), table, (string?)s.Attribute("view"), dashboard, requires, Line(s));
    }

    public static DependencyDefinitions LoadDependencies(string path)
    {
        var root = LoadRoot(path, "dependencies");
        var tables = root.Elements("table").Select(t => new DependencyTable(
            Required(path, t, "name"),
            Required(path, t, "displayName"),
            Required(path, t, "solution"),
            t.Elements("column").Select(c => new DependencyColumn(Required(path, c, "name"), Required(path, c, "displayName"))).ToList())).ToList();
        var webResources = root.Elements("webresource").Select(w => new DependencyWebResource(
            Required(path, w, "name"),
            ParseGuid(path, w) ?? throw Error(path, w, "a web resource needs id=\"...\""),
            Required(path, w, "solution"))).ToList();
        return new DependencyDefinitions(tables, webResources, path);
    }
}
