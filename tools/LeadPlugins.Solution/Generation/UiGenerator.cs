using System.Xml.Linq;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Generation;

/// <summary>
/// Forms (FormXml) and views (savedquery with FetchXML and layout) from Solution/src/forms and views, plus the
/// system views every new table has in an export (inactive, advanced find, associated, quick find, lookup).
/// Every id is name-based, so re-imports update the same form and view.
/// </summary>
internal sealed class UiGenerator
{
    private const string IntroducedVersion = "1.0.0.0";

    /// <summary>Control class ids of the classic form controls, as exports write them.</summary>
    private static readonly Dictionary<string, string> ControlClassIds = new(StringComparer.Ordinal)
    {
        ["text"] = "{4273EDBD-AC1D-40d3-9FB2-095C621B552D}",
        ["memo"] = "{E0DECE4B-6FC8-4a8f-A065-082708572369}",
        ["integer"] = "{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}",
        ["decimal"] = "{C3EFE0C3-0EC6-42be-8349-CBD9079DFD8E}",
        ["money"] = "{533B9E00-756B-4312-95A0-DC888637AC78}",
        ["choice"] = "{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}",
        ["multichoice"] = "{4AA28AB7-9C13-4F57-A73D-AD894D048B5F}",
        ["boolean"] = "{67FAC785-CD58-4f9f-ABB3-4B7DDC6ED5ED}",
        ["lookup"] = "{270BD3DB-D9AF-4782-9025-509E298DEC0A}",
        ["datetime"] = "{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}",
        ["email"] = "{ADA2203E-B4CD-49be-9DDF-234642B43B52}",
        ["phone"] = "{8C10015A-B339-4982-9474-A95FE05631A5}",
        ["status"] = "{5D68B988-0661-4db2-BC3E-17598AD3BE6C}",
    };

    /// <summary>System columns every table has, with their control, so sources need not spell them out.</summary>
    private static readonly Dictionary<string, (string Control, string Label)> CommonSystemColumns = new(StringComparer.Ordinal)
    {
        ["ownerid"] = ("lookup", "Owner"),
        ["statecode"] = ("choice", "Status"),
        ["statuscode"] = ("status", "Status Reason"),
        ["createdon"] = ("datetime", "Created On"),
        ["modifiedon"] = ("datetime", "Modified On"),
        ["createdby"] = ("lookup", "Created By"),
        ["modifiedby"] = ("lookup", "Modified By"),
    };

    public static IReadOnlyCollection<string> ControlNames => ControlClassIds.Keys;

    private readonly SolutionSource _source;
    private readonly FindingList _findings;

    public UiGenerator(SolutionSource source, FindingList findings)
    {
        _source = source;
        _findings = findings;
    }

    public static Guid FormId(FormDefinition form) => form.Id ?? StableGuid.Create("systemform|" + form.Table + "|" + form.Type + "|" + form.Name);

    public static Guid ViewId(string table, string name) => StableGuid.Create("savedquery|" + table + "|" + name);

    public static Guid ViewId(ViewDefinition view) => view.Id ?? ViewId(view.Table, view.Name);

    /// <summary>The &lt;FormXml&gt; of one table, or null when the source has no form for it.</summary>
    public XElement? FormXml(TableDefinition table, IEnumerable<FormDefinition> forms)
    {
        var own = forms.Where(f => f.Table == table.LogicalName).ToList();
        if (own.Count == 0) return null;
        return new XElement("FormXml", own.GroupBy(f => f.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(group =>
            new XElement("forms", new XAttribute("type", group.Key),
                group.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => SystemForm(table, f)))));
    }

    private XElement SystemForm(TableDefinition table, FormDefinition form)
    {
        var formId = FormId(form);
        var systemForm = new XElement("systemform",
            new XElement("formid", ExportXml.Braced(formId)),
            new XElement("IntroducedVersion", IntroducedVersion),
            new XElement("FormPresentation", 1),
            new XElement("FormActivationState", 1),
            Form(table, form, formId),
            ExportXml.Flag("IsCustomizable", true),
            ExportXml.Flag("CanBeDeleted", true),
            ExportXml.LocalizedNames(form.Name));
        if (form.Description.Length > 0) systemForm.Add(ExportXml.Descriptions(form.Description));
        return systemForm;
    }

