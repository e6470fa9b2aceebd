using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>UpdateMultiple: validated Targets, each updated like Update.</summary>
internal sealed class UpdateMultipleHandler : MessageHandler
{
    public UpdateMultipleHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "UpdateMultiple";

    public override OrganizationResponse Execute(RequestContext context)
    {
        Rows.ValidateBulk(context.Request, isCreate: false);
        foreach (var entity in ((EntityCollection)context.Request.Parameters["Targets"]).Entities) Rows.UpdateRow(entity, context);
        return new UpdateMultipleResponse();
    }
}
