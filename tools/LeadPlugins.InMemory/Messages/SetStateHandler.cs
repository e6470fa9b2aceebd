using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>SetState: validated state/status pair, then the Update pipeline (since CRM 2015 Update 1).</summary>
internal sealed class SetStateHandler : MessageHandler
{
    public SetStateHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "SetState";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var moniker = RequiredParameter<EntityReference>(context.Request, "EntityMoniker");
        var state = RequiredParameter<OptionSetValue>(context.Request, "State");
        var status = RequiredParameter<OptionSetValue>(context.Request, "Status");
        var table = Schema.GetTable(moniker.LogicalName);
        if (!table.HasState) throw Faults.InvalidArgument("The entity " + table.LogicalName + " has no statecode.");
        Finder.ResolveRow(table, moniker.Id, null);
        if (!table.IsValidState(state.Value)) throw Faults.InvalidState(table, state.Value);
        var newStatus = status.Value == -1 ? table.DefaultStatus(state.Value) : status.Value;
        var definition = table.FindStatus(newStatus);
        if (definition == null || definition.State != state.Value) throw Faults.InvalidStatus(table, state.Value, newStatus, moniker.Id);
        // Since CRM 2015 Update 1 SetState runs the Update pipeline: Update steps filtered on statecode/statuscode fire.
        Dataverse.ExecuteInternal(new UpdateRequest
        {
            Target = new Entity(moniker.LogicalName, moniker.Id) { ["statecode"] = new OptionSetValue(state.Value), ["statuscode"] = new OptionSetValue(newStatus) },
        }, context);
        return new SetStateResponse();
    }
}
