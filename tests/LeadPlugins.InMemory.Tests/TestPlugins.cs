using System.Collections.Concurrent;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Execution;
using LeadPlugins.Plugins.Registration;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory.Tests;

/// <summary>What a test plug-in body receives.</summary>
public sealed class PluginScope
{
    public PluginScope(IServiceProvider provider)
    {
        Provider = provider;
        Context = (IPluginExecutionContext)provider.GetService(typeof(IPluginExecutionContext))!;
        Context4 = (IPluginExecutionContext4)provider.GetService(typeof(IPluginExecutionContext4))!;
        Factory = (IOrganizationServiceFactory)provider.GetService(typeof(IOrganizationServiceFactory))!;
        Tracing = (ITracingService)provider.GetService(typeof(ITracingService))!;
        Service = Factory.CreateOrganizationService(Context.UserId);
    }

    public IServiceProvider Provider { get; }
    public IPluginExecutionContext Context { get; }
    public IPluginExecutionContext4 Context4 { get; }
    public IOrganizationServiceFactory Factory { get; }
    public ITracingService Tracing { get; }
    public IOrganizationService Service { get; }
    public Entity Target => (Entity)Context.InputParameters["Target"];
}

/// <summary>A plug-in whose body is a test's lambda, looked up by the step's unsecure configuration.</summary>
public sealed class LambdaPlugin : IPlugin
{
    internal static readonly ConcurrentDictionary<string, Action<PluginScope>> Bodies = new();
    private readonly string _key;

    public LambdaPlugin(string unsecureConfiguration, string secureConfiguration) { _key = unsecureConfiguration; }

    public static string Register(Action<PluginScope> body)
    {
        var key = Guid.NewGuid().ToString("N");
        Bodies[key] = body;
        return key;
    }

    public void Execute(IServiceProvider serviceProvider) => Bodies[_key](new PluginScope(serviceProvider));
}

/// <summary>A second lambda plug-in type, so audits can tell two plug-ins apart.</summary>
public sealed class OtherLambdaPlugin : IPlugin
{
    private readonly string _key;
    public OtherLambdaPlugin(string unsecureConfiguration, string secureConfiguration) { _key = unsecureConfiguration; }
    public void Execute(IServiceProvider serviceProvider) => LambdaPlugin.Bodies[_key](new PluginScope(serviceProvider));
}

/// <summary>Declared with attributes: registered by RegisterPlugin / RegisterPluginAssembly. Writes its configuration into the campaign.</summary>
[PluginStep("Create", "campaign", PipelineStage.PreOperation, ExecutionMode.Synchronous, UnsecureConfiguration = "from-attribute")]
public sealed class ConfiguredCampaignPlugin : IPlugin
{
    private readonly string? _unsecure;
    private readonly string? _secure;

    public ConfiguredCampaignPlugin(string? unsecureConfiguration, string? secureConfiguration)
    {
        _unsecure = unsecureConfiguration;
        _secure = secureConfiguration;
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        target["description"] = _unsecure + "|" + _secure;
    }
}

/// <summary>Counts its constructions: the platform caches one instance per step.</summary>
[PluginStep("Update", "campaign", PipelineStage.PostOperation, ExecutionMode.Synchronous, FilteringAttributes = "codename")]
public sealed class InstanceCountingPlugin : IPlugin
{
    private static int _constructed;
    public InstanceCountingPlugin() { Interlocked.Increment(ref _constructed); }
    public static int Constructed => _constructed;
    public void Execute(IServiceProvider serviceProvider) { }
}

/// <summary>A product-style PluginBase plug-in (recursion guard, fault wrapping) that touches the lead it runs on.</summary>
public sealed class TouchLeadDescription : PluginBase
{
    public TouchLeadDescription(string? unsecure, string? secure) : base(typeof(TouchLeadDescription), unsecure, secure) { }

    protected override void ExecuteDataversePlugin(ILocalPluginContext context)
    {
        var id = context.PluginExecutionContext.PrimaryEntityId;
        context.Trace("touching lead " + id);
        context.PluginUserService.Update(new Entity("lead", id) { ["description"] = "touched at depth " + context.PluginExecutionContext.Depth });
    }
}
