using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Cli.Live;

/// <summary>For reading a service's static facts (InputColumns) without a connection: any call is a defect.</summary>
internal sealed class NullOrganizationService : IOrganizationService
{
    public static readonly NullOrganizationService Instance = new();
    private static Exception Unused() => new InvalidOperationException("No environment: this service only lists columns.");
    public Guid Create(Entity entity) => throw Unused();
    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw Unused();
    public void Update(Entity entity) => throw Unused();
    public void Delete(string entityName, Guid id) => throw Unused();
    public OrganizationResponse Execute(OrganizationRequest request) => throw Unused();
    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw Unused();
    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw Unused();
    public EntityCollection RetrieveMultiple(QueryBase query) => throw Unused();
}
