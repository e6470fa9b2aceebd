using System.Xml.Linq;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Generation;

/// <summary>
/// Cross-references of the solution source that XSDs cannot see: prefixes, option values, and every table and
/// publisher-prefixed column a form, view or role names. Reported with the source file and line.
/// </summary>
internal static class SourceChecks
{
    public static void Run(PacConfig config, SolutionSource source, SolutionComponents components, FindingList findings)
    {
        var prefix = config.Publisher.Prefix + "_";
        foreach (var table in source.Tables)
        {
            if (!table.Existing && !table.LogicalName.StartsWith(prefix, StringComparison.Ordinal))
                findings.Error(FindingCodes.SourceReference, table.SourceFile, 0, "new table '" + table.LogicalName + "' does not use the publisher prefix '" + prefix + "'");
            foreach (var column in table.Columns.Where(c => !c.LogicalName.StartsWith(prefix, StringComparison.Ordinal)))
                findings.Error(FindingCodes.SourceReference, table.SourceFile, 0, table.LogicalName + "." + column.LogicalName + " does not use the publisher prefix '" + prefix + "'");
        }
        foreach (var choice in source.Choices)
            foreach (var option in choice.Options.Where(o => o.Value / 10000 != config.Publisher.OptionValuePrefix))
                findings.Error(FindingCodes.SourceReference, Path.Combine(source.Directory, "choices.xml"), 0,
                    choice.Name + " option '" + option.Label + "' = " + option.Value + " is outside the publisher's option value range " + config.Publisher.OptionValuePrefix + "0000-" + config.Publisher.OptionValuePrefix + "9999");

        foreach (var form in components.Forms)
        {
            var table = source.FindTable(form.Table);
            if (table == null)
            {
                findings.Error(FindingCodes.SourceReference, form.SourceFile, 0, "form '" + form.Name + "' is for table '" + form.Table + "', which Solution/src/tables does not declare");
                continue;
            }
            foreach (var field in form.Header.Concat(form.Tabs.SelectMany(t => t.Sections).SelectMany(s => s.Fields)))
                CheckColumn(table, field.Column, prefix, form.SourceFile, field.Line, "form '" + form.Name + "'", findings);
        }

        foreach (var view in components.Views)
        {
            var table = source.FindTable(view.Table);
            if (table == null)
            {
                findings.Error(FindingCodes.SourceReference, view.SourceFile, 0, "view '" + view.Name + "' is for table '" + view.Table + "', which Solution/src/tables does not declare");
                continue;
            }
            XElement fetch;
            try
            {
                fetch = XElement.Parse(view.FetchXml);
            }
            catch (System.Xml.XmlException)
            {
                continue; // reported by the generator
            }
            var selected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entity in fetch.DescendantsAndSelf().Where(e => e.Name.LocalName is "entity" or "link-entity"))
            {
                var entityName = (string?)entity.Attribute("name") ?? string.Empty;
                var entityTable = source.FindTable(entityName);
                var alias = (string?)entity.Attribute("alias");
                foreach (var element in entity.Elements().Where(e => e.Name.LocalName is "attribute" or "order")
                             .Concat(entity.Elements("filter").DescendantsAndSelf().Where(e => e.Name.LocalName == "condition")))
                {
                    var column = (string?)element.Attribute(element.Name.LocalName == "attribute" ? "name" : "attribute");
                    if (column == null) continue;
                    if (element.Name.LocalName == "attribute") selected.Add(entity.Name.LocalName == "entity" ? column : (alias ?? entityName) + "." + column);
                    if (entityTable != null) CheckColumn(entityTable, column, prefix, view.SourceFile, view.FetchLine, "view '" + view.Name + "'", findings);
                }
            }
            foreach (var cell in view.Cells.Where(c => !selected.Contains(c.Name)))
                findings.Error(FindingCodes.SourceReference, view.SourceFile, cell.Line, "view '" + view.Name + "': layout cell '" + cell.Name + "' is not an <attribute> of the FetchXML");
        }

        foreach (var chart in components.Charts)
        {
            var table = source.FindTable(chart.Table);
            if (table == null && components.Dependencies.FindTable(chart.Table) == null)
            {
                findings.Error(FindingCodes.SourceReference, chart.SourceFile, 0, "chart '" + chart.Name + "' is for table '" + chart.Table + "', which neither tables/ nor dependencies.xml declares");
                continue;
            }
            var fetch = XElement.Parse(chart.FetchXml);
            if ((string?)fetch.Element("entity")?.Attribute("name") != chart.Table)
                findings.Error(FindingCodes.SourceReference, chart.SourceFile, chart.Line, "chart '" + chart.Name + "' is declared for " + chart.Table + " but its FetchXML queries '" + (string?)fetch.Element("entity")?.Attribute("name") + "'");
            if (table != null)
                foreach (var element in fetch.Descendants().Where(e => e.Name.LocalName is "attribute" or "condition" or "order"))
                    if ((string?)element.Attribute(element.Name.LocalName == "attribute" ? "name" : "attribute") is { } column)
                        CheckColumn(table, column, prefix, chart.SourceFile, chart.Line, "chart '" + chart.Name + "'", findings);
        }

        foreach (var role in components.Roles)
            foreach (var table in role.Tables)
                if (source.FindTable(table.Table) is not { Existing: false } && !KnownSystemTables.IsKnown(table.Table))
                    findings.Error(FindingCodes.SourceReference, role.SourceFile, table.Line, "role '" + role.Name + "' grants privileges on unknown table '" + table.Table + "'");
    }

    private static void CheckColumn(TableDefinition table, string column, string prefix, string file, int line, string owner, FindingList findings)
    {
        if (table.FindColumn(column) != null) return;
        if (column.StartsWith(prefix, StringComparison.Ordinal))
        {
            // The primary key of a new table is the only prefixed column the source does not list.
            if (!table.Existing && column == table.PrimaryId) return;
            findings.Error(FindingCodes.SourceReference, file, line, owner + ": column '" + column + "' is not declared in " + Path.GetFileName(table.SourceFile));
        }
    }
}