    /// <summary>The FormXml &lt;form&gt; element (also validated on its own against FormXml.xsd).</summary>
    public XElement Form(TableDefinition table, FormDefinition form, Guid formId)
    {
        Guid Id(string path) => StableGuid.Create(formId.ToString("D") + "|" + path);
        // Control ids are unique within a form: header controls are "header_<column>", repeats get a number (as exports do).
        var controlIds = new HashSet<string>(StringComparer.Ordinal);
        string ControlId(string column, bool header)
        {
            var id = header ? "header_" + column : column;
            for (var n = 1; !controlIds.Add(id); n++) id = (header ? "header_" + column : column) + n;
            return id;
        }
        var tabs = new XElement("tabs");
        foreach (var tab in form.Tabs)
        {
            var sections = new XElement("sections");
            foreach (var section in tab.Sections)
            {
                var width = Math.Max(1, Math.Min(4, section.Columns));
                var rows = new XElement("rows");
                for (var i = 0; i < section.Fields.Count; i += width)
                {
                    var row = new XElement("row");
                    for (var j = i; j < i + width; j++)
                        row.Add(j < section.Fields.Count
                            ? Cell(table, form, section.Fields[j], Id(tab.Name + "/" + section.Name + "/" + section.Fields[j].Column + "/" + j), ControlId(section.Fields[j].Column, header: false))
                            : EmptyCell(Id(tab.Name + "/" + section.Name + "/empty/" + j)));
                    rows.Add(row);
                }
                sections.Add(new XElement("section",
                    new XAttribute("name", section.Name),
                    new XAttribute("id", ExportXml.Braced(Id(tab.Name + "/" + section.Name))),
                    new XAttribute("showlabel", "true"),
                    new XAttribute("showbar", "false"),
                    new XAttribute("columns", new string('1', width)),
                    new XAttribute("IsUserDefined", "0"),
                    ExportXml.Labels("labels", "label", section.Label),
                    rows));
            }
            tabs.Add(new XElement("tab",
                new XAttribute("name", tab.Name),
                new XAttribute("id", ExportXml.Braced(Id(tab.Name))),
                new XAttribute("IsUserDefined", "0"),
                new XAttribute("verticallayout", "true"),
                new XAttribute("expanded", "true"),
                new XAttribute("showlabel", "true"),
                ExportXml.Labels("labels", "label", tab.Label),
                new XElement("columns", new XElement("column", new XAttribute("width", "100%"), sections))));
        }
        var formElement = new XElement("form", tabs);
        if (form.Header.Count > 0)
        {
            formElement.Add(new XElement("header",
                new XAttribute("id", ExportXml.Braced(Id("header"))),
                new XAttribute("celllabelposition", "Top"),
                new XAttribute("columns", new string('1', Math.Min(form.Header.Count, 4))),
                new XAttribute("labelwidth", 115),
                new XAttribute("celllabelalignment", "Left"),
                new XElement("rows", form.Header.Chunk(4).Select((chunk, r) => new XElement("row",
                    chunk.Select((field, c) => Cell(table, form, field, Id("header/" + field.Column + "/" + r + "/" + c), ControlId(field.Column, header: true))))))));
        }
        if (!table.Existing)
            formElement.Add(new XElement("DisplayConditions", new XAttribute("Order", 0), new XAttribute("FallbackForm", "true")));
        return formElement;
    }

