using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

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
