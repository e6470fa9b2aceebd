using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Reliability.Tests;

/// <summary>
/// An organization service with no rows: every query answers an empty collection and anything else is refused. Lets the
/// generator run the enrichment service (the code the plug-in runs) for 100,000 inputs without the pipeline's cost.
/// </summary>
internal sealed class EmptyOrganizationService : IOrganizationService
{
    public int Queries { get; private set; }

    public EntityCollection RetrieveMultiple(QueryBase query)
    {
        Queries++;
        return new EntityCollection();
    }

    public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException("enrichment only reads: " + request.RequestName);
    public Guid Create(Entity entity) => throw new NotSupportedException("enrichment never writes");
    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException("enrichment uses no Retrieve");
    public void Update(Entity entity) => throw new NotSupportedException("enrichment never writes");
    public void Delete(string entityName, Guid id) => throw new NotSupportedException("enrichment never writes");
    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();
    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();
}

/// <summary>Keeps trace lines.</summary>
internal sealed class ListTracing : ITracingService
{
    public List<string> Lines { get; } = new();

    public void Trace(string format, params object[] args)
        => Lines.Add(args == null || args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
