using System.Xml.Linq;

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
            ExportXml.Flag("IsCustomField", custom),
            ExportXml.Flag("IsAuditEnabled", audited ?? custom),
            ExportXml.Flag("IsSecured", false),
            new XElement("IntroducedVersion", EntityGenerator.IntroducedVersion),
            ExportXml.Flag("IsCustomizable", true),
            ExportXml.Flag("IsRenameable", true),
            ExportXml.Flag("CanModifySearchSettings", true),
            ExportXml.Flag("CanModifyRequirementLevelSettings", true),
            ExportXml.Flag("CanModifyAdditionalSettings", true),
            new XElement("SourceType", 0),
            ExportXml.Flag("IsGlobalFilterEnabled", false),
            ExportXml.Flag("IsSortableEnabled", false),
            ExportXml.Flag("CanModifyGlobalFilterSettings", true),
            ExportXml.Flag("CanModifyIsSortableSettings", true),
            ExportXml.DisplayNames(display),
            ExportXml.Descriptions(description));
        return attribute;
    }
}
