// Message classes of Microsoft.Crm.Sdk.Proxy 9.0.2.56 (shared/spec/sdk-surface.md §2.5). As observed on 9.0.2.56, a
// request's constructor sets RequestName and registers its leading parameters; a response leaves ResponseName null.
using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class AssignRequest : OrganizationRequest
    {
        public AssignRequest() { RequestName = "Assign"; Parameters["Target"] = null; Parameters["Assignee"] = null; }
        public EntityReference Target { get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null; set => Parameters["Target"] = value; }
        public EntityReference Assignee { get => Parameters.Contains("Assignee") ? (EntityReference)Parameters["Assignee"] : null; set => Parameters["Assignee"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class AssignResponse : OrganizationResponse
    {
        public AssignResponse() { }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class SetStateRequest : OrganizationRequest
    {
        public SetStateRequest() { RequestName = "SetState"; Parameters["EntityMoniker"] = null; Parameters["State"] = null; Parameters["Status"] = null; }
        public EntityReference EntityMoniker { get => Parameters.Contains("EntityMoniker") ? (EntityReference)Parameters["EntityMoniker"] : null; set => Parameters["EntityMoniker"] = value; }
        public OptionSetValue State { get => Parameters.Contains("State") ? (OptionSetValue)Parameters["State"] : null; set => Parameters["State"] = value; }
        public OptionSetValue Status { get => Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : null; set => Parameters["Status"] = value; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class SetStateResponse : OrganizationResponse
    {
        public SetStateResponse() { }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class QualifyLeadRequest : OrganizationRequest
    {
        public QualifyLeadRequest()
        {
            RequestName = "QualifyLead";
            Parameters["LeadId"] = null;
            Parameters["CreateAccount"] = false;
            Parameters["CreateContact"] = false;
            Parameters["CreateOpportunity"] = false;
        }
        public EntityReference LeadId { get => Get<EntityReference>("LeadId"); set => Parameters["LeadId"] = value; }
        public bool CreateAccount { get => Get<bool>("CreateAccount"); set => Parameters["CreateAccount"] = value; }
        public bool CreateContact { get => Get<bool>("CreateContact"); set => Parameters["CreateContact"] = value; }
        public bool CreateOpportunity { get => Get<bool>("CreateOpportunity"); set => Parameters["CreateOpportunity"] = value; }
        public EntityReference OpportunityCurrencyId { get => Get<EntityReference>("OpportunityCurrencyId"); set => Parameters["OpportunityCurrencyId"] = value; }
        public EntityReference OpportunityCustomerId { get => Get<EntityReference>("OpportunityCustomerId"); set => Parameters["OpportunityCustomerId"] = value; }
        public EntityReference SourceCampaignId { get => Get<EntityReference>("SourceCampaignId"); set => Parameters["SourceCampaignId"] = value; }
        public OptionSetValue Status { get => Get<OptionSetValue>("Status"); set => Parameters["Status"] = value; }
        public EntityReference ProcessInstanceId { get => Get<EntityReference>("ProcessInstanceId"); set => Parameters["ProcessInstanceId"] = value; }

        private T Get<T>(string key) => Parameters.Contains(key) ? (T)Parameters[key] : default(T);
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class QualifyLeadResponse : OrganizationResponse
    {
        public QualifyLeadResponse() { }
        public EntityReferenceCollection CreatedEntities => Results.Contains("CreatedEntities") ? (EntityReferenceCollection)Results["CreatedEntities"] : null;
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class WhoAmIRequest : OrganizationRequest
    {
        public WhoAmIRequest() { RequestName = "WhoAmI"; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class WhoAmIResponse : OrganizationResponse
    {
        public WhoAmIResponse() { }
        public Guid UserId => Results.Contains("UserId") ? (Guid)Results["UserId"] : default(Guid);
        public Guid BusinessUnitId => Results.Contains("BusinessUnitId") ? (Guid)Results["BusinessUnitId"] : default(Guid);
        public Guid OrganizationId => Results.Contains("OrganizationId") ? (Guid)Results["OrganizationId"] : default(Guid);
    }
}
