using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>Organization service factory handed to a plug-in: services run as the given user (null = SYSTEM) inside the plug-in's transaction.</summary>
internal sealed class PluginServiceFactory : IOrganizationServiceFactory
{
    private readonly InMemoryDataverse _dataverse;
    private readonly PluginExecutionContext _context;
    private readonly StepExecution _execution;
    private readonly Transaction? _transaction;

    public PluginServiceFactory(InMemoryDataverse dataverse, PluginExecutionContext context, StepExecution execution, Transaction? transaction)
    {
        _dataverse = dataverse;
        _context = context;
        _execution = execution;
        _transaction = transaction;
    }

    public IOrganizationService CreateOrganizationService(Guid? userId)
        => new OrganizationService(_dataverse, new CallContext
        {
            UserId = userId ?? _dataverse.SystemUserId,
            ParentContext = _context,
            ParentDepth = _context.Depth,
            Transaction = _transaction,
            Execution = _execution,
            CorrelationId = _context.CorrelationId,
        });
}
