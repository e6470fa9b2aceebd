using LeadPlugins.Solution.Registration;

namespace LeadPlugins.Solution.Tests;

/// <summary>Registrations read from built net462 assemblies through MetadataLoadContext (the same path pack and verify use).</summary>
[TestClass]
public sealed class RegistrationTests
{
    private const string Ns = "LeadPlugins.Solution.Tests.Fixtures.";
    private static AssemblyReadResult _fixture = null!;

    [ClassInitialize]
    public static void ReadFixture(TestContext context) => _fixture = RegistrationReader.Read(TestRepo.FixtureAssembly);

    private static PluginAssemblyRegistration Fixture => _fixture.Assembly!;

    private static PluginTypeRegistration Type(string name) => Fixture.Types.Single(t => t.TypeName == Ns + name);

    [TestMethod]
    public void Public_concrete_plugins_and_activities_are_registered_and_nothing_else()
    {
        Assert.AreEqual(0, _fixture.Findings.Count(f => f.Severity != Severity.Info), string.Join("\n", _fixture.Findings));
        CollectionAssert.AreEquivalent(
            new[] { "FixtureCreateLeadPlugin", "FixtureDeleteEnrollmentPlugin", "FixtureScoreLeadActivity", "FixtureStopNurtureActivity", "FixtureUpdateLeadPlugin" }.Select(n => Ns + n).ToList(),
            Fixture.Types.Select(t => t.TypeName).ToList());
        Assert.AreEqual(PluginTypeKind.Plugin, Type("FixtureDeleteEnrollmentPlugin").Kind, "IPlugin inherited from an abstract base");
        Assert.AreEqual(PluginTypeKind.WorkflowActivity, Type("FixtureScoreLeadActivity").Kind);
    }

    [TestMethod]
    public void The_assembly_identity_and_signature_are_read_from_metadata()
    {
        Assert.AreEqual("LeadPlugins.Solution.Tests.Fixtures", Fixture.Name);
        StringAssert.StartsWith(Fixture.FullName, "LeadPlugins.Solution.Tests.Fixtures, Version=1.0.0.0, Culture=neutral, PublicKeyToken=");
        Assert.IsNotNull(Fixture.PublicKeyToken);
        Assert.IsTrue(Fixture.IsStrongNameSigned);
        // The SDK contracts next to it are public-signed only (all-zero signature): the sandbox would refuse them.
        var contract = Path.Combine(Path.GetDirectoryName(TestRepo.FixtureAssembly)!, "Microsoft.Xrm.Sdk.dll");
        Assert.IsFalse(RegistrationReader.IsStrongNameSigned(File.ReadAllBytes(contract)));
    }

    [TestMethod]
    public void An_update_step_carries_filtering_attributes_images_run_as_and_async_settings()
    {
        var step = Type("FixtureUpdateLeadPlugin").Steps.Single();
        Assert.AreEqual("Update", step.Message);
        Assert.AreEqual(SdkMessages.KnownIds["Update"], step.MessageId);
        Assert.AreEqual("lead", step.PrimaryEntity);
        Assert.AreEqual(40, step.Stage);
        Assert.AreEqual(1, step.Mode);
        Assert.AreEqual("statecode,statuscode", step.FilteringAttributes);
        Assert.IsTrue(step.RunAsSystem);
        Assert.IsTrue(step.AsyncAutoDelete);
        Assert.AreEqual(2, step.Images.Count);
        var pre = step.Images.Single(i => i.Name == "PreImage");
        Assert.AreEqual(0, pre.ImageType);
        Assert.AreEqual("statecode", pre.Attributes);
        Assert.AreEqual("Target", pre.MessagePropertyName);
        var post = step.Images.Single(i => i.Name == "PostImage");
        Assert.AreEqual(1, post.ImageType);
        Assert.AreEqual("statecode,statuscode,mpl_leadscore", post.Attributes);
    }

    [TestMethod]
    public void Two_create_steps_of_one_class_get_distinct_ids_and_names()
    {
        var steps = Type("FixtureCreateLeadPlugin").Steps;
        Assert.AreEqual(2, steps.Count);
        Assert.AreNotEqual(steps[0].Id, steps[1].Id);
        Assert.AreNotEqual(steps[0].Name, steps[1].Name);
        var sync = steps.Single(s => s.Stage == 20);
        Assert.AreEqual(0, sync.Mode);
        Assert.IsFalse(sync.AsyncAutoDelete, "auto delete only applies to asynchronous steps");
        Assert.AreEqual("{\"mode\":\"fixture\"}", sync.Configuration);
        Assert.AreEqual("Fixture: enrich on create", sync.Description);
        var async = steps.Single(s => s.Stage == 40);
        Assert.AreEqual(2, async.Rank);
        Assert.AreEqual("id", async.Images.Single().MessagePropertyName, "Create images take the new row's id");
    }

