using System.Globalization;
using System.Xml.Linq;
using LeadPlugins.Solution.Registration;
using static LeadPlugins.Solution.SolutionVerifier;

namespace LeadPlugins.Solution;

/// <summary>
/// The plug-in registration in customizations.xml against the DLLs the zip ships: assemblies (identity, strong name,
/// size, types), steps against the code's <c>[PluginStep]</c> attributes, and the shared step rules.
/// </summary>
internal static class RegistrationChecks
{
    public sealed record XmlPluginType(string TypeName, string AssemblyQualifiedName, Guid? Id, bool HasGroup, int Line);

    public sealed record XmlAssembly(string FullName, Guid? Id, string FileName, IReadOnlyList<XmlPluginType> Types, int Line);

    public sealed record XmlStep(StepRegistration Step, Guid? PluginTypeId, string PluginTypeAssemblyQualifiedName, int Line);

    public sealed record Registered(IReadOnlyList<XmlAssembly> Assemblies, IReadOnlyList<XmlStep> Steps);

    public static Registered Read(XDocument customizations)
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

    public static void CheckAssemblies(Registered registered, Dictionary<string, byte[]> entries, VerifyOptions options, FindingList findings)
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

    public static void CheckSteps(Registered registered, XDocument customizations, string? prefix, FindingList findings)
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
}
