namespace LeadPlugins.Solution;

/// <summary>Stable codes (LP0001...) of every check `pack` and `verify` run, with what each one means: the Rule of each <see cref="Finding"/>.</summary>
public static class FindingCodes
{
    // Solution source (pack only)
    public const string SourceInvalid = "LP0001";
    public const string SourceReference = "LP0002";

    // Assemblies
    public const string AssemblyUnreadable = "LP0101";
    public const string AssemblyNotSigned = "LP0102";
    public const string AssemblyTooLarge = "LP0103";
    public const string AssemblyIdentityMismatch = "LP0104";
    public const string AssemblyEntryMissing = "LP0105";
    public const string AssemblyEntryOrphan = "LP0106";
    public const string ReferencesUnresolved = "LP0107";
    public const string AssemblyFolderMismatch = "LP0108";
    public const string AssemblyWithoutTypes = "LP0109";
    public const string AssemblySignatureInvalid = "LP0110";

    // Plug-in and workflow activity types
    public const string StepOnNonPlugin = "LP0201";
    public const string ActivityAttributeOnNonActivity = "LP0202";
    public const string ActivityWithoutAttribute = "LP0203";
    public const string PluginWithoutSteps = "LP0204";
    public const string StepOnUnregistrableType = "LP0205";
    public const string AttributeUnreadable = "LP0206";
    public const string PluginTypeMissingInAssembly = "LP0207";
    public const string PluginTypeNotRegistered = "LP0208";
    public const string WorkflowGroupMismatch = "LP0209";

    // Steps and images
    public const string UpdateWithoutFilteringAttributes = "LP0301";
    public const string ForbiddenMessage = "LP0302";
    public const string PreImageOnCreate = "LP0303";
    public const string PostImageOnDelete = "LP0304";
    public const string PostImageOutsidePostOperation = "LP0305";
    public const string AsyncOutsidePostOperation = "LP0306";
    public const string InvalidStage = "LP0307";
    public const string InvalidMode = "LP0308";
    public const string StepPluginTypeMissing = "LP0309";
    public const string UnknownMessage = "LP0310";
    public const string StepIdentityCollision = "LP0311";
    public const string ImageWithoutName = "LP0312";
    public const string ImageWithoutAttributes = "LP0313";
    public const string FilteringAttributesIgnored = "LP0314";
    public const string StepWithoutEntity = "LP0315";
    public const string StepNotInCode = "LP0316";
    public const string CodeStepNotRegistered = "LP0317";
    public const string StepDiffersFromCode = "LP0318";
    public const string UnknownColumn = "LP0319";
    public const string DuplicateId = "LP0320";
    public const string StepNameTooLong = "LP0321";
    public const string ImageOnUnsupportedMessage = "LP0322";
    public const string InvalidImageType = "LP0323";

    // Zip layout
    public const string EntryMissing = "LP0401";
    public const string XmlMalformed = "LP0402";
    public const string ContentTypesInvalid = "LP0403";
    public const string ContentTypeMissing = "LP0404";
    public const string BadEntryName = "LP0405";
    public const string NotAZip = "LP0406";
    public const string EntryTooLarge = "LP0407";

    // Microsoft's XSDs
    public const string CustomizationsSchema = "LP0501";
    public const string FetchXmlSchema = "LP0502";
    public const string FormXmlSchema = "LP0503";
    public const string SchemasMissing = "LP0504";
    public const string VisualizationSchema = "LP0505";
    public const string SiteMapSchema = "LP0506";

    // solution.xml
    public const string ManifestInvalid = "LP0601";
    public const string RootComponentWithoutComponent = "LP0602";
    public const string ComponentWithoutRootComponent = "LP0603";
    public const string PublisherInvalid = "LP0604";
    public const string MissingDependencyNotListed = "LP0605";
    public const string MissingDependencyUnused = "LP0606";

