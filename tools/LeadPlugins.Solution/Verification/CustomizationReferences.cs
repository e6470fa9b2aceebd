using System.Xml;
using System.Xml.Linq;
using LeadPlugins.Solution.Generation;

namespace LeadPlugins.Solution;

/// <summary>
/// What customizations.xml carries (tables, and the columns under each &lt;Entity&gt;) and what it references: tables and
/// columns named by views, charts, forms, dashboards, the site map, app components and relationships, and the app icon.
/// The build derives solution.xml's &lt;MissingDependencies&gt; from it and `verify` checks that list with it: one reading
/// of references for both.
/// </summary>
public sealed class CustomizationReferences
{
    private CustomizationReferences(IReadOnlySet<string> carriedTables, IReadOnlySet<string> shellTables, IReadOnlyDictionary<string, HashSet<string>> columns, IReadOnlyList<ComponentReference> references)
    {
        CarriedTables = carriedTables;
        ShellTables = shellTables;
        Columns = columns;
        References = references;
    }

    /// <summary>Tables the solution creates (an &lt;Entity&gt; that is not a shell of a system table).</summary>
    public IReadOnlySet<string> CarriedTables { get; }

    /// <summary>System tables the solution carries as a shell (behavior 2): only its own columns, forms and views.</summary>
    public IReadOnlySet<string> ShellTables { get; }

    /// <summary>Columns under each &lt;Entity&gt; (logical names, lower case), by table.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Columns { get; }

    public IReadOnlyList<ComponentReference> References { get; }

    public bool HasColumn(string table, string column) => Columns.TryGetValue(table, out var set) && set.Contains(column);

    /// <summary>References the target environment must satisfy: tables not created here (platform tables aside), columns not carried here, the icon.</summary>
    public IEnumerable<ComponentReference> Missing => References.Where(r =>
        r.WebResource != null
        || (r.Column == null && !CarriedTables.Contains(r.Table) && !KnownSystemTables.Platform.Contains(r.Table))
        || (r.Column != null && !CarriedTables.Contains(r.Table) && !KnownSystemTables.Platform.Contains(r.Table) && !HasColumn(r.Table, r.Column)));