    private XElement Cell(TableDefinition table, FormDefinition form, FormField field, Guid cellId, string controlId)
    {
        var column = table.FindColumn(field.Column);
        string control;
        string label;
        if (field.Control != null)
        {
            control = field.Control;
            label = field.Label ?? column?.DisplayName ?? field.Column;
        }
        else if (column != null)
        {
            control = ControlFor(column);
            label = field.Label ?? column.DisplayName;
        }
        else if (CommonSystemColumns.TryGetValue(field.Column, out var system))
        {
            control = system.Control;
            label = field.Label ?? system.Label;
        }
        else
        {
            _findings.Error(FindingCodes.SourceReference, form.SourceFile, field.Line, "form '" + form.Name + "': column '" + field.Column + "' is not declared in " + table.LogicalName + " and has no control=\"...\"");
            control = "text";
            label = field.Column;
        }
        if (!ControlClassIds.TryGetValue(control, out var classId))
        {
            _findings.Error(FindingCodes.SourceReference, form.SourceFile, field.Line, "form '" + form.Name + "': unknown control '" + control + "' (use " + string.Join(", ", ControlClassIds.Keys) + ")");
            classId = ControlClassIds["text"];
        }
        return new XElement("cell",
            new XAttribute("id", ExportXml.Braced(cellId)),
            new XAttribute("showlabel", "true"),
            new XAttribute("locklevel", "0"),
            ExportXml.Labels("labels", "label", label),
            new XElement("control",
                new XAttribute("id", controlId),
                new XAttribute("classid", classId),
                new XAttribute("datafieldname", field.Column),
                new XAttribute("disabled", "false")));
    }

    private static XElement EmptyCell(Guid cellId)
        => new("cell", new XAttribute("id", ExportXml.Braced(cellId)), new XAttribute("showlabel", "false"), ExportXml.Labels("labels", "label", string.Empty));

    public static string ControlFor(ColumnDefinition column) => column.Type switch
    {
        ColumnType.Memo => "memo",
        ColumnType.Integer => "integer",
        ColumnType.Decimal => "decimal",
        ColumnType.Money => "money",
        ColumnType.Boolean => "boolean",
        ColumnType.Choice => "choice",
        ColumnType.MultiChoice => "multichoice",
        ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => "lookup",
        ColumnType.DateTime => "datetime",
        ColumnType.Status => "status",
        ColumnType.State => "choice",
        _ => "text",
    };

    /// <summary>The &lt;SavedQueries&gt; of one table: its source views, plus the system views of a new table.</summary>
    public XElement? SavedQueries(TableDefinition table, IEnumerable<ViewDefinition> views)
    {
        var queries = new List<XElement>();
        foreach (var view in views.Where(v => v.Table == table.LogicalName).OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            XElement fetch;
            try
            {
                fetch = XElement.Parse(view.FetchXml);
            }
            catch (System.Xml.XmlException e)
            {
                _findings.Error(FindingCodes.XmlMalformed, view.SourceFile, view.FetchLine, "view '" + view.Name + "': " + e.Message);
                continue;
            }
            var entityName = (string?)fetch.Element("entity")?.Attribute("name");
            if (entityName != table.LogicalName)
                _findings.Error(FindingCodes.SourceReference, view.SourceFile, view.FetchLine, "view '" + view.Name + "' is declared for " + table.LogicalName + " but its FetchXML queries '" + entityName + "'");
            queries.Add(SavedQuery(ViewId(view), view.Name, view.Description, 0, view.IsDefault, quickFind: false, canBeDeleted: true,
                Layout(table, view.Jump ?? table.PrimaryName ?? view.Cells[0].Name, view.Cells.Select(c => (c.Name, c.Width)), lookup: false), fetch));
        }
        if (!table.Existing) queries.AddRange(SystemViews(table));
        return queries.Count == 0 ? null : new XElement("SavedQueries", new XElement("savedqueries", queries));
    }

