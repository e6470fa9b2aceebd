using System.Xml.Linq;
using LeadPlugins.Solution.Registration;
using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Generation;

/// <summary>
/// Turns the solution source (tables, choices, forms, views, roles), pac.config and the registrations read from the
/// built assemblies into customizations.xml, solution.xml and [Content_Types].xml. Element order follows
/// CustomizationsSolution.xsd (9.0.0.2090); components are sorted so the output only changes when the source does.
/// </summary>
public static class SolutionGenerator
{
    public const string IntroducedVersion = "1.0.0.0";
    private const int EventHandlerTypeCodePluginType = 4602;

    public static GeneratedSolution Generate(
        PacConfig config,
        SolutionSource source,
        SolutionComponents components,
        IReadOnlyList<PluginAssemblyRegistration> assemblies,
        bool managed,
        FindingList findings)
    {
        var entities = new EntityGenerator(source, findings);
        var relationships = new RelationshipGenerator(source, config.Publisher.Prefix, findings);
        var ui = new UiGenerator(source, findings);
        var apps = new AppGenerator(source, components, findings);
        SourceChecks.Run(config, source, components, findings);

        var entityElements = source.Tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal).Select(table =>
            entities.Entity(table, ui.FormXml(table, components.Forms), ui.SavedQueries(table, components.Views), apps.Visualizations(table))).ToList();

