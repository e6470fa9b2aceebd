using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>WhoAmI: the calling user, its business unit and the organization.</summary>
internal sealed class WhoAmIHandler : MessageHandler
{
    public WhoAmIHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "WhoAmI";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var user = Store.Find("systemuser", context.Call.UserId);
        return new WhoAmIResponse
        {
            Results =
            {
                ["UserId"] = context.Call.UserId,
                ["BusinessUnitId"] = user?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? Dataverse.RootBusinessUnitId,
                ["OrganizationId"] = Dataverse.OrganizationId,
            },
        };
    }
}
