using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Create: the row with the platform's defaults; returns its id.</summary>
internal sealed class CreateHandler : MessageHandler
{
    public CreateHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "Create";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var target = RequiredParameter<Entity>(context.Request, "Target");
        var id = Rows.CreateRow(target, context);
        return new CreateResponse { Results = { ["id"] = id } };
    }
}