        var customizations = new XDocument(new XElement("ImportExportXml",
            new XAttribute(XNamespace.Xmlns + "xsi", ExportXml.Xsi.NamespaceName),
            new XElement("Entities", entityElements),
            new XElement("Roles", components.Roles.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => Role(r, source, findings))),
            new XElement("Workflows"),
            new XElement("FieldSecurityProfiles"),
            new XElement("Templates"),
            new XElement("EntityMaps"),
            relationships.Relationships(),
            new XElement("OrganizationSettings"),
            entities.OptionSets(),
            apps.Dashboards(),
            new XElement("CustomControls"),
            new XElement("SolutionPluginAssemblies", assemblies.OrderBy(a => a.Name, StringComparer.Ordinal).Select(PluginAssembly)),
            new XElement("SdkMessageProcessingSteps", assemblies.OrderBy(a => a.Name, StringComparer.Ordinal)
                .SelectMany(a => a.Steps.Select(s => Step(a, s)))),
            apps.AppModuleSiteMaps(),
            apps.AppModules(RoleId),
            new XElement("Languages", new XElement("Language", ExportXml.Language))));

        var shells = source.Tables.Where(t => t.Existing).Select(t => t.LogicalName).ToHashSet(StringComparer.Ordinal);
        var missing = MissingDependencyList.FromSource(CustomizationReferences.Read(customizations, shells), components.Dependencies, findings);
        var manifest = Manifest(config, source, components, assemblies, managed, missing);
        var contentTypes = ContentTypes(assemblies.Count > 0 ? new[] { "xml", "dll" } : new[] { "xml" });
        return new GeneratedSolution(customizations, manifest, contentTypes, assemblies);
    }

    public static Guid RoleId(RoleDefinition role) => role.Id ?? StableGuid.Create("role|" + role.Name);

    private static XElement Role(RoleDefinition role, SolutionSource source, FindingList findings)
    {
        var privileges = new List<XElement>();
        foreach (var table in role.Tables)
        {
            var definition = source.FindTable(table.Table);
            var schema = KnownSystemTables.PrivilegeName(table.Table);
            var organizationOwned = definition is { Existing: false, Ownership: TableOwnership.Organization };
            foreach (var privilege in table.Privileges)
            {
                if (organizationOwned && (privilege == "Assign" || privilege == "Share"))
                {
                    findings.Error(FindingCodes.SourceReference, role.SourceFile, table.Line, "role '" + role.Name + "': " + table.Table + " is organization-owned and has no " + privilege + " privilege");
                    continue;
                }
                if (organizationOwned && table.Level != "Global")
                    findings.Error(FindingCodes.SourceReference, role.SourceFile, table.Line, "role '" + role.Name + "': " + table.Table + " is organization-owned; its privileges only take level Global");
                privileges.Add(new XElement("RolePrivilege", new XAttribute("name", "prv" + privilege + schema), new XAttribute("level", table.Level)));
            }
        }
        return new XElement("Role",
            new XAttribute("id", ExportXml.Braced(RoleId(role))),
            new XAttribute("name", role.Name),
            ExportXml.Flag("IsCustomizable", true),
            new XElement("IntroducedVersion", IntroducedVersion),
            new XElement("RolePrivileges", privileges));
    }

    private static XElement PluginAssembly(PluginAssemblyRegistration assembly)
    {
        var element = new XElement("PluginAssembly",
            new XAttribute("FullName", assembly.FullName),
            new XAttribute("PluginAssemblyId", assembly.Id.ToString("D")),
            new XAttribute("CustomizationLevel", 1));
        if (!string.IsNullOrEmpty(assembly.Description)) element.Add(new XElement("Description", assembly.Description));
        element.Add(
            new XElement("IsolationMode", 2), // sandbox: the only mode Dataverse online runs
            new XElement("SourceType", 0),    // database
            new XElement("IntroducedVersion", IntroducedVersion),
            ExportXml.Flag("IsCustomizable", true),
            new XElement("FileName", "/" + assembly.ZipEntryName),
            new XElement("PluginTypes", assembly.Types.OrderBy(t => t.TypeName, StringComparer.Ordinal).Select(type =>
            {
                var pluginType = new XElement("PluginType",
                    new XAttribute("AssemblyQualifiedName", assembly.AssemblyQualifiedName(type.TypeName)),
                    new XAttribute("PluginTypeId", type.Id.ToString("D")),
                    new XAttribute("Name", type.TypeName));
                if (type.Description.Length > 0) pluginType.Add(new XElement("Description", type.Description));
                pluginType.Add(new XElement("FriendlyName", type.FriendlyName));
                if (type.WorkflowActivityGroupName != null) pluginType.Add(new XElement("WorkflowActivityGroupName", type.WorkflowActivityGroupName));
                return pluginType;
            })));
        return element;
    }

    private static XElement Step(PluginAssemblyRegistration assembly, StepRegistration step)
    {
        var pluginType = assembly.Types.First(t => t.TypeName == step.PluginTypeName);
        var element = new XElement("SdkMessageProcessingStep",
            new XAttribute("Name", step.Name),
            new XAttribute("SdkMessageProcessingStepId", ExportXml.Braced(step.Id)),
            new XElement("PluginTypeName", assembly.AssemblyQualifiedName(step.PluginTypeName)),
            new XElement("PluginTypeId", pluginType.Id.ToString("D")),
            new XElement("PrimaryEntity", step.PrimaryEntity),
            ExportXml.Flag("AsyncAutoDelete", step.AsyncAutoDelete));
        if (step.Configuration.Length > 0) element.Add(new XElement("Configuration", step.Configuration));
        element.Add(new XElement("Description", step.Description.Length > 0 ? step.Description : step.Name));
        element.Add(new XElement("FilteringAttributes", step.FilteringAttributes));
        if (step.RunAsSystem) element.Add(new XElement("ImpersonatingUserIdName", "SYSTEM"));
        element.Add(
            new XElement("InvocationSource", 0),
            new XElement("Mode", step.Mode),
            new XElement("Rank", step.Rank),
            new XElement("SdkMessageId", ExportXml.Braced(step.MessageId)),
            new XElement("EventHandlerTypeCode", EventHandlerTypeCodePluginType),
            new XElement("Stage", step.Stage),
            ExportXml.Flag("IsCustomizable", true),
            ExportXml.Flag("IsHidden", false),
            new XElement("SupportedDeployment", 0),
            new XElement("IntroducedVersion", IntroducedVersion),
            new XElement("SdkMessageProcessingStepImages", step.Images.Select(image => new XElement("SdkMessageProcessingStepImage",
                new XAttribute("Name", image.Name),
                new XElement("SdkMessageProcessingStepImageId", ExportXml.Braced(image.Id)),
                new XElement("Attributes", image.Attributes),
                new XElement("EntityAlias", image.EntityAlias),
                new XElement("ImageType", image.ImageType),
                new XElement("MessagePropertyName", image.MessagePropertyName),
                ExportXml.Flag("IsCustomizable", true)))));
        return element;
    }

    /// <summary>solution.xml: identity, publisher and root components (no XSD exists for it; verify checks its structure).</summary>
    private static XDocument Manifest(PacConfig config, SolutionSource source, SolutionComponents components,
        IReadOnlyList<PluginAssemblyRegistration> assemblies, bool managed, XElement missingDependencies)
    {
        var roots = new List<XElement>();
        foreach (var table in source.Tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal))
        {
            // An existing system table travels as a shell (behavior 2) carrying only our columns, forms and views.
            roots.Add(Root(1, schemaName: table.LogicalName, behavior: table.Existing ? 2 : 0));
        }
        foreach (var choice in source.Choices.OrderBy(c => c.Name, StringComparer.Ordinal))
            roots.Add(Root(9, schemaName: choice.Name));
        foreach (var role in components.Roles.OrderBy(r => r.Name, StringComparer.Ordinal))
            roots.Add(Root(20, id: RoleId(role)));
        foreach (var view in components.Views.Where(v => source.FindTable(v.Table) is { Existing: true }).OrderBy(v => v.Table, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal))
            roots.Add(Root(26, id: UiGenerator.ViewId(view)));
        foreach (var form in components.Forms.Where(f => source.FindTable(f.Table) is { Existing: true }).OrderBy(f => f.Table, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal))
            roots.Add(Root(60, id: UiGenerator.FormId(form)));
        // Charts of a system table travel on their own, like its views; a new table's charts travel with the table.
        foreach (var chart in components.Charts.Where(c => source.FindTable(c.Table) is { Existing: true }).OrderBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal))
            roots.Add(Root(59, id: AppGenerator.ChartId(chart)));
        foreach (var dashboard in components.Dashboards.OrderBy(d => d.Name, StringComparer.Ordinal))
            roots.Add(Root(60, id: AppGenerator.DashboardId(dashboard)));
        foreach (var app in components.Apps.OrderBy(a => a.UniqueName, StringComparer.Ordinal))
        {
            roots.Add(Root(62, schemaName: app.UniqueName));
            roots.Add(Root(80, schemaName: app.UniqueName));
        }
        foreach (var assembly in assemblies.OrderBy(a => a.Name, StringComparer.Ordinal))
            roots.Add(Root(91, id: assembly.Id, schemaName: assembly.FullName));
        foreach (var step in assemblies.OrderBy(a => a.Name, StringComparer.Ordinal).SelectMany(a => a.Steps))
            roots.Add(Root(92, id: step.Id));

        var nil = new XAttribute(ExportXml.Xsi + "nil", "true");
        XElement Nil(string name) => new(name, new XAttribute(nil), string.Empty);
        XElement Address(int number) => new("Address",
            new XElement("AddressNumber", number),
            new[] { "AddressTypeCode", "City", "County", "Country", "Fax", "FreightTermsCode", "ImportSequenceNumber", "Latitude", "Line1", "Line2", "Line3",
                "Longitude", "Name", "PostalCode", "PostOfficeBox", "PrimaryContactName", "ShippingMethodCode", "StateOrProvince", "Telephone1", "Telephone2",
                "Telephone3", "TimeZoneRuleVersionNumber", "UPSZone", "UTCOffset", "UTCConversionTimeZoneCode" }.Select(Nil));

        var solution = config.Solution;
        var publisher = config.Publisher;
        return new XDocument(new XElement("ImportExportXml",
            new XAttribute("version", "9.0.0.2090"),
            new XAttribute("SolutionPackageVersion", "9.0"),
            new XAttribute("languagecode", ExportXml.Language),
            new XAttribute("generatedBy", "CrmLive"),
            new XAttribute(XNamespace.Xmlns + "xsi", ExportXml.Xsi.NamespaceName),
            new XElement("SolutionManifest",
                new XElement("UniqueName", solution.UniqueName),
                ExportXml.LocalizedNames(solution.DisplayName),
                solution.Description.Length > 0 ? ExportXml.Descriptions(solution.Description) : new XElement("Descriptions"),
                new XElement("Version", solution.Version),
                new XElement("Managed", managed ? 1 : 0),
                new XElement("Publisher",
                    new XElement("UniqueName", publisher.UniqueName),
                    ExportXml.LocalizedNames(publisher.DisplayName),
                    publisher.Description.Length > 0 ? ExportXml.Descriptions(publisher.Description) : new XElement("Descriptions"),
                    Nil("EMailAddress"),
                    Nil("SupportingWebsiteUrl"),
                    new XElement("CustomizationPrefix", publisher.Prefix),
                    new XElement("CustomizationOptionValuePrefix", publisher.OptionValuePrefix),
                    new XElement("Addresses", Address(1), Address(2))),
                new XElement("RootComponents", roots),
                missingDependencies)));
    }

    private static XElement Root(int type, Guid? id = null, string? schemaName = null, int behavior = 0)
    {
        var root = new XElement("RootComponent", new XAttribute("type", type));
        if (id != null) root.Add(new XAttribute("id", ExportXml.Braced(id.Value)));
        if (schemaName != null) root.Add(new XAttribute("schemaName", schemaName));
        root.Add(new XAttribute("behavior", behavior));
        return root;
    }

    public static XDocument ContentTypes(IEnumerable<string> extensions)
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(ns + "Types",
            extensions.Select(e => new XElement(ns + "Default", new XAttribute("Extension", e), new XAttribute("ContentType", "application/octet-stream")))));
    }
}
