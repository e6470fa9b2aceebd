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
