using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>CreateMultiple: validated Targets (one table, no duplicate ids), each created like Create.</summary>
internal sealed class CreateMultipleHandler : MessageHandler
{
    public CreateMultipleHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "CreateMultiple";

    public override OrganizationResponse Execute(RequestContext context)
    {
        Rows.ValidateBulk(context.Request, isCreate: true);
        var ids = context.Request.Parameters["Targets"] is EntityCollection targets ? targets.Entities.Select(e => Rows.CreateRow(e, context)).ToArray() : Array.Empty<Guid>();
        return new CreateMultipleResponse { Results = { ["Ids"] = ids } };
    }
}
