using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// The platform's main operation (stage 30) of one message, like FakeXrmEasy v2's one executor per message. The
/// facade dispatches a request to the handler whose <see cref="MessageName"/> matches.
/// </summary>
internal abstract class MessageHandler
{
    protected MessageHandler(InMemoryDataverse dataverse) { Dataverse = dataverse; }

    public abstract string MessageName { get; }

    public abstract OrganizationResponse Execute(RequestContext context);

    protected InMemoryDataverse Dataverse { get; }
    protected DataverseSchema Schema => Dataverse.Schema;
    protected RowStore Store => Dataverse.Store;
    protected RowWriter Rows => Dataverse.Rows;
    protected RowFinder Finder => Dataverse.Rows.Finder;

    protected static T? Parameter<T>(OrganizationRequest request, string name) where T : class
        => request.Parameters.TryGetValue(name, out var value) ? value as T : null;

    protected static T RequiredParameter<T>(OrganizationRequest request, string name) where T : class
        => Parameter<T>(request, name) ?? throw Faults.RequiredField(name);
}
