using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>Platform error codes the in-memory Dataverse raises (values from the platform's ErrorCodes list).</summary>
public static class ErrorCodes
{
    public const int ObjectDoesNotExist = -2147220969;
    public const int DuplicateRecord = -2147220937;
    public const int DuplicateRecordEntityKey = -2147088238;
    public const int EntityKeyNotDefined = -2147088240;
    public const int QueryBuilderNoAttribute = -2147217149;
    public const int QueryBuilderNoEntity = -2147217150;
    public const int QueryBuilderInvalidConditionOperator = -2147217120;
    public const int SdkCorrelationTokenDepthTooHigh = -2147204734;
    public const int InvalidStateCodeStatusCode = -2147187704;
    public const int IsvAborted = -2147220891;
    public const int IsvUnExpected = -2147220956;
    public const int InvalidArgument = -2147220989;
    public const int StringLengthTooLong = -2147204303;
    public const int PicklistValueOutOfRange = -2147204326;
    public const int IntegerValueOutOfRange = -2147204305;
    public const int TransactionNotStarted = -2147220911;
    public const int NotSupported = -2147220715;
    public const int InvalidQuery = -2147204733;
    public const int UnExpected = -2147220970;
    /// <summary>More rows than an aggregate query may evaluate (docs: "Aggregate data using FetchXml", Limitations).</summary>
    public const int AggregateQueryRecordLimit = -2147164125;
}

/// <summary>A harness gap, never a server behaviour: thrown unwrapped so no plug-in catch block can mistake it for a fault.</summary>
public sealed class NotSimulatedException : NotSupportedException
{
    public NotSimulatedException(string message) : base(message) { }
}

/// <summary>Builds FaultException&lt;OrganizationServiceFault&gt; with the server's codes and texts.</summary>
public static class Faults
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static FaultException<OrganizationServiceFault> Create(int errorCode, string message, IDictionary<string, string>? details = null, OrganizationServiceFault? inner = null)
    {
        var fault = new OrganizationServiceFault { ErrorCode = errorCode, Message = message, Timestamp = DateTime.UtcNow, InnerFault = inner };
        if (details != null)
            foreach (var pair in details) fault.ErrorDetails[pair.Key] = pair.Value;
        return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
    }

    internal static FaultException<OrganizationServiceFault> DoesNotExist(string entityName, Guid id)
        => Create(ErrorCodes.ObjectDoesNotExist, string.Format(Invariant, "{0} With Id = {1:D} Does Not Exist", entityName, id));

    internal static FaultException<OrganizationServiceFault> NoAttribute(string entityName, string attribute)
        => Create(ErrorCodes.QueryBuilderNoAttribute,
            "'" + entityName + "' entity doesn't contain attribute with Name = '" + attribute + "' and NameMapping = 'Logical'. (look up attribute by name is case-sensitive)");

    internal static FaultException<OrganizationServiceFault> EntityDoesNotExistInMetadata(string? entityName)
        => Create(ErrorCodes.QueryBuilderNoEntity, "The entity with a name = '" + entityName + "' with namemapping = 'Logical' was not found in the MetadataCache.");

    internal static FaultException<OrganizationServiceFault> DuplicateKey()
        => Create(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key.");

    internal static FaultException<OrganizationServiceFault> DepthTooHigh()
        => Create(ErrorCodes.SdkCorrelationTokenDepthTooHigh,
            "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again. For information about workflow logic, see Help.");

    internal static FaultException<OrganizationServiceFault> InvalidStatus(TableSchema table, int state, int status, Guid id)
        => Create(ErrorCodes.InvalidStateCodeStatusCode, string.Format(Invariant,
            "{0} is not a valid status code for state code {1}.{2} on {3} with Id {4:D}.",
            status, table.StateTypeName, new string(table.StateLabel(state).Where(char.IsLetterOrDigit).ToArray()), table.LogicalName, id));

    internal static FaultException<OrganizationServiceFault> InvalidState(TableSchema table, int state)
        => Create(ErrorCodes.InvalidStateCodeStatusCode, string.Format(Invariant, "{0} is not a valid state code on {1}.", state, table.LogicalName));

    internal static FaultException<OrganizationServiceFault> StringTooLong(string entity, string attribute, int maxLength)
        => Create(ErrorCodes.StringLengthTooLong, string.Format(Invariant,
            "A validation error occurred. The length of the '{0}' attribute of the '{1}' entity exceeded the maximum allowed length of '{2}'.", attribute, entity, maxLength));

    internal static FaultException<OrganizationServiceFault> InvalidChoice(string entity, string attribute, int value, IEnumerable<int> accepted)
        => Create(ErrorCodes.PicklistValueOutOfRange, string.Format(Invariant,
            "A validation error occurred. The value {0} of '{1}' on record of type '{2}' is outside the valid range. Accepted Values: {3}",
            value, attribute, entity, string.Join(",", accepted.OrderBy(v => v))));

    internal static FaultException<OrganizationServiceFault> IntegerOutOfRange(string entity, string attribute, long value)
        => Create(ErrorCodes.IntegerValueOutOfRange, string.Format(Invariant,
            "A validation error occurred. An integer provided is outside of the allowed values for this attribute. Attribute: {0}, Entity: {1}, Value: {2}", attribute, entity, value));

    internal static FaultException<OrganizationServiceFault> WrongType(string entity, string attribute, object value, string expected)
        => Create(ErrorCodes.InvalidArgument, string.Format(Invariant,
            "Incorrect attribute value type {0} for attribute '{1}' of entity '{2}'; expected {3}.", value.GetType().FullName, attribute, entity, expected));

    internal static FaultException<OrganizationServiceFault> RequiredField(string field)
        => Create(ErrorCodes.InvalidArgument, "Required field '" + field + "' is missing");

    internal static FaultException<OrganizationServiceFault> InvalidArgument(string message)
        => Create(ErrorCodes.InvalidArgument, message);

    internal static FaultException<OrganizationServiceFault> ConditionValueCount(string op, int expected, int actual, string attribute)
        => Create(ErrorCodes.InvalidArgument, string.Format(Invariant,
            "The ConditionOperator.{0} requires {1} value/s, not {2}. Parameter Name: {3}", op, expected, actual, attribute));

    internal static FaultException<OrganizationServiceFault> ConditionRequiresNoValues(string op)
        => Create(ErrorCodes.InvalidArgument, "Condition operator '" + op + "' requires that no values are set");

    internal static FaultException<OrganizationServiceFault> TopCountWithPaging(int top)
        => Create(ErrorCodes.InvalidArgument, string.Format(Invariant,
            "The Top.Count = {0} can't be specified with pagingInfo: You can't set both a PageInfo and a TopCount property at the same time.", top));

    internal static FaultException<OrganizationServiceFault> NoActiveTransaction()
        => Create(ErrorCodes.TransactionNotStarted,
            "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing.");
}
