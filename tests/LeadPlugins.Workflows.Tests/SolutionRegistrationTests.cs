using System.IO.Compression;
using System.Xml.Linq;
using LeadPlugins.Solution;

namespace LeadPlugins.Workflows.Tests;

/// <summary>
/// The pack library (what `leadplugins pack` and the Release build run) on the built net462 Plugins and Workflows
/// assemblies: the zip registers each activity as a workflow activity type of the group, and it verifies.
/// </summary>
[TestClass]
public sealed class SolutionRegistrationTests
{
    private const string Group = "LeadPlugins: Marketplace leads";

    private static readonly Dictionary<string, string> Activities = new()
    {
        ["LeadPlugins.Workflows.ClassifyMarketplaceLead"] = "Classify marketplace lead",
        ["LeadPlugins.Workflows.ScoreLead"] = "Score lead",
        ["LeadPlugins.Workflows.RouteLead"] = "Route lead",
        ["LeadPlugins.Workflows.EnrollInNurtureSequence"] = "Enrol in nurture sequence",
        ["LeadPlugins.Workflows.StopNurture"] = "Stop nurture",
    };

    private static string _output = null!;
    private static PackResult _pack = null!;

    [ClassInitialize]
    public static void Pack(TestContext context)
    {
        _output = Path.Combine(Path.GetTempPath(), "leadplugins-workflow-tests", Guid.NewGuid().ToString("N"));
        _pack = SolutionPacker.Pack(new PackOptions
        {
            ConfigPath = PacConfig.Locate(AppContext.BaseDirectory),
            Output = _output,
            AssemblyPaths = new[] { BuiltAssemblies.Plugins, BuiltAssemblies.Workflows },
        });
    }

    [ClassCleanup]
    public static void DeleteOutput()
    {
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
    }

    [TestMethod]
    public void Packing_the_built_assemblies_gives_a_zip_without_errors_that_verify_accepts()
    {
        Assert.AreEqual(0, _pack.ErrorCount, string.Join("\n", _pack.Findings));
        Assert.IsNotNull(_pack.ZipPath);
        var aboutWorkflows = _pack.Findings.Where(f => f.Severity != Severity.Info && f.File.Contains("LeadPlugins.Workflows", StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(aboutWorkflows, "no warning either (e.g. LP0109 'no types', an activity without [WorkflowActivity]): " + string.Join("\n", aboutWorkflows));
        Assert.AreEqual(2, _pack.Solution!.Assemblies.Count, "Plugins and Workflows");

        var report = SolutionVerifier.Verify(_pack.ZipPath);

        Assert.AreEqual(0, report.ErrorCount, string.Join("\n", report.Findings));
    }

    [TestMethod]
    public void Customizations_register_each_activity_as_a_workflow_activity_type_of_the_group()
    {
        var assembly = WorkflowsAssemblyElement();

        var types = assembly.Element("PluginTypes")!.Elements("PluginType").ToList();

        CollectionAssert.AreEquivalent(Activities.Keys.ToArray(), types.Select(t => (string)t.Attribute("Name")!).ToArray());
        foreach (var type in types)
        {
            var name = (string)type.Attribute("Name")!;
            Assert.AreEqual(Group, (string?)type.Element("WorkflowActivityGroupName"), name);
            Assert.AreEqual(Activities[name], (string?)type.Element("FriendlyName"), name);
            Assert.IsFalse(string.IsNullOrWhiteSpace((string?)type.Element("Description")), name);
            StringAssert.StartsWith((string)type.Attribute("AssemblyQualifiedName")!, name + ", LeadPlugins.Workflows, Version=1.0.0.0, Culture=neutral, PublicKeyToken=");
        }
        var typeNames = types.Select(t => (string)t.Attribute("Name")!).ToHashSet();
        var customizations = Customizations();
        Assert.IsFalse(customizations.Descendants("SdkMessageProcessingStep").Any(s => typeNames.Any(n => ((string?)s.Element("PluginTypeName") ?? "").StartsWith(n + ",", StringComparison.Ordinal))),
            "workflow activities get no steps");
    }

    [TestMethod]
    public void The_zip_carries_the_built_signed_Workflows_assembly_byte_for_byte()
    {
        var fileName = ((string)WorkflowsAssemblyElement().Element("FileName")!).TrimStart('/');

        using var zip = ZipFile.OpenRead(_pack.ZipPath!);
        using var entry = zip.GetEntry(fileName)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);

        CollectionAssert.AreEqual(File.ReadAllBytes(BuiltAssemblies.Workflows), copy.ToArray());
        Assert.IsTrue(LeadPlugins.Solution.Registration.RegistrationReader.IsStrongNameSigned(copy.ToArray()), "sandbox assemblies are strong-name signed");
        Assert.AreEqual("2", (string?)WorkflowsAssemblyElement().Element("IsolationMode"), "sandbox");
    }

    private static XElement WorkflowsAssemblyElement()
    {
        Assert.AreEqual(0, _pack.ErrorCount, string.Join("\n", _pack.Findings));
        return Customizations().Descendants("PluginAssembly")
            .Single(a => ((string)a.Attribute("FullName")!).StartsWith("LeadPlugins.Workflows,", StringComparison.Ordinal));
    }

    private static XDocument Customizations()
    {
        using var zip = ZipFile.OpenRead(_pack.ZipPath!);
        using var stream = zip.GetEntry(SolutionVerifier.CustomizationsEntry)!.Open();
        return XDocument.Load(stream);
    }
}
