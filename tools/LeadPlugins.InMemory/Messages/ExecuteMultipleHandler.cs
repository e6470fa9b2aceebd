using System.ServiceModel;
using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>ExecuteMultiple: each request through the whole chain (not from plug-ins, at most 1,000 requests).</summary>
internal sealed class ExecuteMultipleHandler : MessageHandler
{
    public ExecuteMultipleHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "ExecuteMultiple";

    public override OrganizationResponse Execute(RequestContext context)
    {
        if (context.Call.FromPlugin || context.Depth > 1)
            throw Faults.Create(ErrorCodes.NotSupported, "ExecuteMultipleRequest cannot be used in a plug-in or custom workflow activity: send each request on its own.");
        var requests = RequiredParameter<OrganizationRequestCollection>(context.Request, "Requests");
        var settings = RequiredParameter<ExecuteMultipleSettings>(context.Request, "Settings");
        if (requests.Count > 1000)
            throw Faults.Create(ErrorCodes.InvalidArgument, "The number of requests in ExecuteMultiple (" + requests.Count + ") exceeds the limit of 1000.");
        var responses = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var response = Dataverse.Execute(new RequestContext(Values.CloneRequest(requests[i]), new CallContext { UserId = context.Call.UserId }));
                if (settings.ReturnResponses) responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                faulted = true;
                responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = fault.Detail });
                if (!settings.ContinueOnError) break;
            }
        }
        return new ExecuteMultipleResponse { Results = { ["IsFaulted"] = faulted, ["Responses"] = responses } };
    }
}
