using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>RetrieveMultiple: QueryExpression, QueryByAttribute or FetchXML through the <see cref="QueryEngine"/>.</summary>
internal sealed class RetrieveMultipleHandler : MessageHandler
{
    public RetrieveMultipleHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "RetrieveMultiple";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var query = RequiredParameter<QueryBase>(context.Request, "Query");
        return new RetrieveMultipleResponse { Results = { ["EntityCollection"] = Dataverse.Queries.RetrieveMultiple(query, context.Call.UserId) } };
    }
}
