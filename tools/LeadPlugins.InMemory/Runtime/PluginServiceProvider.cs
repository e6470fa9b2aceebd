using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>The service provider a plug-in receives.</summary>
internal sealed class PluginServiceProvider : IServiceProvider
{
    private readonly PluginExecutionContext _context;
    private readonly IOrganizationServiceFactory _factory;
    private readonly ITracingService _tracing;

    public PluginServiceProvider(PluginExecutionContext context, IOrganizationServiceFactory factory, ITracingService tracing)
    {
        _context = context;
        _factory = factory;
        _tracing = tracing;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext)
            || serviceType == typeof(IPluginExecutionContext2) || serviceType == typeof(IPluginExecutionContext3)
            || serviceType == typeof(IPluginExecutionContext4))
            return _context;
        if (serviceType == typeof(IOrganizationServiceFactory)) return _factory;
        if (serviceType == typeof(ITracingService)) return _tracing;
        return null;
    }
}
