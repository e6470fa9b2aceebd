using System.Xml.Linq;
using static LeadPlugins.Solution.SolutionVerifier;

namespace LeadPlugins.Solution;

/// <summary>Component ids used once each, and solution.xml's RootComponents and customizations.xml's components listing each other.</summary>
internal static class ComponentChecks
{
    public static void CheckDuplicateIds(XDocument customizations, FindingList findings)
    {
        var root = customizations.Root!;
        void Check(string what, IEnumerable<(string? Text, XObject Node)> ids)
        {
            var seen = new Dictionary<Guid, int>();
            foreach (var (text, node) in ids)
            {
                var id = ParseGuid(text);
                if (id == null) continue;
                if (seen.TryGetValue(id.Value, out var firstLine))
                    findings.Error(FindingCodes.DuplicateId, CustomizationsEntry, Line(node), what + " id " + id + " is used twice (first at line " + firstLine + ")");
                else
                    seen[id.Value] = Line(node);
            }
        }
        Check("step", root.Descendants("SdkMessageProcessingStep").Select(s => ((string?)s.Attribute("SdkMessageProcessingStepId"), (XObject)s)));
        Check("image", root.Descendants("SdkMessageProcessingStepImageId").Select(e => ((string?)e, (XObject)e)));
        Check("plug-in type", root.Descendants("PluginType").Select(t => ((string?)t.Attribute("PluginTypeId"), (XObject)t)));
        Check("plug-in assembly", root.Descendants("PluginAssembly").Select(a => ((string?)a.Attribute("PluginAssemblyId"), (XObject)a)));
        Check("form", root.Descendants("formid").Select(e => ((string?)e, (XObject)e)));
        Check("view", root.Descendants("savedqueryid").Select(e => ((string?)e, (XObject)e)));
        Check("chart", root.Descendants("savedqueryvisualizationid").Select(e => ((string?)e, (XObject)e)));
        Check("role", root.Element("Roles")?.Elements("Role").Select(r => ((string?)r.Attribute("id"), (XObject)r)) ?? Enumerable.Empty<(string?, XObject)>());
    }

