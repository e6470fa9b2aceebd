// Request/response base types and faults of Microsoft.Xrm.Sdk 9.0.2.56 (shared/spec/sdk-surface.md §2.5).
using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    // [KnownType]s: the subset of 9.0.2.56's 61 that names types these contracts define.
    [KnownType(typeof(Messages.AssociateRequest))]
    [KnownType(typeof(Messages.CreateMultipleRequest))]
    [KnownType(typeof(Messages.CreateRequest))]
    [KnownType(typeof(Messages.DeleteRequest))]
    [KnownType(typeof(Messages.DisassociateRequest))]
    [KnownType(typeof(Messages.ExecuteMultipleRequest))]
    [KnownType(typeof(Messages.RetrieveMultipleRequest))]
    [KnownType(typeof(Messages.RetrieveRequest))]
    [KnownType(typeof(Messages.UpdateMultipleRequest))]
    [KnownType(typeof(Messages.UpdateRequest))]
    [KnownType(typeof(Messages.UpsertRequest))]
    [KnownType(typeof(OrganizationRequest))]
    [DataContract(Name = "OrganizationRequest", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public class OrganizationRequest : IExtensibleDataObject
    {
        private ParameterCollection _parameters;

        public OrganizationRequest() { }
        public OrganizationRequest(string requestName) { RequestName = requestName; }

        [DataMember] public string RequestName { get; set; }

        public object this[string parameterName]
        {
            get => Parameters[parameterName];
            set => Parameters[parameterName] = value;
        }

        [DataMember]
        public ParameterCollection Parameters
        {
            get => _parameters ?? (_parameters = new ParameterCollection());
            set => _parameters = value;
        }

        [DataMember] public Guid? RequestId { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    // [KnownType]s: the subset of 9.0.2.56's 61 that names types these contracts define.
    [KnownType(typeof(Messages.AssociateResponse))]
    [KnownType(typeof(Messages.CreateMultipleResponse))]
    [KnownType(typeof(Messages.CreateResponse))]
    [KnownType(typeof(Messages.DeleteResponse))]
    [KnownType(typeof(Messages.DisassociateResponse))]
    [KnownType(typeof(Messages.ExecuteMultipleResponse))]
    [KnownType(typeof(Messages.RetrieveMultipleResponse))]
    [KnownType(typeof(Messages.RetrieveResponse))]
    [KnownType(typeof(Messages.UpdateMultipleResponse))]
    [KnownType(typeof(Messages.UpdateResponse))]
    [KnownType(typeof(Messages.UpsertResponse))]
    [KnownType(typeof(OrganizationResponse))]
    [DataContract(Name = "OrganizationResponse", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public class OrganizationResponse : IExtensibleDataObject
    {
        private ParameterCollection _results;

        public OrganizationResponse() { }

        [DataMember] public string ResponseName { get; set; }

        public object this[string parameterName]
        {
            get => Results[parameterName];
            set => Results[parameterName] = value;
        }

        [DataMember]
        public ParameterCollection Results
        {
            get => _results ?? (_results = new ParameterCollection());
            set => _results = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [CollectionDataContract(Name = "OrganizationRequestCollection", Namespace = "http://schemas.microsoft.com/xrm/2012/Contracts")]
    [KnownType(typeof(EntityImageCollection))]
    public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
    {
        public OrganizationRequestCollection() { }
    }

    [DataContract(Name = "ExecuteMultipleSettings", Namespace = "http://schemas.microsoft.com/xrm/2012/Contracts")]
    public sealed class ExecuteMultipleSettings : IExtensibleDataObject
    {
        public ExecuteMultipleSettings() { }
        [DataMember] public bool ContinueOnError { get; set; }
        [DataMember] public bool ReturnResponses { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "ExecuteMultipleResponseItem", Namespace = "http://schemas.microsoft.com/xrm/2012/Contracts")]
    public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
    {
        public ExecuteMultipleResponseItem() { }
        [DataMember] public int RequestIndex { get; set; }
        [DataMember] public OrganizationResponse Response { get; set; }
        [DataMember] public OrganizationServiceFault Fault { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    [CollectionDataContract(Name = "OrganizationResponseCollection", Namespace = "http://schemas.microsoft.com/xrm/2012/Contracts")]
    public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
    {
        public ExecuteMultipleResponseItemCollection() { }
    }

    [Serializable]
    [DataContract(Name = "BaseServiceFault", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [KnownType(typeof(OrganizationServiceFault))] // 9.0.2.56 also lists DiscoveryServiceFault, ExecuteTransactionFault (not in these contracts)
    public abstract class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection _errorDetails;

        protected BaseServiceFault() { }

        [DataMember] public string Message { get; set; }
        [DataMember] public int ErrorCode { get; set; }
        [DataMember] public string HelpLink { get; set; }
        [DataMember] public DateTime Timestamp { get; set; }
        [DataMember] public Guid ActivityId { get; set; }

        [DataMember]
        public ErrorDetailCollection ErrorDetails
        {
            get => _errorDetails ?? (_errorDetails = new ErrorDetailCollection());
            set => _errorDetails = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [Serializable]
    [DataContract(Name = "OrganizationServiceFault", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault() { }
        [DataMember] public string TraceText { get; set; }
        [DataMember] public OrganizationServiceFault InnerFault { get; set; }

        public override string ToString() => "OrganizationServiceFault ErrorCode=" + ErrorCode + " Message=" + Message;
    }
}
