using LeadPlugins.SolutionModel;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Associate and Disassociate: N:N intersect rows of a relationship.</summary>
internal sealed class AssociateHandler : MessageHandler
{
    private readonly bool _associate;

    public AssociateHandler(InMemoryDataverse dataverse, bool associate) : base(dataverse) { _associate = associate; }

    public override string MessageName => _associate ? "Associate" : "Disassociate";

    public override OrganizationResponse Execute(RequestContext context)
    {
        var target = RequiredParameter<EntityReference>(context.Request, "Target");
        var relationship = RequiredParameter<Relationship>(context.Request, "Relationship");
        var related = RequiredParameter<EntityReferenceCollection>(context.Request, "RelatedEntities");
        Finder.ResolveRow(Schema.GetTable(target.LogicalName), target.Id, null);
        foreach (var other in related)
        {
            Finder.ResolveRow(Schema.GetTable(other.LogicalName), other.Id, null);
            var association = new Association(relationship.SchemaName, new EntityReference(target.LogicalName, target.Id), new EntityReference(other.LogicalName, other.Id));
            Schema.ManyToManyRelationships.TryGetValue(relationship.SchemaName, out var declared);
            if (_associate)
            {
                if (Store.IsAssociated(association)) throw Faults.DuplicateKey();
                Store.Associate(association, context.Transaction);
                if (declared != null) Rows.WriteIntersectRow(declared, association, context.Transaction);
            }
            else
            {
                Store.Disassociate(association, context.Transaction);
                if (declared != null) Rows.DeleteIntersectRows(declared, association, context.Transaction);
            }
        }
        return _associate ? new AssociateResponse() : new DisassociateResponse();
    }
}
