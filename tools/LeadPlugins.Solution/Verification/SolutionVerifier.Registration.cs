using System.Globalization;
using System.Xml.Linq;
using LeadPlugins.Solution.Registration;

namespace LeadPlugins.Solution;

public static partial class SolutionVerifier
{
    private sealed record XmlPluginType(string TypeName, string AssemblyQualifiedName, Guid? Id, bool HasGroup, int Line);

    private sealed record XmlAssembly(string FullName, Guid? Id, string FileName, IReadOnlyList<XmlPluginType> Types, int Line);

    private sealed record XmlStep(StepRegistration Step, Guid? PluginTypeId, string PluginTypeAssemblyQualifiedName, int Line);

    private sealed record Registered(IReadOnlyList<XmlAssembly> Assemblies, IReadOnlyList<XmlStep> Steps);

    private static Registered ReadRegistrations(XDocument customizations)
    {
        var root = customizations.Root!;
        var assemblies = root.Element("SolutionPluginAssemblies")?.Elements("PluginAssembly").Select(a => new XmlAssembly(
            (string?)a.Attribute("FullName") ?? string.Empty,
            ParseGuid((string?)a.Attribute("PluginAssemblyId")),
            (string?)a.Element("FileName") ?? string.Empty,
            a.Element("PluginTypes")?.Elements("PluginType").Select(t =>
            {
                var qualified = (string?)t.Attribute("AssemblyQualifiedName") ?? string.Empty;
                return new XmlPluginType(
                    (string?)t.Attribute("Name") ?? TypePart(qualified),
                    qualified,
                    ParseGuid((string?)t.Attribute("PluginTypeId")),
                    !string.IsNullOrEmpty((string?)t.Element("WorkflowActivityGroupName")),
                    Line(t));
            }).ToList() ?? new List<XmlPluginType>(),
            Line(a))).ToList() ?? new List<XmlAssembly>();

        var steps = root.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep").Select(s =>
        {
            var qualified = (string?)s.Element("PluginTypeName") ?? string.Empty;
            var messageId = ParseGuid((string?)s.Element("SdkMessageId")) ?? Guid.Empty;
            var images = s.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage").Select(i => new ImageRegistration(
                ParseGuid((string?)i.Element("SdkMessageProcessingStepImageId")) ?? Guid.Empty,
                (string?)i.Attribute("Name") ?? (string?)i.Element("EntityAlias") ?? string.Empty,
                (string?)i.Element("EntityAlias") ?? string.Empty,
                Int(i.Element("ImageType"), 0),
                (string?)i.Element("Attributes") ?? string.Empty,
                (string?)i.Element("MessagePropertyName") ?? string.Empty)).ToList() ?? new List<ImageRegistration>();
            var step = new StepRegistration(
                ParseGuid((string?)s.Attribute("SdkMessageProcessingStepId")) ?? Guid.Empty,
                (string?)s.Attribute("Name") ?? string.Empty,
                TypePart(qualified),
                SdkMessages.NameOf(messageId),
                messageId,
                ((string?)s.Element("PrimaryEntity") ?? string.Empty).ToLowerInvariant(),
                Int(s.Element("Stage"), 0),
                Int(s.Element("Mode"), 0),
                Int(s.Element("Rank"), 1),
                (string?)s.Element("FilteringAttributes") ?? string.Empty,
                (string?)s.Element("Description") ?? string.Empty,
                (string?)s.Element("Configuration") ?? string.Empty,
                !string.IsNullOrEmpty((string?)s.Element("ImpersonatingUserIdName")),
                Int(s.Element("AsyncAutoDelete"), 0) == 1,
                images);
            return new XmlStep(step, ParseGuid((string?)s.Element("PluginTypeId")), qualified, Line(s));
        }).ToList() ?? new List<XmlStep>();
        return new Registered(assemblies, steps);
    }

    private static string TypePart(string assemblyQualifiedName)
    {
        var comma = assemblyQualifiedName.IndexOf(',', StringComparison.Ordinal);
        return (comma < 0 ? assemblyQualifiedName : assemblyQualifiedName[..comma]).Trim();
    }

    private static string AssemblyPart(string assemblyQualifiedName)
    {
        var comma = assemblyQualifiedName.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? string.Empty : assemblyQualifiedName[(comma + 1)..].Trim();
    }

    private static int Int(XElement? element, int fallback)
        => element != null && int.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static void CheckAssemblies(Registered registered, Dictionary<string, byte[]> entries, VerifyOptions options, FindingList findings)
    {
        var dllEntries = entries.Keys.Where(n => n.StartsWith("PluginAssemblies/", StringComparison.OrdinalIgnoreCase) && n.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
        var siblings = dllEntries.GroupBy(n => Path.GetFileNameWithoutExtension(n), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => entries[g.First()], StringComparer.OrdinalIgnoreCase);
        var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var assembly in registered.Assemblies)
        {
            var what = "plug-in assembly '" + assembly.FullName + "'";
            if (assembly.FileName.Length == 0)
            {
                findings.Error(FindingCodes.AssemblyEntryMissing, CustomizationsEntry, assembly.Line, what + " has no <FileName>");
                continue;
            }
            var entryName = assembly.FileName.Replace('\\', '/').TrimStart('/');
            referenced.Add(entryName);
            if (!entries.TryGetValue(entryName, out var content))
            {
                findings.Error(FindingCodes.AssemblyEntryMissing, CustomizationsEntry, assembly.Line, what + ": <FileName> " + assembly.FileName + " is not in the zip");
                continue;
            }
            if (assembly.Id != null)
            {
                var expected = PluginAssemblyRegistration.PluginAssemblyEntryName(Path.GetFileName(entryName), assembly.Id.Value);
                if (!string.Equals(expected, entryName, StringComparison.OrdinalIgnoreCase))
                    findings.Warning(FindingCodes.AssemblyFolderMismatch, CustomizationsEntry, assembly.Line, what + ": expected the entry " + expected + " for PluginAssemblyId " + assembly.Id);
            }
            if (content.LongLength > RegistrationReader.MaxAssemblySize)
                findings.Error(FindingCodes.AssemblyTooLarge, entryName, 0, "the assembly is " + content.LongLength + " bytes; Dataverse accepts at most 16 MB");

            var read = RegistrationReader.Read(content, Path.GetFileName(entryName), entryName, siblings, options.ReferenceDirectories);
            findings.AddRange(read.Findings);
            if (read.Assembly == null) continue;
            var dll = read.Assembly;
            if (!dll.IsStrongNameSigned)
                findings.Error(FindingCodes.AssemblyNotSigned, entryName, 0, "the assembly is not strong-name signed (sandbox assemblies must be fully signed; public or delay signing is not enough)");
            else if (StrongNameSignatureCheck.Problem(content) is { } signature)
                findings.Error(FindingCodes.AssemblySignatureInvalid, entryName, 0, "the strong-name signature does not verify: " + signature + "; Dataverse refuses to register it");

            var declared = ParseAssemblyName(assembly.FullName);
            var actual = ParseAssemblyName(dll.FullName);
            var identityDifference = declared == null ? "FullName cannot be parsed" : actual == null ? null : IdentityDifference(declared, actual);
            if (identityDifference != null)
                findings.Error(FindingCodes.AssemblyIdentityMismatch, CustomizationsEntry, assembly.Line, what + " does not match " + entryName + " (" + dll.FullName + "): " + identityDifference);

            foreach (var type in assembly.Types)
            {
                if (!read.DefinedTypes.Contains(type.TypeName))
                {
                    findings.Error(FindingCodes.PluginTypeMissingInAssembly, CustomizationsEntry, type.Line, "plug-in type " + type.TypeName + " does not exist in " + entryName);
                    continue;
                }
                var typeAssembly = ParseAssemblyName(AssemblyPart(type.AssemblyQualifiedName));
                if (declared != null && (typeAssembly == null || IdentityDifference(declared, typeAssembly) != null))
                    findings.Error(FindingCodes.AssemblyIdentityMismatch, CustomizationsEntry, type.Line, "plug-in type " + type.TypeName + ": AssemblyQualifiedName names '" + AssemblyPart(type.AssemblyQualifiedName) + "', not the assembly's FullName");
                var code = dll.Types.FirstOrDefault(t => t.TypeName == type.TypeName);
                if (code == null) continue;
                if (code.Kind == PluginTypeKind.WorkflowActivity && !type.HasGroup)
                    findings.Error(FindingCodes.WorkflowGroupMismatch, CustomizationsEntry, type.Line, type.TypeName + " is a workflow activity but has no <WorkflowActivityGroupName>, so the process designer will not offer it");
                if (code.Kind == PluginTypeKind.Plugin && type.HasGroup)
                    findings.Error(FindingCodes.WorkflowGroupMismatch, CustomizationsEntry, type.Line, type.TypeName + " is an IPlugin but is registered with a <WorkflowActivityGroupName>");
            }
            foreach (var code in dll.Types.Where(t => assembly.Types.All(x => x.TypeName != t.TypeName)))
                findings.Warning(FindingCodes.PluginTypeNotRegistered, CustomizationsEntry, assembly.Line, code.TypeName + " (" + (code.Kind == PluginTypeKind.Plugin ? "plug-in" : "workflow activity") + ") is in " + entryName + " but not registered");

            var typeNames = assembly.Types.Select(t => t.TypeName).ToHashSet(StringComparer.Ordinal);
            var typeIds = assembly.Types.Where(t => t.Id != null).Select(t => t.Id!.Value).ToHashSet();
            var xmlSteps = registered.Steps.Where(s => (s.PluginTypeId != null && typeIds.Contains(s.PluginTypeId.Value)) || typeNames.Contains(s.Step.PluginTypeName)).ToList();
            if (read.UsesRegistrationAttributes)
                CompareStepsWithCode(xmlSteps, dll, entryName, findings);
            else
                findings.Info(FindingCodes.StepNotInCode, entryName, 0, "the assembly does not use [PluginStep]; its " + xmlSteps.Count + " step(s) were not compared with code");
        }

        foreach (var orphan in dllEntries.Where(n => !referenced.Contains(n)))
            findings.Warning(FindingCodes.AssemblyEntryOrphan, orphan, 0, "no <PluginAssembly> in customizations.xml references this DLL");
    }

    private static string? IdentityDifference(System.Reflection.AssemblyName declared, System.Reflection.AssemblyName actual)
    {
        var differences = new List<string>();
        if (!string.Equals(declared.Name, actual.Name, StringComparison.OrdinalIgnoreCase)) differences.Add("name " + declared.Name + " vs " + actual.Name);
        if (!Equals(declared.Version, actual.Version)) differences.Add("version " + declared.Version + " vs " + actual.Version);
        static string Culture(string? c) => string.IsNullOrEmpty(c) ? "neutral" : c;
        if (!string.Equals(Culture(declared.CultureName), Culture(actual.CultureName), StringComparison.OrdinalIgnoreCase)) differences.Add("culture " + Culture(declared.CultureName) + " vs " + Culture(actual.CultureName));
        var declaredToken = Convert.ToHexString(declared.GetPublicKeyToken() ?? Array.Empty<byte>());
        var actualToken = Convert.ToHexString(actual.GetPublicKeyToken() ?? Array.Empty<byte>());
        if (!string.Equals(declaredToken, actualToken, StringComparison.OrdinalIgnoreCase)) differences.Add("public key token " + (declaredToken.Length > 0 ? declaredToken.ToLowerInvariant() : "null") + " vs " + (actualToken.Length > 0 ? actualToken.ToLowerInvariant() : "null"));
        return differences.Count == 0 ? null : string.Join(", ", differences);
    }

    /// <summary>Every registered step exists in code and vice versa, with the same registration (matched by id, then by type/message/table/stage).</summary>
    private static void CompareStepsWithCode(IReadOnlyList<XmlStep> xmlSteps, PluginAssemblyRegistration dll, string entryName, FindingList findings)
    {
        static string NaturalKey(StepRegistration s) => s.PluginTypeName + "|" + s.MessageId + "|" + s.PrimaryEntity + "|" + s.Stage;
        var unmatchedCode = dll.Steps.ToList();
        foreach (var xml in xmlSteps)
        {
            var code = unmatchedCode.FirstOrDefault(c => c.Id == xml.Step.Id);
            if (code == null)
            {
                code = unmatchedCode.FirstOrDefault(c => NaturalKey(c) == NaturalKey(xml.Step));
                if (code != null)
                    findings.Warning(FindingCodes.StepDiffersFromCode, CustomizationsEntry, xml.Line, "step '" + xml.Step.Name + "' has id " + xml.Step.Id + " but its [PluginStep] gives " + code.Id + "; an import would add a second step instead of updating this one");
            }
            if (code == null)
            {
                findings.Error(FindingCodes.StepNotInCode, CustomizationsEntry, xml.Line, "step '" + xml.Step.Name + "' has no [PluginStep] on " + xml.Step.PluginTypeName + " in " + entryName);
                continue;
            }
            unmatchedCode.Remove(code);
            var differences = StepDifferences(code, xml.Step);
            if (differences.Count > 0)
                findings.Error(FindingCodes.StepDiffersFromCode, CustomizationsEntry, xml.Line, "step '" + xml.Step.Name + "' differs from its [PluginStep]: " + string.Join("; ", differences));
        }
        foreach (var code in unmatchedCode)
            findings.Error(FindingCodes.CodeStepNotRegistered, entryName, 0, "[PluginStep] '" + code.Name + "' on " + code.PluginTypeName + " has no step in customizations.xml");
    }

    private static List<string> StepDifferences(StepRegistration code, StepRegistration xml)
    {
        var differences = new List<string>();
        void Compare<T>(string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual)) differences.Add(what + " " + actual + " (code: " + expected + ")");
        }
        static string Set(string names) => string.Join(",", StepRegistration.SplitNames(names).Select(n => n.ToLowerInvariant()).OrderBy(n => n, StringComparer.Ordinal));
        Compare("plug-in type", code.PluginTypeName, xml.PluginTypeName);
        Compare("message", code.Message ?? code.MessageId.ToString(), xml.Message ?? xml.MessageId.ToString());
        Compare("table", code.PrimaryEntity, xml.PrimaryEntity);
        Compare("stage", code.Stage, xml.Stage);
        Compare("mode", code.Mode, xml.Mode);
        Compare("rank", code.Rank, xml.Rank);
        Compare("filtering attributes", Set(code.FilteringAttributes), Set(xml.FilteringAttributes));
        Compare("run as SYSTEM", code.RunAsSystem, xml.RunAsSystem);
        Compare("configuration", code.Configuration, xml.Configuration);
        foreach (var image in code.Images)
        {
            var other = xml.Images.FirstOrDefault(i => string.Equals(i.Name, image.Name, StringComparison.OrdinalIgnoreCase));
            if (other == null)
            {
                differences.Add("image '" + image.Name + "' is missing");
                continue;
            }
            Compare("image '" + image.Name + "' type", image.ImageType, other.ImageType);
            Compare("image '" + image.Name + "' attributes", Set(image.Attributes), Set(other.Attributes));
        }
        foreach (var extra in xml.Images.Where(i => code.Images.All(c => !string.Equals(c.Name, i.Name, StringComparison.OrdinalIgnoreCase))))
            differences.Add("image '" + extra.Name + "' is not in code");
        return differences;
    }

    private static void CheckSteps(Registered registered, XDocument customizations, string? prefix, FindingList findings)
    {
        var types = registered.Assemblies.SelectMany(a => a.Types).ToList();
        var entities = customizations.Root!.Element("Entities")?.Elements("Entity")
            .GroupBy(e => ((string?)e.Element("Name") ?? string.Empty).ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Descendants("attribute"))
                .Select(a => ((string?)a.Element("LogicalName") ?? (string?)a.Attribute("PhysicalName") ?? string.Empty).ToLowerInvariant())
                .ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal)
            ?? new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        bool? IsDeclared(string entity, string column)
            => entities.TryGetValue(entity.ToLowerInvariant(), out var columns) ? columns.Contains(column.ToLowerInvariant()) : null;

        foreach (var xml in registered.Steps)
        {
            var type = xml.PluginTypeId != null ? types.FirstOrDefault(t => t.Id == xml.PluginTypeId) : types.FirstOrDefault(t => t.TypeName == xml.Step.PluginTypeName);
            if (type == null && xml.PluginTypeId != null && types.FirstOrDefault(t => t.TypeName == xml.Step.PluginTypeName) is { } byName)
                findings.Error(FindingCodes.StepPluginTypeMissing, CustomizationsEntry, xml.Line, "step '" + xml.Step.Name + "': <PluginTypeId> " + xml.PluginTypeId + " matches no <PluginType>; " + byName.TypeName + " has id " + byName.Id);
            else if (type == null)
                findings.Error(FindingCodes.StepPluginTypeMissing, CustomizationsEntry, xml.Line, "step '" + xml.Step.Name + "' names plug-in type " + (xml.PluginTypeId?.ToString() ?? xml.PluginTypeAssemblyQualifiedName) + ", which no <PluginType> in customizations.xml declares");
            else if (type.HasGroup)
                findings.Error(FindingCodes.StepPluginTypeMissing, CustomizationsEntry, xml.Line, "step '" + xml.Step.Name + "' is registered on workflow activity " + type.TypeName + "; steps run IPlugin types only");
            StepRuleFindings.Check(xml.Step, CustomizationsEntry, xml.Line, findings, prefix, IsDeclared);
        }
    }

    private static void CheckDuplicateIds(XDocument customizations, FindingList findings)
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
    private static void CheckRootComponents(XDocument manifest, XDocument customizations, FindingList findings)
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
