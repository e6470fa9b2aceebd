// Contract of the plug-in entry point and execution context (Microsoft.Xrm.Sdk 9.0.2.56, see shared/spec/sdk-surface.md §2.1-2.2).
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using System.ServiceModel;
using System.Text;

namespace Microsoft.Xrm.Sdk
{
    public interface IPlugin
    {
        void Execute(IServiceProvider serviceProvider);
    }

    public interface IExecutionContext
    {
        int Mode { get; }
        int IsolationMode { get; }
        int Depth { get; }
        string MessageName { get; }
        string PrimaryEntityName { get; }
        Guid? RequestId { get; }
        string SecondaryEntityName { get; }
        ParameterCollection InputParameters { get; }
        ParameterCollection OutputParameters { get; }
        ParameterCollection SharedVariables { get; }
        Guid UserId { get; }
        Guid InitiatingUserId { get; }
        Guid BusinessUnitId { get; }
        Guid OrganizationId { get; }
        string OrganizationName { get; }
        Guid PrimaryEntityId { get; }
        EntityImageCollection PreEntityImages { get; }
        EntityImageCollection PostEntityImages { get; }
        EntityReference OwningExtension { get; }
        Guid CorrelationId { get; }
        bool IsExecutingOffline { get; }
        bool IsOfflinePlayback { get; }
        bool IsInTransaction { get; }
        Guid OperationId { get; }
        DateTime OperationCreatedOn { get; }
    }

    public interface IPluginExecutionContext : IExecutionContext
    {
        int Stage { get; }
        IPluginExecutionContext ParentContext { get; }
    }

    public interface IPluginExecutionContext2 : IPluginExecutionContext
    {
        Guid UserAzureActiveDirectoryObjectId { get; }
        Guid InitiatingUserAzureActiveDirectoryObjectId { get; }
        Guid InitiatingUserApplicationId { get; }
        Guid PortalsContactId { get; }
        bool IsPortalsClientCall { get; }
    }

    public interface IPluginExecutionContext3 : IPluginExecutionContext2
    {
        Guid AuthenticatedUserId { get; }
    }

    public interface IPluginExecutionContext4 : IPluginExecutionContext3
    {
        EntityImageCollection[] PreEntityImagesCollection { get; }
        EntityImageCollection[] PostEntityImagesCollection { get; }
    }

    public interface ITracingService
    {
        void Trace(string format, params object[] args);
    }

    [ServiceContract(Name = "IOrganizationService", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts/Services")]
    public interface IOrganizationService
    {
        [OperationContract] [FaultContract(typeof(OrganizationServiceFault))] Guid Create(Entity entity);
        [OperationContract] [FaultContract(typeof(OrganizationServiceFault))] Entity Retrieve(string entityName, Guid id, Query.ColumnSet columnSet);
        [OperationContract] [FaultContract(typeof(OrganizationServiceFault))] void Update(Entity entity);
        [OperationContract] [FaultContract(typeof(OrganizationServiceFault))] void Delete(string entityName, Guid id);
        [OperationContract] [FaultContract(typeof(OrganizationServiceFault))] OrganizationResponse Execute(OrganizationRequest request);
        [OperationContract] [FaultContract(typeof(OrganizationServiceFault))] void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);
        [OperationContract] [FaultContract(typeof(OrganizationServiceFault))] void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);
        [OperationContract] [FaultContract(typeof(OrganizationServiceFault))] EntityCollection RetrieveMultiple(Query.QueryBase query);
    }

    public interface IOrganizationServiceFactory
    {
        IOrganizationService CreateOrganizationService(Guid? userId);
    }

    public enum OperationStatus
    {
        Failed = 0,
        Canceled = 1,
        Retry = 2,
        Suspended = 3,
        Succeeded = 4,
    }

    public enum PluginHttpStatusCode
    {
        NotSet = 0,
        BadRequest = 400,
        Unauthorized = 401,
        Forbidden = 403,
        NotFound = 404,
        MethodNotAllowed = 405,
        RequestTimeout = 408,
        Conflict = 409,
        Gone = 410,
        PreconditionFailed = 412,
        RequestEntityTooLarge = 413,
        ExpectationFailed = 417,
        FailedDependency = 424,
        TooManyRequests = 429,
        InternalServerError = 500,
        BadGateway = 502,
        ServiceUnavailable = 503,
        GatewayTimeout = 504,
    }

    // Behaviour observed on Microsoft.Xrm.Sdk 9.0.2.56: ErrorCode is the exception's HResult (COR_E_EXCEPTION,
    // 0x80131500, unless a constructor takes an errorCode); the status-only constructor leaves Message empty;
    // ExceptionDetails is an empty dictionary unless a constructor is handed one, which is kept as is (even null);
    // ToString() lists status, HTTP status, inner exception and details, not the message.
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception
    {
        private Dictionary<string, string> _exceptionDetails = new Dictionary<string, string>();

        public InvalidPluginExecutionException() { }
        public InvalidPluginExecutionException(OperationStatus status) : base(string.Empty) { Status = status; }
        public InvalidPluginExecutionException(string message) : base(message) { }
        public InvalidPluginExecutionException(OperationStatus status, string message) : base(message) { Status = status; }
        public InvalidPluginExecutionException(string message, Exception exception) : base(message, exception) { }
        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message) : base(message)
        {
            Status = status;
            HResult = errorCode;
        }
        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus) : base(message) { HttpStatus = httpStatus; }
        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus, Dictionary<string, string> exceptionDetails) : this(message, httpStatus)
        {
            _exceptionDetails = exceptionDetails;
        }
        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus) : this(status, errorCode, message)
        {
            HttpStatus = httpStatus;
        }
        public InvalidPluginExecutionException(string message, Dictionary<string, string> exceptionDetails) : base(message) { _exceptionDetails = exceptionDetails; }
        public InvalidPluginExecutionException(OperationStatus status, string message, Dictionary<string, string> exceptionDetails) : this(status, message)
        {
            _exceptionDetails = exceptionDetails;
        }

        private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
            Status = (OperationStatus)info.GetInt32(nameof(Status));
            HttpStatus = (PluginHttpStatusCode)info.GetInt32(nameof(HttpStatus));
        }

        public OperationStatus Status { get; private set; }
        public int ErrorCode => HResult;
        public PluginHttpStatusCode HttpStatus { get; private set; }
        public IReadOnlyDictionary<string, string> ExceptionDetails => _exceptionDetails;

        [System.Security.SecurityCritical]
        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue(nameof(Status), (int)Status);
            info.AddValue(nameof(HttpStatus), (int)HttpStatus);
        }

        public override string ToString()
        {
            var text = new StringBuilder();
            text.AppendLine("_status: " + Status);
            text.AppendLine("_httpStatusCode: " + HttpStatus);
            if (InnerException != null) text.AppendLine("InnerException: " + InnerException);
            if (_exceptionDetails != null && _exceptionDetails.Count > 0)
            {
                text.AppendLine("Exception Details:");
                foreach (var pair in _exceptionDetails) text.AppendLine(pair.Key + ": " + pair.Value);
            }
            return text.ToString();
        }
    }
}
