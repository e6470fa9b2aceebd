using System.Xml.Linq;
using static LeadPlugins.SolutionModel.SourceXml;

namespace LeadPlugins.SolutionModel;

/// <summary>
/// The user-interface and security part of the solution source: Solution/src/forms, views and roles. Kept apart
/// from <see cref="SolutionSource"/> (tables and choices) so the in-memory Dataverse does not pay for it.
/// Structure only: cross-references (columns, tables) are checked by the solution build with file and line.
/// </summary>
public sealed partial class SolutionComponents
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
}
