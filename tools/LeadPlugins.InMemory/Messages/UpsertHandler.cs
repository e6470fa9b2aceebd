using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Upsert: Update when the id or alternate key finds a row, else Create (both through the pipeline).</summary>
internal sealed class UpsertHandler : MessageHandler
{
    public UpsertHandler(InMemoryDataverse dataverse) : base(dataverse) { }

    public override string MessageName => "Upsert";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var target = RequiredParameter<Entity>(context.Request, "Target");
        var table = Schema.GetTable(target.LogicalName);
        Entity? existing = null;
        if (target.KeyAttributes.Count > 0) existing = Finder.FindByKey(table, target.KeyAttributes);
        else if (target.Id != Guid.Empty) existing = Store.Find(table.LogicalName, target.Id);
        var write = Values.CloneEntity(target);
        write.KeyAttributes = new KeyAttributeCollection();
        if (existing != null)
        {
            write.Id = existing.Id;
            Dataverse.ExecuteInternal(new UpdateRequest { Target = write }, context);
            return new UpsertResponse { Results = { ["RecordCreated"] = false, ["Target"] = new EntityReference(table.LogicalName, existing.Id) } };
        }
        foreach (var pair in target.KeyAttributes) write[pair.Key] = Values.CloneValue(pair.Value);
        var id = (Guid)Dataverse.ExecuteInternal(new CreateRequest { Target = write }, context).Results["id"];
        return new UpsertResponse { Results = { ["RecordCreated"] = true, ["Target"] = new EntityReference(table.LogicalName, id) } };
    }
}