    /// <summary>RootComponents in solution.xml and the components in customizations.xml must list each other.</summary>
    public static void CheckRootComponents(XDocument manifest, XDocument customizations, FindingList findings)
    {
        var roots = manifest.Root?.Element("SolutionManifest")?.Element("RootComponents")?.Elements("RootComponent").ToList();
        if (roots == null) return;
        var c = customizations.Root!;
        var entities = c.Element("Entities")?.Elements("Entity").ToList() ?? new List<XElement>();
        var entityNames = entities.Select(e => ((string?)e.Element("Name") ?? string.Empty).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var optionSets = c.Element("optionsets")?.Elements("optionset").Select(o => ((string?)o.Attribute("Name") ?? string.Empty).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>();
        var roles = c.Element("Roles")?.Elements("Role").Select(r => ParseGuid((string?)r.Attribute("id"))).Where(g => g != null).Select(g => g!.Value).ToHashSet() ?? new HashSet<Guid>();
        var assemblies = c.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly").ToList() ?? new List<XElement>();
        var steps = c.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep").ToList() ?? new List<XElement>();
        var forms = c.Descendants("systemform").Select(f => ParseGuid((string?)f.Element("formid")))
            .Concat(c.Element("Dashboards")?.Elements("Dashboard").Select(d => ParseGuid((string?)d.Element("FormId"))) ?? Enumerable.Empty<Guid?>())
            .Where(g => g != null).Select(g => g!.Value).ToHashSet();
        var charts = c.Descendants("visualization").Select(v => ParseGuid((string?)v.Element("savedqueryvisualizationid"))).OfType<Guid>().ToHashSet();
        var siteMaps = c.Element("AppModuleSiteMaps")?.Elements("AppModuleSiteMap").Select(s => ((string?)s.Element("SiteMapUniqueName") ?? string.Empty).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
        var apps = c.Element("AppModules")?.Elements("AppModule").Select(a => ((string?)a.Element("UniqueName") ?? string.Empty).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
        var views = c.Descendants("savedquery").Select(q => ParseGuid((string?)q.Element("savedqueryid"))).Where(g => g != null).Select(g => g!.Value).ToHashSet();
        var relationships = c.Descendants("EntityRelationship").Select(r => ((string?)r.Attribute("Name") ?? string.Empty).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var attributes = entities.SelectMany(e => e.Descendants("attribute")).Select(a => ((string?)a.Element("LogicalName") ?? (string?)a.Attribute("PhysicalName") ?? string.Empty).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

        var rootIds = new Dictionary<int, HashSet<Guid>>();
        var rootNames = new Dictionary<int, HashSet<string>>();
        var shellEntities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            if (!int.TryParse((string?)root.Attribute("type"), out var type)) continue;
            var id = ParseGuid((string?)root.Attribute("id"));
            var schemaName = ((string?)root.Attribute("schemaName") ?? string.Empty).ToLowerInvariant();
            if (id != null) (rootIds.TryGetValue(type, out var set) ? set : rootIds[type] = new HashSet<Guid>()).Add(id.Value);
            if (schemaName.Length > 0) (rootNames.TryGetValue(type, out var names) ? names : rootNames[type] = new HashSet<string>(StringComparer.Ordinal)).Add(schemaName);
            if (type == 1 && (string?)root.Attribute("behavior") == "2") shellEntities.Add(schemaName);

            bool found;
            string what;
            switch (type)
            {
                case 1: found = entityNames.Contains(schemaName); what = "table " + schemaName; break;
                case 2: found = attributes.Contains(schemaName); what = "column " + schemaName; break;
                case 9: found = optionSets.Contains(schemaName); what = "choice " + schemaName; break;
                case 10: found = relationships.Contains(schemaName); what = "relationship " + schemaName; break;
                case 20: found = id != null && roles.Contains(id.Value); what = "role " + id; break;
                case 26: found = id != null && views.Contains(id.Value); what = "view " + id; break;
                case 59: found = id != null && charts.Contains(id.Value); what = "chart " + id; break;
                case 60: found = id != null && forms.Contains(id.Value); what = "form or dashboard " + id; break;
                case 62: found = siteMaps.Contains(schemaName); what = "site map " + schemaName; break;
                case 80: found = apps.Contains(schemaName); what = "app " + schemaName; break;
                case 91:
                    found = assemblies.Any(a => (id != null && ParseGuid((string?)a.Attribute("PluginAssemblyId")) == id)
                        || (id == null && string.Equals((string?)a.Attribute("FullName"), (string?)root.Attribute("schemaName"), StringComparison.OrdinalIgnoreCase)));
                    what = "plug-in assembly " + ((string?)root.Attribute("schemaName") ?? id?.ToString());
                    break;
                case 92: found = id != null && steps.Any(s => ParseGuid((string?)s.Attribute("SdkMessageProcessingStepId")) == id); what = "step " + id; break;
                default:
                    findings.Info(FindingCodes.RootComponentWithoutComponent, ManifestEntry, Line(root), "root component type " + type + " is not checked by this tool");
                    continue;
            }
            if (!found)
                findings.Error(FindingCodes.RootComponentWithoutComponent, ManifestEntry, Line(root), "RootComponent for " + what + " has no matching component in customizations.xml");
        }

        bool HasId(int type, Guid? id) => id != null && rootIds.TryGetValue(type, out var ids) && ids.Contains(id.Value);
        bool HasName(int type, string name) => rootNames.TryGetValue(type, out var names) && names.Contains(name.ToLowerInvariant());
        foreach (var entity in entities)
        {
            var name = ((string?)entity.Element("Name") ?? string.Empty).ToLowerInvariant();
            if (!HasName(1, name))
                findings.Error(FindingCodes.ComponentWithoutRootComponent, CustomizationsEntry, Line(entity), "table " + name + " is not in solution.xml's RootComponents (type 1)");
            if (!shellEntities.Contains(name)) continue;
            // On a shell table (behavior 2) only the forms and views listed as roots travel.
            foreach (var form in entity.Descendants("systemform"))
                if (!HasId(60, ParseGuid((string?)form.Element("formid"))))
                    findings.Warning(FindingCodes.ComponentWithoutRootComponent, CustomizationsEntry, Line(form), "form " + (string?)form.Element("formid") + " of shell table " + name + " is not a RootComponent (type 60)");
            foreach (var view in entity.Descendants("savedquery"))
                if (!HasId(26, ParseGuid((string?)view.Element("savedqueryid"))))
                    findings.Warning(FindingCodes.ComponentWithoutRootComponent, CustomizationsEntry, Line(view), "view '" + ViewName(view) + "' of shell table " + name + " is not a RootComponent (type 26)");
        }
        foreach (var optionSet in c.Element("optionsets")?.Elements("optionset") ?? Enumerable.Empty<XElement>())
            if (!HasName(9, (string?)optionSet.Attribute("Name") ?? string.Empty))
                findings.Error(FindingCodes.ComponentWithoutRootComponent, CustomizationsEntry, Line(optionSet), "choice " + (string?)optionSet.Attribute("Name") + " is not in RootComponents (type 9)");
        foreach (var dashboard in c.Element("Dashboards")?.Elements("Dashboard") ?? Enumerable.Empty<XElement>())
            if (!HasId(60, ParseGuid((string?)dashboard.Element("FormId"))))
                findings.Error(FindingCodes.ComponentWithoutRootComponent, CustomizationsEntry, Line(dashboard), "dashboard " + (string?)dashboard.Element("FormId") + " is not in RootComponents (type 60)");
        foreach (var siteMap in c.Element("AppModuleSiteMaps")?.Elements("AppModuleSiteMap") ?? Enumerable.Empty<XElement>())
            if (!HasName(62, (string?)siteMap.Element("SiteMapUniqueName") ?? string.Empty))
                findings.Error(FindingCodes.ComponentWithoutRootComponent, CustomizationsEntry, Line(siteMap), "site map " + (string?)siteMap.Element("SiteMapUniqueName") + " is not in RootComponents (type 62)");
        foreach (var app in c.Element("AppModules")?.Elements("AppModule") ?? Enumerable.Empty<XElement>())
            if (!HasName(80, (string?)app.Element("UniqueName") ?? string.Empty))
                findings.Error(FindingCodes.ComponentWithoutRootComponent, CustomizationsEntry, Line(app), "app " + (string?)app.Element("UniqueName") + " is not in RootComponents (type 80)");
        foreach (var role in c.Element("Roles")?.Elements("Role") ?? Enumerable.Empty<XElement>())
            if (!HasId(20, ParseGuid((string?)role.Attribute("id"))))
                findings.Error(FindingCodes.ComponentWithoutRootComponent, CustomizationsEntry, Line(role), "role '" + (string?)role.Attribute("name") + "' is not in RootComponents (type 20)");
        foreach (var assembly in assemblies)
            if (!HasId(91, ParseGuid((string?)assembly.Attribute("PluginAssemblyId"))) && !HasName(91, (string?)assembly.Attribute("FullName") ?? string.Empty))
                findings.Error(FindingCodes.ComponentWithoutRootComponent, CustomizationsEntry, Line(assembly), "plug-in assembly " + (string?)assembly.Attribute("FullName") + " is not in RootComponents (type 91)");
        foreach (var step in steps)
            if (!HasId(92, ParseGuid((string?)step.Attribute("SdkMessageProcessingStepId"))))
                findings.Error(FindingCodes.ComponentWithoutRootComponent, CustomizationsEntry, Line(step), "step '" + (string?)step.Attribute("Name") + "' is not in RootComponents (type 92)");
    }
}
