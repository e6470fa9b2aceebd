// Message classes of Microsoft.Xrm.Sdk.Messages 9.0.2.56 (shared/spec/sdk-surface.md §2.5): thin wrappers whose
// properties read/write Parameters/Results under the same keys as the binary. As observed on 9.0.2.56, a request's
// constructor sets RequestName and registers its leading parameters with null; a response leaves ResponseName null.
using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class CreateRequest : OrganizationRequest
    {
        public CreateRequest() { RequestName = "Create"; Parameters["Target"] = null; }
        public Entity Target { get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : null; set => Parameters["Target"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class CreateResponse : OrganizationResponse
    {
        public CreateResponse() { }
        public Guid id => Results.Contains("id") ? (Guid)Results["id"] : default(Guid);
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpdateRequest : OrganizationRequest
    {
        public UpdateRequest() { RequestName = "Update"; Parameters["Target"] = null; }
        public Entity Target { get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : null; set => Parameters["Target"] = value; }
        public ConcurrencyBehavior ConcurrencyBehavior { get => Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default(ConcurrencyBehavior); set => Parameters["ConcurrencyBehavior"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpdateResponse : OrganizationResponse
    {
        public UpdateResponse() { }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class DeleteRequest : OrganizationRequest
    {
        public DeleteRequest() { RequestName = "Delete"; Parameters["Target"] = null; }
        public EntityReference Target { get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; set => Parameters["Target"] = value; }
        public ConcurrencyBehavior ConcurrencyBehavior { get => Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default(ConcurrencyBehavior); set => Parameters["ConcurrencyBehavior"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class DeleteResponse : OrganizationResponse
    {
        public DeleteResponse() { }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveRequest : OrganizationRequest
    {
        public RetrieveRequest() { RequestName = "Retrieve"; Parameters["Target"] = null; Parameters["ColumnSet"] = null; }
        public EntityReference Target { get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; set => Parameters["Target"] = value; }
        public ColumnSet ColumnSet { get => Parameters.Contains("ColumnSet") ? (ColumnSet)Parameters["ColumnSet"] : null; set => Parameters["ColumnSet"] = value; }
        public bool ReturnNotifications { get => Parameters.Contains("ReturnNotifications") && (bool)Parameters["ReturnNotifications"]; set => Parameters["ReturnNotifications"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveResponse : OrganizationResponse
    {
        public RetrieveResponse() { }
        public Entity Entity => Results.Contains("Entity") ? (Entity)Results["Entity"] : null;
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        public RetrieveMultipleRequest() { RequestName = "RetrieveMultiple"; Parameters["Query"] = null; }
        public QueryBase Query { get => Parameters.Contains("Query") ? (QueryBase)Parameters["Query"] : null; set => Parameters["Query"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveMultipleResponse : OrganizationResponse
    {
        public RetrieveMultipleResponse() { }
        public EntityCollection EntityCollection => Results.Contains("EntityCollection") ? (EntityCollection)Results["EntityCollection"] : null;
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ExecuteMultipleRequest : OrganizationRequest
    {
        public ExecuteMultipleRequest() { RequestName = "ExecuteMultiple"; Parameters["Requests"] = null; Parameters["Settings"] = null; }
        public OrganizationRequestCollection Requests { get => Parameters.Contains("Requests") ? (OrganizationRequestCollection)Parameters["Requests"] : null; set => Parameters["Requests"] = value; }
        public ExecuteMultipleSettings Settings { get => Parameters.Contains("Settings") ? (ExecuteMultipleSettings)Parameters["Settings"] : null; set => Parameters["Settings"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ExecuteMultipleResponse : OrganizationResponse
    {
        public ExecuteMultipleResponse() { }
        public bool IsFaulted => Results.Contains("IsFaulted") && (bool)Results["IsFaulted"];
        public ExecuteMultipleResponseItemCollection Responses => Results.Contains("Responses") ? (ExecuteMultipleResponseItemCollection)Results["Responses"] : null;
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpsertRequest : OrganizationRequest
    {
        public UpsertRequest() { RequestName = "Upsert"; Parameters["Target"] = null; }
        public Entity Target { get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : null; set => Parameters["Target"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpsertResponse : OrganizationResponse
    {
        public UpsertResponse() { }
        public bool RecordCreated => Results.Contains("RecordCreated") && (bool)Results["RecordCreated"];
        public EntityReference Target => Results.Contains("Target") ? (EntityReference)Results["Target"] : null;
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class AssociateRequest : OrganizationRequest
    {
        public AssociateRequest() { RequestName = "Associate"; Parameters["Target"] = null; Parameters["Relationship"] = null; Parameters["RelatedEntities"] = null; }
        public EntityReference Target { get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; set => Parameters["Target"] = value; }
        public Relationship Relationship { get => Parameters.Contains("Relationship") ? (Relationship)Parameters["Relationship"] : null; set => Parameters["Relationship"] = value; }
        public EntityReferenceCollection RelatedEntities { get => Parameters.Contains("RelatedEntities") ? (EntityReferenceCollection)Parameters["RelatedEntities"] : null; set => Parameters["RelatedEntities"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class AssociateResponse : OrganizationResponse
    {
        public AssociateResponse() { }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class DisassociateRequest : OrganizationRequest
    {
        public DisassociateRequest() { RequestName = "Disassociate"; Parameters["Target"] = null; Parameters["Relationship"] = null; Parameters["RelatedEntities"] = null; }
        public EntityReference Target { get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; set => Parameters["Target"] = value; }
        public Relationship Relationship { get => Parameters.Contains("Relationship") ? (Relationship)Parameters["Relationship"] : null; set => Parameters["Relationship"] = value; }
        public EntityReferenceCollection RelatedEntities { get => Parameters.Contains("RelatedEntities") ? (EntityReferenceCollection)Parameters["RelatedEntities"] : null; set => Parameters["RelatedEntities"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class DisassociateResponse : OrganizationResponse
    {
        public DisassociateResponse() { }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class CreateMultipleRequest : OrganizationRequest
    {
        public CreateMultipleRequest() { RequestName = "CreateMultiple"; Parameters["Targets"] = null; }
        public EntityCollection Targets { get => Parameters.Contains("Targets") ? (EntityCollection)Parameters["Targets"] : null; set => Parameters["Targets"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class CreateMultipleResponse : OrganizationResponse
    {
        public CreateMultipleResponse() { }
        public Guid[] Ids => Results.Contains("Ids") ? (Guid[])Results["Ids"] : null;
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpdateMultipleRequest : OrganizationRequest
    {
        public UpdateMultipleRequest() { RequestName = "UpdateMultiple"; Parameters["Targets"] = null; }
        public EntityCollection Targets { get => Parameters.Contains("Targets") ? (EntityCollection)Parameters["Targets"] : null; set => Parameters["Targets"] = value; }
        public ConcurrencyBehavior ConcurrencyBehavior { get => Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default(ConcurrencyBehavior); set => Parameters["ConcurrencyBehavior"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpdateMultipleResponse : OrganizationResponse
    {
        public UpdateMultipleResponse() { }
    }
}
