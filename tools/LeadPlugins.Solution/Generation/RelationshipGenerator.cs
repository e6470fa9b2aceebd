using System.Xml.Linq;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Generation;

/// <summary>
/// One-to-many relationships (&lt;EntityRelationships&gt;): one per lookup column of the solution's tables, plus the
/// system relationships (created by, modified by, owner or organization) every new table carries in an export.
/// </summary>
internal sealed class RelationshipGenerator
{
    private readonly SolutionSource _source;
    private readonly string _prefix;
    private readonly FindingList _findings;

    public RelationshipGenerator(SolutionSource source, string prefix, FindingList findings)
    {
        _source = source;
        _prefix = prefix;
        _findings = findings;
    }

    /// <summary>Name of the relationship behind a lookup: prefix, referencing table and column without the prefix.</summary>
    public string RelationshipName(string table, string column)
    {
        var prefix = _prefix + "_";
        static string Strip(string name, string p) => name.StartsWith(p, StringComparison.Ordinal) ? name[p.Length..] : name;
        return prefix + Strip(table, prefix) + "_" + Strip(column, prefix);
    }

    /// <summary>One-to-many relationships: one per lookup column, plus the system relationships of new tables.</summary>
    public XElement Relationships()
    {
        var relationships = new List<XElement>();
        foreach (var table in _source.Tables)
        {
            foreach (var column in table.Columns.Where(c => c.Type == ColumnType.Lookup && c.LookupTargets.Count == 1))
            {
                var target = column.LookupTargets[0];
                if (_source.FindTable(target) is { Existing: false } || KnownSystemTables.IsKnown(target))
                {
                    var name = RelationshipName(table.LogicalName, column.LogicalName);
                    relationships.Add(Relationship(name, table.LogicalName, target, column.LogicalName, "RemoveLink", column.Description, custom: true));
                }
                else
                {
                    _findings.Error(FindingCodes.SourceReference, table.SourceFile, 0, table.LogicalName + "." + column.LogicalName + " targets unknown table '" + target + "'");
                }
            }
            if (table.Existing) continue;
            var t = table.LogicalName;
            relationships.Add(Relationship("lk_" + t + "_createdby", t, "systemuser", "CreatedBy", "NoCascade", "Unique identifier of the user who created the record.", custom: false));
            relationships.Add(Relationship("lk_" + t + "_modifiedby", t, "systemuser", "ModifiedBy", "NoCascade", "Unique identifier of the user who modified the record.", custom: false));
            if (table.Ownership == TableOwnership.User)
            {
                relationships.Add(Relationship("business_unit_" + t, t, "businessunit", "OwningBusinessUnit", "NoCascade", "Unique identifier for the business unit that owns the record", custom: false));
                relationships.Add(OwnerRelationship(t));
                relationships.Add(Relationship("team_" + t, t, "team", "OwningTeam", "NoCascade", "Unique identifier for the team that owns the record.", custom: false));
                relationships.Add(Relationship("user_" + t, t, "systemuser", "OwningUser", "NoCascade", "Unique identifier for the user that owns the record.", custom: false));
            }
            else
            {
                relationships.Add(Relationship("organization_" + t, t, "organization", "OrganizationId", "NoCascade", "Unique identifier for the organization", custom: false));
            }
        }
        return new XElement("EntityRelationships", relationships.OrderBy(r => (string)r.Attribute("Name")!, StringComparer.Ordinal));
    }

    private static XElement OwnerRelationship(string table)
    {
        var relationship = Relationship("owner_" + table, table, "systemuser", "OwnerId", "NoCascade", "Owner Id", custom: false);
        relationship.Element("ReferencedEntityName")!.Value = "Owner";
        return relationship;
    }

    private static XElement Relationship(string name, string referencing, string referenced, string attribute, string cascadeDelete, string description, bool custom)
    {
        var relationship = new XElement("EntityRelationship", new XAttribute("Name", name),
            new XElement("EntityRelationshipType", "OneToMany"),
            ExportXml.Flag("IsCustomizable", true),
            new XElement("IntroducedVersion", EntityGenerator.IntroducedVersion),
            ExportXml.Flag("IsHierarchical", false),
            new XElement("ReferencingEntityName", KnownSystemTables.SchemaName(referencing)),
            new XElement("ReferencedEntityName", KnownSystemTables.SchemaName(referenced)),
            new XElement("CascadeAssign", "NoCascade"),
            new XElement("CascadeDelete", cascadeDelete),
            new XElement("CascadeReparent", "NoCascade"),
            new XElement("CascadeShare", "NoCascade"),
            new XElement("CascadeUnshare", "NoCascade"),
            new XElement("ReferencingAttributeName", attribute),
            new XElement("RelationshipDescription", ExportXml.Descriptions(description)));
        if (custom)
        {
            relationship.Add(new XElement("EntityRelationshipRoles",
                new XElement("EntityRelationshipRole",
                    new XElement("NavPaneDisplayOption", "UseCollectionName"),
                    new XElement("NavPaneArea", "Details"),
                    new XElement("NavPaneOrder", 10000),
                    new XElement("NavigationPropertyName", attribute),
                    new XElement("RelationshipRoleType", 1)),
                new XElement("EntityRelationshipRole",
                    new XElement("NavigationPropertyName", name),
                    new XElement("RelationshipRoleType", 0))));
        }
        return relationship;
    }
}
