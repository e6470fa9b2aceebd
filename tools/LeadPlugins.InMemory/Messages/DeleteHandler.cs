using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Delete: the row, its activity parties and its N:N intersect rows.</summary>
internal sealed class DeleteHandler : MessageHandler
{
    public DeleteHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "Delete";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var target = RequiredParameter<EntityReference>(context.Request, "Target");
        var table = Schema.GetTable(target.LogicalName);
        var row = Finder.ResolveRow(table, target.Id, target.KeyAttributes);
        Rows.DeleteRow(table, row, context.Transaction);
        return new DeleteResponse();
    }
}
