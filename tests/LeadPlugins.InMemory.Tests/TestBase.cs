using System.ServiceModel;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory.Tests;

/// <summary>A fresh in-memory Dataverse per test, with a fixed clock and sequential ids.</summary>
public abstract class DataverseTestBase
{
    protected static readonly SolutionSource Solution = SolutionSource.Load();
    protected static readonly DateTime T0 = new(2026, 3, 2, 9, 30, 15, 250, DateTimeKind.Utc);

    protected DateTime Now { get; set; } = T0;
    protected InMemoryDataverse Dataverse { get; set; } = null!;
    protected IOrganizationService Service { get; set; } = null!;

    [TestInitialize]
    public void CreateDataverse()
    {
        Dataverse = NewDataverse();
        Service = Dataverse.GetOrganizationService();
    }

    protected InMemoryDataverse NewDataverse(Action<InMemoryDataverseOptions>? configure = null)
    {
        var ids = new SequentialIds(1000);
        var options = new InMemoryDataverseOptions { Clock = () => Now, IdGenerator = ids.Next, Solution = Solution };
        configure?.Invoke(options);
        return new InMemoryDataverse(options);
    }

    protected PluginStep Step(string message, string entity, PipelineStage stage, Action<PluginScope> body,
        ExecutionMode mode = ExecutionMode.Synchronous, int rank = 1, string? filter = null,
        string? image = null, ImageType imageType = ImageType.PreImage, string? imageAttributes = null,
        StepRunAs runAs = StepRunAs.CallingUser, bool other = false)
    {
        var attribute = new PluginStepAttribute(message, entity, stage, mode)
        {
            Rank = rank,
            FilteringAttributes = filter,
            Image1Name = image,
            Image1Type = imageType,
            Image1Attributes = imageAttributes,
            RunAs = runAs,
        };
        var key = LambdaPlugin.Register(body);
        return other ? Dataverse.RegisterStep<OtherLambdaPlugin>(attribute, key) : Dataverse.RegisterStep<LambdaPlugin>(attribute, key);
    }

    protected static OrganizationServiceFault Fault(Action action)
        => Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(action).Detail;

    protected Guid CreateLead(string lastName = "Doe", string? email = null, Action<Entity>? more = null)
    {
        var lead = new Entity("lead") { ["lastname"] = lastName, ["subject"] = "Lead " + lastName };
        if (email != null) lead["emailaddress1"] = email;
        more?.Invoke(lead);
        return Service.Create(lead);
    }

    protected Entity Row(string table, Guid id) => Dataverse.Get(table, id) ?? throw new AssertFailedException(table + " " + id + " is not stored");
}
