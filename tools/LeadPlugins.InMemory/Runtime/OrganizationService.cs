using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>
/// IOrganizationService as a plain class: every method becomes a request through <see cref="Execute"/>. Requests and
/// responses are copied at this boundary, as the wire does, so the caller's objects never alias stored rows.
/// </summary>
internal sealed class OrganizationService : IOrganizationService
{
    private readonly InMemoryDataverse _dataverse;
    private readonly CallContext _call;

    public OrganizationService(InMemoryDataverse dataverse, CallContext call)
    {
        _dataverse = dataverse;
        _call = call;
    }

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (request == null) throw Faults.RequiredField("request");
        return _dataverse.ExecuteFromService(Values.CloneRequest(request), _call);
    }

    // The typed methods build the request themselves, so only the caller's entity needs the boundary copy.
    public Guid Create(Entity entity)
        => entity == null
            ? (Guid)Send(new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = null! }).Results["id"]
            : _dataverse.CreateFromService(Values.CloneEntity(entity, _dataverse.Rows.CreateDefaultsRoom(entity)), _call);

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => _dataverse.RetrieveFromService(entityName, id, columnSet, _call);

    public void Update(Entity entity) => Send(new Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target = entity == null ? null! : Values.CloneEntity(entity) });

    public void Delete(string entityName, Guid id) => Send(new Microsoft.Xrm.Sdk.Messages.DeleteRequest { Target = new EntityReference(entityName, id) });

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => Execute(new Microsoft.Xrm.Sdk.Messages.AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => Execute(new Microsoft.Xrm.Sdk.Messages.DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public EntityCollection RetrieveMultiple(QueryBase query) => _dataverse.RetrieveMultipleFromService(query, _call);

    private OrganizationResponse Send(OrganizationRequest ownCopy) => _dataverse.ExecuteFromService(ownCopy, _call);
}