    public static CustomizationReferences Read(XDocument customizations, IReadOnlySet<string> shellTables)
    {
        var root = customizations.Root!;
        var entities = root.Element("Entities")?.Elements("Entity").ToList() ?? new List<XElement>();
        var columns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var name = EntityName(entity);
            columns[name] = entity.Element("EntityInfo")?.Element("entity")?.Element("attributes")?.Elements("attribute")
                .Select(a => ((string?)a.Element("LogicalName") ?? (string?)a.Attribute("PhysicalName") ?? string.Empty).ToLowerInvariant())
                .ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
        }
        var carried = columns.Keys.Where(t => !shellTables.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var references = new List<ComponentReference>();
        void Add(string table, string? column, int type, string? schemaName, Guid? id, string name, string? parent, XObject at)
            => references.Add(new ComponentReference(table.ToLowerInvariant(), column?.ToLowerInvariant(), null, type, schemaName, id, name, parent, Line(at)));

        foreach (var entity in entities)
        {
            var table = EntityName(entity);
            if (shellTables.Contains(table))
            {
                // A shell needs its table: the dependent is the first column the solution adds to it.
                var first = entity.Element("EntityInfo")?.Element("entity")?.Element("attributes")?.Elements("attribute").FirstOrDefault();
                var column = ((string?)first?.Element("LogicalName"))?.ToLowerInvariant();
                Add(table, null, column != null ? 2 : 1, column ?? table, null, DisplayName(first?.Element("displaynames"), "displayname") ?? table, column != null ? table : null, (XObject?)first ?? entity);
            }
            foreach (var form in entity.Descendants("systemform"))
            {
                var id = SolutionVerifier.ParseGuid((string?)form.Element("formid"));
                var name = DisplayName(form.Element("LocalizedNames"), "LocalizedName") ?? "form";
                foreach (var control in form.Descendants("control").Where(c => c.Attribute("datafieldname") != null))
                    Add(table, (string)control.Attribute("datafieldname")!, 60, null, id, name, null, control);
            }
            foreach (var query in entity.Descendants("savedquery"))
            {
                var fetch = query.Element("fetchxml")?.Element("fetch");
                if (fetch == null) continue;
                var id = SolutionVerifier.ParseGuid((string?)query.Element("savedqueryid"));
                AddFetch(fetch, 26, id, DisplayName(query.Element("LocalizedNames"), "LocalizedName") ?? "view");
            }
            foreach (var visualization in entity.Descendants("visualization"))
            {
                var id = SolutionVerifier.ParseGuid((string?)visualization.Element("savedqueryvisualizationid"));
                foreach (var fetch in visualization.Element("datadescription")?.Descendants("fetch") ?? Enumerable.Empty<XElement>())
                    AddFetch(fetch, 59, id, DisplayName(visualization.Element("LocalizedNames"), "LocalizedName") ?? "chart");
            }
        }

        void AddFetch(XElement fetch, int type, Guid? id, string name)
        {
            foreach (var entity in fetch.Descendants().Where(e => e.Name.LocalName is "entity" or "link-entity"))
            {
                var table = (string?)entity.Attribute("name");
                if (string.IsNullOrEmpty(table)) continue;
                Add(table, null, type, null, id, name, null, entity);
                foreach (var element in entity.Elements().Where(e => e.Name.LocalName is "attribute" or "order")
                             .Concat(entity.Elements("filter").DescendantsAndSelf().Where(e => e.Name.LocalName == "condition")))
                {
                    var column = (string?)element.Attribute(element.Name.LocalName == "attribute" ? "name" : "attribute");
                    if (!string.IsNullOrEmpty(column)) Add(table, column, type, null, id, name, null, element);
                }
                foreach (var link in entity.Elements("link-entity"))
                {
                    // from is a column of the linked table, to a column of this one.
                    if ((string?)link.Attribute("to") is { Length: > 0 } to) Add(table, to, type, null, id, name, null, link);
                }
            }
        }

        foreach (var relationship in root.Element("EntityRelationships")?.Elements("EntityRelationship") ?? Enumerable.Empty<XElement>())
        {
            var name = (string?)relationship.Attribute("Name") ?? "relationship";
            foreach (var end in new[] { "ReferencedEntityName", "ReferencingEntityName" })
                if ((string?)relationship.Element(end) is { Length: > 0 } table)
                    Add(table, null, 10, name, null, name, null, relationship);
        }

        foreach (var dashboard in root.Element("Dashboards")?.Elements("Dashboard") ?? Enumerable.Empty<XElement>())
        {
            var id = SolutionVerifier.ParseGuid((string?)dashboard.Element("FormId"));
            var name = DisplayName(dashboard.Element("LocalizedNames"), "LocalizedName") ?? "dashboard";
            foreach (var target in dashboard.Descendants("TargetEntityType"))
                Add(target.Value.Trim(), null, 60, null, id, name, null, target);
        }

        foreach (var siteMap in root.Element("AppModuleSiteMaps")?.Elements("AppModuleSiteMap") ?? Enumerable.Empty<XElement>())
        {
            var name = (string?)siteMap.Element("SiteMapUniqueName") ?? "sitemap";
            foreach (var element in siteMap.Descendants().Where(e => e.Name.LocalName is "SubArea" or "Privilege"))
                if ((string?)element.Attribute("Entity") is { Length: > 0 } table)
                    Add(table, null, 62, name, null, name, null, element);
        }

        foreach (var app in root.Element("AppModules")?.Elements("AppModule") ?? Enumerable.Empty<XElement>())
        {
            var name = (string?)app.Element("UniqueName") ?? "app";
            foreach (var component in app.Element("AppModuleComponents")?.Elements("AppModuleComponent") ?? Enumerable.Empty<XElement>())
                if ((string?)component.Attribute("type") == "1" && (string?)component.Attribute("schemaName") is { Length: > 0 } table)
                    Add(table, null, 80, name, null, name, null, component);
            if (SolutionVerifier.ParseGuid((string?)app.Element("WebResourceId")) is { } icon)
                references.Add(new ComponentReference(string.Empty, null, icon, 80, name, null, name, null, Line(app.Element("WebResourceId")!)));
        }
        return new CustomizationReferences(carried, shellTables, columns, references);
    }

    private static string EntityName(XElement entity) => ((string?)entity.Element("Name") ?? string.Empty).Trim().ToLowerInvariant();

    private static string? DisplayName(XElement? container, string element)
        => (string?)container?.Elements(element).FirstOrDefault()?.Attribute("description");

    private static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
