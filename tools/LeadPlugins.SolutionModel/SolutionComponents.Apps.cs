using System.Xml.Linq;
using static LeadPlugins.SolutionModel.SourceXml;

namespace LeadPlugins.SolutionModel;

/// <summary>Readers of Solution/src/charts, dashboards, apps and dependencies.xml (structure only, like the rest).</summary>
public sealed partial class SolutionComponents
{
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
