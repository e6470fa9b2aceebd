using System.Xml.Linq;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Generation;

/// <summary>
/// solution.xml's &lt;MissingDependencies&gt;, in a real export's shape (Contoso Parking Challenge 1.0.0.3):
/// &lt;MissingDependency&gt;&lt;Required type schemaName displayName solution/&gt;&lt;Dependent type .../&gt;&lt;/MissingDependency&gt;.
/// One entry per required component, naming the first component of the solution that needs it. Required types:
/// 1 table, 2 column (parentSchemaName = its table), 61 web resource.
/// </summary>
public static class MissingDependencyList
{
    public static string TableKey(string table) => "table:" + table.ToLowerInvariant();

    public static string ColumnKey(string table, string column) => "column:" + table.ToLowerInvariant() + "." + column.ToLowerInvariant();

    public static string WebResourceKey(Guid id) => "webresource:" + id.ToString("D");

    /// <summary>Builds the list from the references of the generated customizations.xml and the names in dependencies.xml.</summary>
    internal static XElement FromSource(CustomizationReferences references, DependencyDefinitions declared, FindingList findings)
    {
        var file = declared.SourceFile.Length > 0 ? declared.SourceFile : "Solution/src/dependencies.xml";
        var element = new XElement("MissingDependencies");
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in references.Missing.GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var reference = group.First();
            used.Add(group.Key);
            XElement? required = null;
            if (reference.WebResource != null)
            {
                var icon = declared.WebResources.FirstOrDefault(w => w.Id == reference.WebResource);
                if (icon != null)
                    required = new XElement("Required", new XAttribute("type", 61), new XAttribute("id", ExportXml.Braced(icon.Id)), new XAttribute("schemaName", icon.Name),
                        new XAttribute("displayName", icon.Name), new XAttribute("solution", icon.Solution));
            }
            else
            {
                var table = declared.FindTable(reference.Table);
                if (reference.Column == null && table != null)
                    required = new XElement("Required", new XAttribute("type", 1), new XAttribute("schemaName", table.Name),
                        new XAttribute("displayName", table.DisplayName), new XAttribute("solution", table.Solution));
                else if (reference.Column != null && table?.FindColumn(reference.Column) is { } column)
                {
                    required = new XElement("Required", new XAttribute("type", 2), new XAttribute("schemaName", column.Name),
                        new XAttribute("displayName", column.DisplayName), new XAttribute("parentSchemaName", table.Name),
                        new XAttribute("parentDisplayName", table.DisplayName), new XAttribute("solution", table.Solution));
                    used.Add(TableKey(table.Name));
                }
            }
            if (required == null)
            {
                var what = reference.WebResource != null ? "web resource " + reference.WebResource : reference.Column != null ? "column " + reference.Table + "." + reference.Column : "table " + reference.Table;
                findings.Error(FindingCodes.SourceReference, file, 0, what + " is used by " + Describe(reference) + " but is neither in Solution/src/tables nor declared in dependencies.xml");
                continue;
            }
            var dependent = new XElement("Dependent", new XAttribute("type", reference.DependentType));
            if (reference.DependentSchemaName != null) dependent.Add(new XAttribute("schemaName", reference.DependentSchemaName));
            if (reference.DependentId != null) dependent.Add(new XAttribute("id", ExportXml.Braced(reference.DependentId.Value)));
            dependent.Add(new XAttribute("displayName", reference.DependentName));
            if (reference.DependentParent != null) dependent.Add(new XAttribute("parentSchemaName", reference.DependentParent));
            element.Add(new XElement("MissingDependency", required, dependent));
        }
        foreach (var table in declared.Tables)
        {
            if (!used.Contains(TableKey(table.Name)))
                findings.Error(FindingCodes.SourceReference, file, 0, "dependencies.xml declares table " + table.Name + ", which nothing in the solution uses");
            foreach (var column in table.Columns.Where(c => !used.Contains(ColumnKey(table.Name, c.Name))))
                findings.Error(FindingCodes.SourceReference, file, 0, "dependencies.xml declares column " + table.Name + "." + column.Name + ", which nothing in the solution uses (or the solution carries it)");
        }
        return element;
    }

    public static string Describe(ComponentReference reference) => reference.DependentType switch
    {
        2 => "column " + reference.DependentParent + "." + reference.DependentSchemaName,
        10 => "relationship " + reference.DependentName,
        26 => "view '" + reference.DependentName + "'",
        59 => "chart '" + reference.DependentName + "'",
        60 => "form or dashboard '" + reference.DependentName + "'",
        62 => "site map " + reference.DependentName,
        80 => "app " + reference.DependentName,
        _ => "component type " + reference.DependentType + " '" + reference.DependentName + "'",
    };

    /// <summary>The keys solution.xml's &lt;MissingDependencies&gt; lists, with the line of each &lt;Required&gt;.</summary>
    public static IReadOnlyList<(string Key, XElement Required)> Read(XElement? missingDependencies)
    {
        var list = new List<(string, XElement)>();
        foreach (var required in missingDependencies?.Elements("MissingDependency").Select(m => m.Element("Required")).OfType<XElement>() ?? Enumerable.Empty<XElement>())
        {
            var type = (string?)required.Attribute("type");
            var schemaName = ((string?)required.Attribute("schemaName") ?? string.Empty).ToLowerInvariant();
            var key = type switch
            {
                "1" => TableKey(schemaName),
                "2" => ColumnKey((string?)required.Attribute("parentSchemaName") ?? string.Empty, schemaName),
                "61" => SolutionVerifier.ParseGuid((string?)required.Attribute("id")) is { } id ? WebResourceKey(id) : "webresource:" + schemaName,
                _ => "type" + type + ":" + schemaName,
            };
            list.Add((key, required));
        }
        return list;
    }
}
