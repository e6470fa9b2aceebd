using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeadPlugins.Solution.Generation;
using static LeadPlugins.Solution.SolutionVerifier;

namespace LeadPlugins.Solution;

/// <summary>
/// Checks of what users see after the import: solution.xml's MissingDependencies against what customizations.xml uses;
/// every site map subarea, app component, role map and dashboard tile pointing at something that exists; every chart
/// column existing; a role administering every custom table.
/// </summary>
internal static class AppComponentChecks
{
    private static readonly string[] AdministratorPrivileges = { "Create", "Read", "Write", "Delete" };

    public static void Check(XDocument manifest, XDocument customizations, FindingList findings)
    {
        var solutionManifest = manifest.Root?.Element("SolutionManifest");
        var shells = solutionManifest?.Element("RootComponents")?.Elements("RootComponent")
            .Where(r => (string?)r.Attribute("type") == "1" && (string?)r.Attribute("behavior") == "2")
            .Select(r => ((string?)r.Attribute("schemaName") ?? string.Empty).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
        var references = CustomizationReferences.Read(customizations, shells);
        var listed = MissingDependencyList.Read(solutionManifest?.Element("MissingDependencies"));
        var listedKeys = listed.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);

        // MissingDependencies against the references.
        var missing = references.Missing.ToList();
        foreach (var group in missing.GroupBy(r => r.Key))
        {
            if (listedKeys.Contains(group.Key)) continue;
            var first = group.First();
            findings.Error(FindingCodes.MissingDependencyNotListed, CustomizationsEntry, first.Line,
                MissingDependencyList.Describe(first) + " uses " + Describe(first) + ", which the solution does not carry and solution.xml's <MissingDependencies> does not list");
        }
        var used = missing.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, required) in listed.Where(l => !used.Contains(l.Key)))
            findings.Error(FindingCodes.MissingDependencyUnused, ManifestEntry, Line(required), "<MissingDependencies> lists " + key + ", which nothing in customizations.xml uses");

        bool TableExists(string table) => references.CarriedTables.Contains(table) || references.ShellTables.Contains(table)
            || KnownSystemTables.Platform.Contains(table) || listedKeys.Contains(MissingDependencyList.TableKey(table));
        bool ColumnExists(string table, string column) => references.HasColumn(table, column) || listedKeys.Contains(MissingDependencyList.ColumnKey(table, column));

        var root = customizations.Root!;
        var views = root.Descendants("savedquery").Select(q => (Id: ParseGuid((string?)q.Element("savedqueryid")), Table: FetchTable(q.Element("fetchxml")?.Element("fetch"))))
            .Where(v => v.Id != null).GroupBy(v => v.Id!.Value).ToDictionary(g => g.Key, g => g.First().Table);
        var charts = root.Descendants("visualization").Select(v => (Id: ParseGuid((string?)v.Element("savedqueryvisualizationid")), Table: FetchTable(v.Element("datadescription")?.Descendants("fetch").FirstOrDefault())))
            .Where(v => v.Id != null).GroupBy(v => v.Id!.Value).ToDictionary(g => g.Key, g => g.First().Table);
        var forms = root.Descendants("systemform").Select(f => ParseGuid((string?)f.Element("formid"))).OfType<Guid>().ToHashSet();
        var dashboards = root.Element("Dashboards")?.Elements("Dashboard").Select(d => ParseGuid((string?)d.Element("FormId"))).OfType<Guid>().ToHashSet() ?? new HashSet<Guid>();
        var siteMaps = root.Element("AppModuleSiteMaps")?.Elements("AppModuleSiteMap").Select(s => ((string?)s.Element("SiteMapUniqueName") ?? string.Empty).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
        var roles = root.Element("Roles")?.Elements("Role").Select(r => ParseGuid((string?)r.Attribute("id"))).OfType<Guid>().ToHashSet() ?? new HashSet<Guid>();

        // Site map: every subarea opens a table, view or dashboard that exists.
        foreach (var siteMap in root.Element("AppModuleSiteMaps")?.Elements("AppModuleSiteMap") ?? Enumerable.Empty<XElement>())
        {
            foreach (var subArea in siteMap.Descendants("SubArea"))
            {
                var id = (string?)subArea.Attribute("Id") ?? "?";
                var table = ((string?)subArea.Attribute("Entity"))?.ToLowerInvariant();
                if (table != null && !TableExists(table))
                    findings.Error(FindingCodes.SiteMapTargetMissing, CustomizationsEntry, Line(subArea), "subarea " + id + " opens table '" + table + "', which is neither in the solution nor listed in <MissingDependencies>");
                foreach (var privilege in subArea.Elements("Privilege"))
                    if (((string?)privilege.Attribute("Entity"))?.ToLowerInvariant() is { } privilegeTable && !TableExists(privilegeTable))
                        findings.Error(FindingCodes.SiteMapTargetMissing, CustomizationsEntry, Line(privilege), "subarea " + id + " requires a privilege on table '" + privilegeTable + "', which is neither in the solution nor listed in <MissingDependencies>");
                var url = (string?)subArea.Attribute("Url") ?? string.Empty;
                if (UrlParameter(url, "viewid") is { } viewText)
                {
                    var viewId = ParseGuid(viewText);
                    if (viewId == null || !views.TryGetValue(viewId.Value, out var viewTable))
                        findings.Error(FindingCodes.SiteMapTargetMissing, CustomizationsEntry, Line(subArea), "subarea " + id + " opens view " + viewText + ", which is not a view in the solution");
                    else if (table != null && viewTable != table)
                        findings.Error(FindingCodes.SiteMapTargetMissing, CustomizationsEntry, Line(subArea), "subarea " + id + " opens view " + viewText + " of " + viewTable + " on table " + table);
                }
                foreach (var dashboardText in new[] { (string?)subArea.Attribute("DefaultDashboard"), url.Contains("pagetype=dashboard", StringComparison.OrdinalIgnoreCase) ? UrlParameter(url, "id") : null })
                {
                    if (dashboardText == null) continue;
                    var dashboardId = ParseGuid(dashboardText);
                    if (dashboardId == null || !dashboards.Contains(dashboardId.Value))
                        findings.Error(FindingCodes.SiteMapTargetMissing, CustomizationsEntry, Line(subArea), "subarea " + id + " opens dashboard " + dashboardText + ", which is not a dashboard in the solution");
                }
                if (table == null && url.Length == 0)
                    findings.Error(FindingCodes.SiteMapTargetMissing, CustomizationsEntry, Line(subArea), "subarea " + id + " opens nothing (no Entity and no Url)");
            }
        }

        // App components and role maps.
        foreach (var app in root.Element("AppModules")?.Elements("AppModule") ?? Enumerable.Empty<XElement>())
        {
            var name = (string?)app.Element("UniqueName") ?? "?";
            foreach (var component in app.Element("AppModuleComponents")?.Elements("AppModuleComponent") ?? Enumerable.Empty<XElement>())
            {
                var type = (string?)component.Attribute("type");
                var id = ParseGuid((string?)component.Attribute("id"));
                var schemaName = ((string?)component.Attribute("schemaName"))?.ToLowerInvariant();
                var (found, what) = type switch
                {
                    "1" => (schemaName != null && TableExists(schemaName), "table " + schemaName),
                    "26" => (id != null && views.ContainsKey(id.Value), "view " + id),
                    "59" => (id != null && charts.ContainsKey(id.Value), "chart " + id),
                    "60" => (id != null && (forms.Contains(id.Value) || dashboards.Contains(id.Value)), "form or dashboard " + id),
                    "62" => (schemaName != null && siteMaps.Contains(schemaName), "site map " + schemaName),
                    _ => (true, string.Empty),
                };
                if (!found) findings.Error(FindingCodes.AppComponentMissing, CustomizationsEntry, Line(component), "app " + name + " lists " + what + ", which is not in the solution" + (type == "1" ? " nor listed in <MissingDependencies>" : string.Empty));
            }
            foreach (var role in app.Element("AppModuleRoleMaps")?.Elements("Role") ?? Enumerable.Empty<XElement>())
                if (ParseGuid((string?)role.Attribute("id")) is not { } roleId || !roles.Contains(roleId))
                    findings.Error(FindingCodes.AppComponentMissing, CustomizationsEntry, Line(role), "app " + name + " maps role " + (string?)role.Attribute("id") + ", which is not a role in the solution");
        }

        // Dashboard tiles: their view and chart exist and belong to the tile's table.
        foreach (var dashboard in root.Element("Dashboards")?.Elements("Dashboard") ?? Enumerable.Empty<XElement>())
        {
            foreach (var parameters in dashboard.Descendants("parameters"))
            {
                var table = ((string?)parameters.Element("TargetEntityType"))?.Trim().ToLowerInvariant();
                if ((string?)parameters.Element("ViewId") is { } viewText && (ParseGuid(viewText) is not { } viewId || !views.TryGetValue(viewId, out var viewTable) || viewTable != table))
                    findings.Error(FindingCodes.AppComponentMissing, CustomizationsEntry, Line(parameters), "dashboard tile shows view " + viewText + ", which is not a view of " + table + " in the solution");
                if ((string?)parameters.Element("VisualizationId") is { } chartText && (ParseGuid(chartText) is not { } chartId || !charts.TryGetValue(chartId, out var chartTable) || chartTable != table))
                    findings.Error(FindingCodes.AppComponentMissing, CustomizationsEntry, Line(parameters), "dashboard tile shows chart " + chartText + ", which is not a chart of " + table + " in the solution");
            }
        }

        // Chart columns.
        foreach (var reference in references.References.Where(r => r.DependentType == 59 && r.Column != null))
            if (!ColumnExists(reference.Table, reference.Column!))
                findings.Error(FindingCodes.ChartColumnMissing, CustomizationsEntry, reference.Line, "chart '" + reference.DependentName + "' uses " + reference.Table + "." + reference.Column + ", which is neither a column in the solution nor listed in <MissingDependencies>");

        // Some role administers every custom table.
        var granted = root.Element("Roles")?.Elements("Role").SelectMany(r => r.Element("RolePrivileges")?.Elements("RolePrivilege") ?? Enumerable.Empty<XElement>())
            .Where(p => (string?)p.Attribute("level") == "Global")
            .Select(p => ((string?)p.Attribute("name") ?? string.Empty).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in root.Element("Entities")?.Elements("Entity") ?? Enumerable.Empty<XElement>())
        {
            var table = ((string?)entity.Element("Name") ?? string.Empty).Trim().ToLowerInvariant();
            if (!references.CarriedTables.Contains(table)) continue;
            var lacking = AdministratorPrivileges.Where(p => !granted.Contains(("prv" + p + table).ToLowerInvariant())).ToList();
            if (lacking.Count > 0)
                findings.Error(FindingCodes.CustomTableWithoutAdministrator, CustomizationsEntry, Line(entity), "no role grants " + string.Join(", ", lacking) + " at Global on custom table " + table + "; nobody could administer its rows");
        }
    }

    private static string Describe(ComponentReference reference)
        => reference.WebResource != null ? "web resource " + reference.WebResource : reference.Column != null ? "column " + reference.Table + "." + reference.Column : "table " + reference.Table;

    private static string? FetchTable(XElement? fetch) => ((string?)fetch?.Element("entity")?.Attribute("name"))?.ToLowerInvariant();

    private static string? UrlParameter(string url, string name)
    {
        var match = Regex.Match(url, "[?&]" + Regex.Escape(name) + "=([^&]+)", RegexOptions.IgnoreCase);
        return match.Success ? Uri.UnescapeDataString(match.Groups[1].Value) : null;
    }
}
