using System.Xml.Linq;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Generation;

/// <summary>The &lt;attribute&gt; element of a column with the flags every attribute of an export carries; its type's details are added by the caller.</summary>
internal static class AttributeElement
{
    /// <summary>The flags every attribute of an export carries ([TAC]).</summary>
    public static XElement Create(string physicalName, string type, string display, string description, string requiredLevel, string? displayMask, bool custom, bool? audited = null)
    {
        var attribute = new XElement("attribute", new XAttribute("PhysicalName", physicalName),
            new XElement("Type", type),
            new XElement("Name", physicalName.ToLowerInvariant()),
            new XElement("LogicalName", physicalName.ToLowerInvariant()),
            new XElement("RequiredLevel", requiredLevel));
        if (displayMask != null) attribute.Add(new XElement("DisplayMask", displayMask));
        attribute.Add(
            Xml.Flag("IsCustomField", custom),
            Xml.Flag("IsAuditEnabled", audited ?? custom),
            Xml.Flag("IsSecured", false),
            new XElement("IntroducedVersion", EntityGenerator.IntroducedVersion),
            Xml.Flag("IsCustomizable", true),
            Xml.Flag("IsRenameable", true),
            Xml.Flag("CanModifySearchSettings", true),
            Xml.Flag("CanModifyRequirementLevelSettings", true),
            Xml.Flag("CanModifyAdditionalSettings", true),
            new XElement("SourceType", 0),
            Xml.Flag("IsGlobalFilterEnabled", false),
            Xml.Flag("IsSortableEnabled", false),
            Xml.Flag("CanModifyGlobalFilterSettings", true),
            Xml.Flag("CanModifyIsSortableSettings", true),
            Xml.DisplayNames(display),
            Xml.Descriptions(description));
        return attribute;
    }
}