    [TestMethod]
    public void Workflow_activities_carry_friendly_name_group_and_description()
    {
        var score = Type("FixtureScoreLeadActivity");
        Assert.AreEqual("Fixture: score lead", score.FriendlyName);
        Assert.AreEqual(RegistrationReader.DefaultWorkflowGroupName, score.WorkflowActivityGroupName);
        Assert.AreEqual("Scores a lead (fixture).", score.Description);
        Assert.AreEqual("LeadPlugins: Fixture group", Type("FixtureStopNurtureActivity").WorkflowActivityGroupName);
        Assert.AreEqual(0, score.Steps.Count);
    }

    [TestMethod]
    public void Ids_are_name_based_and_the_same_on_every_read()
    {
        var again = RegistrationReader.Read(TestRepo.FixtureAssembly).Assembly!;
        CollectionAssert.AreEqual(Fixture.Steps.Select(s => s.Id).ToList(), again.Steps.Select(s => s.Id).ToList());
        CollectionAssert.AreEqual(Fixture.Steps.SelectMany(s => s.Images).Select(i => i.Id).ToList(), again.Steps.SelectMany(s => s.Images).Select(i => i.Id).ToList());
        Assert.AreEqual(RegistrationIds.Assembly("LeadPlugins.Solution.Tests.Fixtures"), Fixture.Id);
        var update = Type("FixtureUpdateLeadPlugin");
        Assert.AreEqual(RegistrationIds.PluginType(Fixture.Name, update.TypeName), update.Id);
        Assert.AreEqual(RegistrationIds.Step(RegistrationIds.StepKey(update.TypeName, "Update", "lead", 40, null)), update.Steps.Single().Id);
    }

    [TestMethod]
    public void Every_fixture_step_passes_the_registration_rules()
    {
        var findings = new FindingList();
        foreach (var step in Fixture.Steps)
            StepRuleFindings.Check(step, "fixture", 0, findings);
        Assert.AreEqual(0, findings.Items.Count, string.Join("\n", findings.Items));
    }

    /// <summary>
    /// The product's deployable assemblies: every [PluginStep] sits on an IPlugin, every step obeys the rules and names
    /// columns the solution declares, both are strong-name signed, and Workflows compiles the registration attributes in.
    /// </summary>
    [TestMethod]
    [DataRow("Plugins")]
    [DataRow("Workflows")]
    public void The_product_assemblies_are_consistent_with_their_registration(string which)
    {
        var path = which == "Plugins" ? TestRepo.PluginsAssembly : TestRepo.WorkflowsAssembly;
        var read = RegistrationReader.Read(path);
        Assert.AreEqual(0, read.Findings.Count(f => f.Severity == Severity.Error), string.Join("\n", read.Findings));
        var assembly = read.Assembly!;
        Assert.IsTrue(assembly.IsStrongNameSigned, which + " must be strong-name signed for the sandbox");
        Assert.IsTrue(new FileInfo(path).Length < RegistrationReader.MaxAssemblySize);
        Assert.IsTrue(read.UsesRegistrationAttributes || assembly.Types.Count == 0, which + " registers types without [PluginStep]/[WorkflowActivity]");
        if (which == "Workflows")
            Assert.IsTrue(read.DefinedTypes.Contains(RegistrationReader.PluginStepAttributeName), "Workflows compiles Registration/*.cs in");

        var source = SolutionModel.SolutionSource.Load(TestRepo.Config.SolutionSourceDirectory);
        var findings = new FindingList();
        foreach (var step in assembly.Steps)
            StepRuleFindings.Check(step, which, 0, findings, TestRepo.Config.Publisher.Prefix,
                (table, column) => source.FindTable(table) is { } t ? t.FindColumn(column) != null : null);
        Assert.AreEqual(0, findings.ErrorCount, string.Join("\n", findings.Items));
        foreach (var type in assembly.Types.Where(t => t.Kind == PluginTypeKind.WorkflowActivity))
            Assert.AreEqual(0, type.Steps.Count, type.TypeName + ": workflow activities get no steps");
    }
}
