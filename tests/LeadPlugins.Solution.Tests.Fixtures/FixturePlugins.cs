using System;
using System.Activities;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Solution.Tests.Fixtures
{
    // Registrations that cover every shape the generator emits: several steps on one class, pre/post/both images,
    // filtering attributes, run-as SYSTEM, unsecure configuration, an inherited IPlugin, and two workflow activities.

    [PluginStep("Create", "lead", PipelineStage.PreOperation, ExecutionMode.Synchronous,
        Description = "Fixture: enrich on create", UnsecureConfiguration = "{\"mode\":\"fixture\"}")]
    [PluginStep("Create", "lead", PipelineStage.PostOperation, ExecutionMode.Asynchronous, Rank = 2,
        Image1Name = "PostImage", Image1Type = ImageType.PostImage, Image1Attributes = "mpl_storefront,mpl_leadscore")]
    public sealed class FixtureCreateLeadPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    [PluginStep("Update", "lead", PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        FilteringAttributes = "statecode,statuscode", RunAs = StepRunAs.System, AsyncAutoDelete = true,
        Image1Name = "PreImage", Image1Type = ImageType.PreImage, Image1Attributes = "statecode",
        Image2Name = "PostImage", Image2Type = ImageType.PostImage, Image2Attributes = "statecode,statuscode,mpl_leadscore")]
    public sealed class FixtureUpdateLeadPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    /// <summary>IPlugin reached through an abstract base in the same assembly (like PluginBase).</summary>
    public abstract class FixturePluginBase : IPlugin
    {
        public abstract void Execute(IServiceProvider serviceProvider);
    }

    [PluginStep("Delete", NurtureEnrollmentTable.LogicalName, PipelineStage.PreValidation, ExecutionMode.Synchronous,
        Image1Name = "PreImage", Image1Type = ImageType.PreImage, Image1Attributes = "mpl_leadid,mpl_status")]
    public sealed class FixtureDeleteEnrollmentPlugin : FixturePluginBase
    {
        public override void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    [WorkflowActivity("Fixture: score lead", Description = "Scores a lead (fixture).")]
    public sealed class FixtureScoreLeadActivity : CodeActivity
    {
        protected override void Execute(CodeActivityContext context)
        {
        }
    }

    [WorkflowActivity("Fixture: stop nurture", GroupName = "LeadPlugins: Fixture group")]
    public sealed class FixtureStopNurtureActivity : CodeActivity
    {
        protected override void Execute(CodeActivityContext context)
        {
        }
    }

    /// <summary>Not public: never registered.</summary>
    internal sealed class FixtureInternalPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }
}
