using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace LeadPlugins.SchemaGenerator
{
    /// <summary>
    /// The tables and choices of the vocabulary. A class per table declared by the solution (Solution/src/tables),
    /// holding its own columns, the system columns the SystemTables file of the same table declares, and the
    /// standard columns the platform adds to every table (primary id, created/modified, owner, state/status).
    /// Member names come from the optional codeName attribute, else from the logical name or label.
    /// </summary>
    public sealed class SchemaModel
    {
        public const string PublisherPrefix = "mpl_";

        private SchemaModel(IReadOnlyList<SchemaTable> tables, IReadOnlyList<SchemaChoice> choices)
        {
            Tables = tables;
            Choices = choices;
        }

        public IReadOnlyList<SchemaTable> Tables { get; }
        public IReadOnlyList<SchemaChoice> Choices { get; }

        public static SchemaModel? Build(IEnumerable<SchemaInput> inputs, out List<string> problemList)
        {
            var problems = problemList = new List<string>();
            var solutionTables = new List<KeyValuePair<SchemaInput, XElement>>();
            var systemTables = new Dictionary<string, KeyValuePair<SchemaInput, XElement>>(StringComparer.Ordinal);
            var choices = new List<SchemaChoice>();
            foreach (var input in inputs)
            {
                XElement root;
                try
                {
                    root = XDocument.Parse(input.Text, LoadOptions.SetLineInfo).Root ?? throw new XmlException("empty document");
                }
                catch (XmlException e)
                {
                    problems.Add(input.Path + ": not well-formed XML: " + e.Message);
                    continue;
                }
                switch (input.Role)
                {
                    case "Tables":
                        if (Expect(input, root, "table", problems)) solutionTables.Add(new KeyValuePair<SchemaInput, XElement>(input, root));
                        break;
                    case "SystemTables":
                        if (Expect(input, root, "table", problems) && root.Attribute("logicalName") is XAttribute name)
                            systemTables[name.Value] = new KeyValuePair<SchemaInput, XElement>(input, root);
                        break;
                    case "Choices":
                        if (Expect(input, root, "choices", problems)) choices.AddRange(root.Elements("choice").Select(c => ReadChoice(input, c, problems)));
                        break;
                    default:
                        problems.Add(input.Path + ": unknown SchemaVocabulary role '" + input.Role + "' (Tables, SystemTables or Choices)");
                        break;
                }
            }

            var tables = new List<SchemaTable>();
            foreach (var pair in solutionTables)
            {
                var logicalName = Attr(pair.Value, "logicalName");
                if (logicalName == null)
                {
                    problems.Add(pair.Key.Path + ": <table> needs logicalName");
                    continue;
                }
                systemTables.TryGetValue(logicalName, out var system);
                tables.Add(ReadTable(pair.Key, pair.Value, system.Value, problems));
            }

            CheckUnique(tables.Select(t => t.ClassName).Concat(choices.Select(c => c.EnumName)), "type", "LeadPlugins.Schema", problems);
            foreach (var table in tables)
                CheckUnique(table.Columns.Select(c => c.MemberName), "column member", table.ClassName + ".Columns", problems);
            foreach (var choice in choices)
                CheckUnique(choice.Options.Select(o => o.Key), "option member", choice.EnumName, problems);
            return problems.Count == 0 ? new SchemaModel(tables, choices) : null;
        }

        private static SchemaTable ReadTable(SchemaInput input, XElement root, XElement? system, List<string> problems)
        {
            var logicalName = Attr(root, "logicalName")!;
            var existing = string.Equals(Attr(root, "existing"), "true", StringComparison.OrdinalIgnoreCase);
            var className = (Attr(root, "codeName") ?? Attr(system, "codeName") ?? Pascal(StripPrefix(logicalName))) + "Table";
            var primaryId = Attr(root, "primaryId") ?? Attr(system, "primaryId") ?? logicalName + "id";
            var ownership = Attr(system, "ownership") ?? Attr(root, "ownership") ?? "user";
            var hasState = !existing || (system != null && system.Elements("status").Any()) || root.Elements("status").Any();
            var columns = new List<SchemaColumn>();
            var seen = new HashSet<string>(StringComparer.Ordinal);

            void Standard(string name, string member, string summary)
            {
                if (seen.Add(name)) columns.Add(new SchemaColumn(name, member, "standard", null, summary));
            }

            Standard(primaryId, primaryId.EndsWith("activityid", StringComparison.Ordinal) ? "ActivityId" : className.Substring(0, className.Length - "Table".Length) + "Id", "Primary key.");
            foreach (var element in Columns(system).Concat(Columns(root)))
            {
                var column = ReadColumn(input, element, problems);
                if (column == null) continue;
                if (!seen.Add(column.LogicalName))
                {
                    problems.Add(input.Path + ": column " + column.LogicalName + " is declared twice for " + logicalName);
                    continue;
                }
                columns.Add(column);
            }
            Standard("createdon", "CreatedOn", "When the row was created (platform column).");
            Standard("createdby", "CreatedBy", "Who created the row (platform column).");
            Standard("modifiedon", "ModifiedOn", "When the row was last changed (platform column).");
            Standard("modifiedby", "ModifiedBy", "Who last changed the row (platform column).");
            Standard("overriddencreatedon", "OverriddenCreatedOn", "Creation date given by an import (platform column).");
            if (ownership == "user")
            {
                Standard("ownerid", "OwnerId", "Owning user or team (platform column).");
                Standard("owningbusinessunit", "OwningBusinessUnit", "Business unit of the owner (platform column).");
                Standard("owninguser", "OwningUser", "Owning user (platform column).");
                Standard("owningteam", "OwningTeam", "Owning team (platform column).");
            }
            if (hasState)
            {
                Standard("statecode", "StateCode", "State (platform column).");
                Standard("statuscode", "StatusCode", "Status reason (platform column).");
            }
            var display = Attr(root, "displayName") ?? Attr(system, "displayName") ?? logicalName;
            var summary = display + " (" + logicalName + (existing ? ", system table" : ", custom table") + "), from " + Path.GetFileName(input.Path) + ".";
            return new SchemaTable(logicalName, className, primaryId, summary, columns);
        }

        private static IEnumerable<XElement> Columns(XElement? table) => table == null ? Enumerable.Empty<XElement>() : table.Elements("column");

        private static SchemaColumn? ReadColumn(SchemaInput input, XElement element, List<string> problems)
        {
            var logicalName = Attr(element, "logicalName");
            var type = Attr(element, "type") ?? "string";
            if (logicalName == null)
            {
                problems.Add(input.Path + Line(element) + ": <column> needs logicalName");
                return null;
            }
            int? maxLength = null;
            if (type == "string" || type == "memo")
            {
                if (!int.TryParse(Attr(element, "maxLength"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var length))
                {
                    problems.Add(input.Path + Line(element) + ": text column " + logicalName + " needs an integer maxLength");
                    return null;
                }
                maxLength = length;
            }
            var member = Attr(element, "codeName") ?? Pascal(StripPrefix(logicalName));
            if (!IsIdentifier(member))
            {
                problems.Add(input.Path + Line(element) + ": codeName '" + member + "' of " + logicalName + " is not a C# identifier");
                return null;
            }
            var display = Attr(element, "displayName");
            var summary = (display != null ? display + ": " : string.Empty) + type + (maxLength != null ? ", at most " + maxLength.Value.ToString(CultureInfo.InvariantCulture) + " characters" : string.Empty)
                + (Attr(element, "choice") is string choice ? ", choice " + choice : string.Empty) + ".";
            return new SchemaColumn(logicalName, member, type, maxLength, summary);
        }

        private static SchemaChoice ReadChoice(SchemaInput input, XElement element, List<string> problems)
        {
            var name = Attr(element, "name") ?? string.Empty;
            var display = Attr(element, "displayName") ?? name;
            var enumName = Attr(element, "codeName") ?? Pascal(StripPrefix(name));
            if (!IsIdentifier(enumName)) problems.Add(input.Path + Line(element) + ": codeName '" + enumName + "' of choice " + name + " is not a C# identifier");
            var options = new List<KeyValuePair<string, int>>();
            var labels = new List<string>();
            foreach (var option in element.Elements("option"))
            {
                var label = Attr(option, "label") ?? string.Empty;
                var member = Attr(option, "codeName") ?? Pascal(label);
                if (!IsIdentifier(member))
                {
                    problems.Add(input.Path + Line(option) + ": option '" + label + "' of " + name + " needs a codeName (C# identifier)");
                    continue;
                }
                if (!int.TryParse(Attr(option, "value"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    problems.Add(input.Path + Line(option) + ": option '" + label + "' of " + name + " needs an integer value");
                    continue;
                }
                options.Add(new KeyValuePair<string, int>(member, value));
                labels.Add(label);
            }
            return new SchemaChoice(name, enumName, display + " (" + name + ")", options, labels);
        }

        private static bool Expect(SchemaInput input, XElement root, string name, List<string> problems)
        {
            if (root.Name.LocalName == name) return true;
            problems.Add(input.Path + ": root element must be <" + name + "> for SchemaVocabulary=" + input.Role);
            return false;
        }

        private static void CheckUnique(IEnumerable<string> names, string what, string scope, List<string> problems)
        {
            foreach (var group in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
                problems.Add(scope + ": " + what + " name '" + group.Key + "' is used " + group.Count() + " times (set codeName to tell them apart)");
        }

        private static string? Attr(XElement? element, string name) => element?.Attribute(name)?.Value;

        private static string Line(XElement element)
            => element is IXmlLineInfo info && info.HasLineInfo() ? "(" + info.LineNumber.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty;

        private static string StripPrefix(string name)
            => name.StartsWith(PublisherPrefix, StringComparison.Ordinal) ? name.Substring(PublisherPrefix.Length) : name;

        /// <summary>"Get it now" => GetItNow, "Co-sell" => CoSell, "address1_country" => Address1Country.</summary>
        public static string Pascal(string text)
        {
            var builder = new System.Text.StringBuilder(text.Length);
            var upper = true;
            foreach (var c in text)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            if (builder.Length > 0 && char.IsDigit(builder[0])) builder.Insert(0, '_');
            return builder.ToString();
        }

        private static bool IsIdentifier(string name)
            => name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}