    private static XElement Layout(TableDefinition table, string jump, IEnumerable<(string Name, int Width)> cells, bool lookup)
        => new("layoutxml", new XElement("grid",
            new XAttribute("name", lookup ? EntityGenerator.EntitySetName(table.LogicalName) : "resultset"),
            new XAttribute("jump", jump),
            new XAttribute("select", 1),
            new XAttribute("icon", 1),
            new XAttribute("preview", lookup ? 0 : 1),
            new XElement("row",
                new XAttribute("name", lookup ? table.LogicalName : "result"),
                new XAttribute("id", table.PrimaryId),
                cells.Select(c => new XElement("cell", new XAttribute("name", c.Name), new XAttribute("width", c.Width))))));

    private static XElement SavedQuery(Guid id, string name, string description, int queryType, bool isDefault, bool quickFind, bool canBeDeleted, XElement? layout, XElement fetch)
    {
        var query = new XElement("savedquery",
            ExportXml.Flag("IsCustomizable", true),
            ExportXml.Flag("CanBeDeleted", canBeDeleted),
            ExportXml.Flag("isquickfindquery", quickFind),
            ExportXml.Flag("isprivate", false),
            ExportXml.Flag("isdefault", isDefault),
            new XElement("savedqueryid", ExportXml.Braced(id)));
        if (layout != null) query.Add(layout);
        query.Add(
            new XElement("querytype", queryType),
            new XElement("fetchxml", fetch),
            new XElement("IntroducedVersion", IntroducedVersion),
            ExportXml.LocalizedNames(name));
        if (description.Length > 0) query.Add(ExportXml.Descriptions(description));
        return query;
    }

    /// <summary>The views an export carries for every new table ([TAC]): the source's "Active ..." view is the default public one.</summary>
    private IEnumerable<XElement> SystemViews(TableDefinition table)
    {
        var t = table.LogicalName;
        var name = table.PrimaryName ?? table.PrimaryId;
        XElement Fetch(int? state, bool quickFind, params string[] extra)
        {
            var entity = new XElement("entity", new XAttribute("name", t),
                new XElement("attribute", new XAttribute("name", table.PrimaryId)),
                new XElement("attribute", new XAttribute("name", name)),
                extra.Select(a => new XElement("attribute", new XAttribute("name", a))),
                new XElement("order", new XAttribute("attribute", name), new XAttribute("descending", "false")));
            if (state != null)
                entity.Add(new XElement("filter", new XAttribute("type", "and"),
                    new XElement("condition", new XAttribute("attribute", "statecode"), new XAttribute("operator", "eq"), new XAttribute("value", state))));
            if (quickFind)
                entity.Add(new XElement("filter", new XAttribute("type", "or"), new XAttribute("isquickfindfields", "1"),
                    new XElement("condition", new XAttribute("attribute", name), new XAttribute("operator", "like"), new XAttribute("value", "{0}"))));
            return new XElement("fetch", new XAttribute("version", "1.0"), new XAttribute("output-format", "xml-platform"), new XAttribute("mapping", "logical"), entity);
        }
        var cells = new[] { (name, 300), ("createdon", 125) };
        yield return SavedQuery(ViewId(t, "system:inactive"), "Inactive " + table.DisplayCollectionName, string.Empty, 0, false, false, true,
            Layout(table, name, cells, lookup: false), Fetch(1, false, "createdon"));
        yield return SavedQuery(ViewId(t, "system:advancedfind"), table.DisplayName + " Advanced Find View", string.Empty, 1, true, false, false,
            Layout(table, name, cells, lookup: false), Fetch(null, false, "createdon"));
        yield return SavedQuery(ViewId(t, "system:associated"), table.DisplayName + " Associated View", string.Empty, 2, true, false, false,
            Layout(table, name, cells, lookup: true), Fetch(0, false, "createdon"));
        yield return SavedQuery(ViewId(t, "system:quickfind"), "Quick Find Active " + table.DisplayCollectionName, string.Empty, 4, true, true, false,
            Layout(table, name, cells, lookup: false), Fetch(0, true, "createdon"));
        yield return SavedQuery(ViewId(t, "system:lookup"), table.DisplayName + " Lookup View", string.Empty, 64, true, false, false,
            Layout(table, name, new[] { (name, 300) }, lookup: true), Fetch(0, false));
    }
}
