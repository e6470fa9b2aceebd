using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Update: only the supplied columns change, null clears, state pairs are validated.</summary>
internal sealed class UpdateHandler : MessageHandler
{
    public UpdateHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "Update";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var target = RequiredParameter<Entity>(context.Request, "Target");
        Rows.UpdateRow(target, context);
        return new UpdateResponse();
    }
}