    // Apps, site maps, charts, dashboards, roles
    public const string SiteMapTargetMissing = "LP0701";
    public const string AppComponentMissing = "LP0702";
    public const string ChartColumnMissing = "LP0703";
    public const string CustomTableWithoutAdministrator = "LP0704";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [SourceInvalid] = "Solution/src or pac.config cannot be read",
        [SourceReference] = "a form, view or role names a table or column the source does not declare",
        [AssemblyUnreadable] = "a PluginAssemblies entry is not a .NET assembly",
        [AssemblyNotSigned] = "assembly not strong-name signed (no key, or an all-zero public/delay-sign blob)",
        [AssemblyTooLarge] = "assembly larger than 16 MB",
        [AssemblyIdentityMismatch] = "PluginAssembly FullName differs from the DLL's name, version, culture or public key token",
        [AssemblyEntryMissing] = "PluginAssembly FileName points to no zip entry",
        [AssemblyEntryOrphan] = "a DLL under PluginAssemblies/ that no PluginAssembly references",
        [ReferencesUnresolved] = "referenced assemblies not found; base types read from metadata names",
        [AssemblyFolderMismatch] = "PluginAssemblies/<File>-<GUID>/ folder GUID differs from PluginAssemblyId",
        [AssemblyWithoutTypes] = "assembly without plug-in or workflow activity types (left out of the zip: Dataverse refuses it)",
        [AssemblySignatureInvalid] = "strong-name signature does not verify against the assembly's public key (the DLL changed after signing)",
        [StepOnNonPlugin] = "[PluginStep] on a class that does not implement IPlugin",
        [ActivityAttributeOnNonActivity] = "[WorkflowActivity] on a class that does not derive from CodeActivity",
        [ActivityWithoutAttribute] = "workflow activity without [WorkflowActivity] (default name and group used)",
        [PluginWithoutSteps] = "IPlugin class without [PluginStep]",
        [StepOnUnregistrableType] = "[PluginStep] on an abstract, generic or non-public class",
        [AttributeUnreadable] = "a registration attribute could not be read",
        [PluginTypeMissingInAssembly] = "a registered PluginType does not exist in its assembly",
        [PluginTypeNotRegistered] = "a plug-in or activity class in the assembly is not registered",
        [WorkflowGroupMismatch] = "workflow activity without WorkflowActivityGroupName, or a plug-in with one",
        [UpdateWithoutFilteringAttributes] = "Update step without filtering attributes (runs on every column change)",
        [ForbiddenMessage] = "step on Retrieve or RetrieveMultiple",
        [PreImageOnCreate] = "pre-image on a Create step (there is no row before Create)",
        [PostImageOnDelete] = "post-image on a Delete step (there is no row after Delete)",
        [PostImageOutsidePostOperation] = "post-image on a step that is not PostOperation (40)",
        [AsyncOutsidePostOperation] = "asynchronous step outside PostOperation (40)",
        [InvalidStage] = "stage other than 10, 20 or 40",
        [InvalidMode] = "mode other than 0 (sync) or 1 (async)",
        [StepPluginTypeMissing] = "step's PluginTypeId/PluginTypeName names no registered PluginType",
        [UnknownMessage] = "step's message has no known sdkmessage id",
        [StepIdentityCollision] = "two steps of one class share message, table and stage without distinct names",
        [ImageWithoutName] = "image attributes without an image name",
        [ImageWithoutAttributes] = "image without attributes (captures every column)",
        [FilteringAttributesIgnored] = "filtering attributes on a message other than Update (ignored)",
        [StepWithoutEntity] = "step without a primary table (runs for every table)",
        [StepNotInCode] = "step in customizations.xml that no [PluginStep] in the assembly declares",
        [CodeStepNotRegistered] = "[PluginStep] in the assembly with no step in customizations.xml",
        [StepDiffersFromCode] = "step in customizations.xml differs from its [PluginStep]",
        [UnknownColumn] = "filtering or image attribute names a column of the publisher's prefix the solution does not declare",
        [DuplicateId] = "two components share an id",
        [StepNameTooLong] = "step name longer than 256 characters",
        [ImageOnUnsupportedMessage] = "image on a message not known to support images",
        [InvalidImageType] = "image type other than 0 (pre), 1 (post) or 2 (both)",
        [EntryMissing] = "required zip entry missing ([Content_Types].xml, solution.xml, customizations.xml)",
        [XmlMalformed] = "an XML entry is not well-formed",
        [ContentTypesInvalid] = "[Content_Types].xml is not an OPC <Types> document",
        [ContentTypeMissing] = "no content type for an extension present in the zip",
        [BadEntryName] = "zip entry name with a backslash, '..', an absolute path, a drive letter, a control character or a duplicate",
        [NotAZip] = "the file is not a zip archive (or is a directory, or larger than the zip limit)",
        [EntryTooLarge] = "zip entry larger than the entry limit, compressed beyond the ratio limit, or the entries together beyond the total limit (zip bomb)",
        [CustomizationsSchema] = "customizations.xml fails CustomizationsSolution.xsd",
        [FetchXmlSchema] = "a view's FetchXML fails Fetch.xsd",
        [FormXmlSchema] = "a form fails FormXml.xsd",
        [VisualizationSchema] = "a chart's data description fails VisualizationDataDescription.xsd or its FetchXML fails Fetch.xsd",
        [SiteMapSchema] = "an app's site map fails SiteMap.xsd",
        [SchemasMissing] = "Microsoft's XSDs not found (LEADPLUGINS_SCHEMAS or ../shared/schemas/dataverse)",
        [ManifestInvalid] = "solution.xml structure (root, SolutionManifest, UniqueName, Version, Managed, ...)",
        [RootComponentWithoutComponent] = "a RootComponent with no matching component in customizations.xml",
        [ComponentWithoutRootComponent] = "a component in customizations.xml not listed in RootComponents",
        [PublisherInvalid] = "publisher prefix or option value prefix invalid",
        [MissingDependencyNotListed] = "customizations.xml uses a table, column or web resource it does not carry and solution.xml's MissingDependencies does not list",
        [MissingDependencyUnused] = "solution.xml's MissingDependencies lists a component nothing in customizations.xml uses",
        [SiteMapTargetMissing] = "a site map subarea opens a table, view or dashboard that is neither in the solution nor a listed dependency",
        [AppComponentMissing] = "an app component, role map or dashboard tile names a component that does not exist",
        [ChartColumnMissing] = "a chart's FetchXML names a column its table does not have (in the solution or a listed dependency)",
        [CustomTableWithoutAdministrator] = "no role grants Create, Read, Write and Delete at Global on a custom table",
    };
}
