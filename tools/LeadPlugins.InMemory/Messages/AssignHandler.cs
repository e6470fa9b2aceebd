using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Assign: an Update of ownerid through the whole pipeline (Update steps on ownerid fire).</summary>
internal sealed class AssignHandler : MessageHandler
{
    public AssignHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "Assign";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var target = RequiredParameter<EntityReference>(context.Request, "Target");
        var assignee = RequiredParameter<EntityReference>(context.Request, "Assignee");
        var table = Schema.GetTable(target.LogicalName);
        if (!table.IsUserOwned) throw Faults.InvalidArgument("The entity " + table.LogicalName + " is not user or team owned and cannot be assigned.");
        Finder.ResolveRow(table, target.Id, null);
        Dataverse.ExecuteInternal(new UpdateRequest { Target = new Entity(target.LogicalName, target.Id) { ["ownerid"] = new EntityReference(assignee.LogicalName, assignee.Id) } }, context);
        return new AssignResponse();
    }
}
