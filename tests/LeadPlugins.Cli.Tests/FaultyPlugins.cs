using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Tests;

/// <summary>Plug-ins that fail on purpose, to test how the simulator reports it.</summary>
internal static class Faulty
{
    public static void Register(InMemoryDataverse dataverse)
    {
        dataverse.RegisterStep<RejectsBoom>(new PluginStepAttribute("Create", "lead", PipelineStage.PreOperation, ExecutionMode.Synchronous));
        dataverse.RegisterStep<AsyncFailsForCrash>(new PluginStepAttribute("Create", "lead", PipelineStage.PostOperation, ExecutionMode.Asynchronous));
        dataverse.RegisterStep<AsyncAsksTheUnsimulated>(new PluginStepAttribute("Create", "lead", PipelineStage.PostOperation, ExecutionMode.Asynchronous));
    }
}

/// <summary>Sync: rejects a lead whose last name is Boom.</summary>
public sealed class RejectsBoom : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        if (((Entity)context.InputParameters["Target"]).GetAttributeValue<string>("lastname") == "Boom")
            throw new InvalidPluginExecutionException("Boom is not a customer");
    }
}

/// <summary>Async: throws for a lead whose last name is Crash.</summary>
public sealed class AsyncFailsForCrash : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        var lead = service.Retrieve("lead", context.PrimaryEntityId, new Microsoft.Xrm.Sdk.Query.ColumnSet("lastname"));
        if (lead.GetAttributeValue<string>("lastname") == "Crash") throw new InvalidOperationException("async crash");
    }
}

/// <summary>Async: sends a message the in-memory Dataverse does not simulate, for a lead whose last name is Gap.</summary>
public sealed class AsyncAsksTheUnsimulated : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
        var lead = service.Retrieve("lead", context.PrimaryEntityId, new Microsoft.Xrm.Sdk.Query.ColumnSet("lastname"));
        if (lead.GetAttributeValue<string>("lastname") == "Gap") service.Execute(new OrganizationRequest("mpl_NotAMessage"));
    }
}
