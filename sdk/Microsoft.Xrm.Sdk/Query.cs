// Query classes and enums of Microsoft.Xrm.Sdk.Query 9.0.2.56 (shared/spec/sdk-surface.md §2.6-2.8).
// Enum numbers are the binary's, not Learn's (Under = 75 ... AboveOrEqual = 79).
using System;
using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    [KnownType(typeof(QueryExpression))]
    [KnownType(typeof(QueryByAttribute))]
    [KnownType(typeof(FetchExpression))]
    [DataContract(Name = "QueryBase", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public abstract class QueryBase : IExtensibleDataObject
    {
        protected QueryBase() { }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "QueryExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class QueryExpression : QueryBase
    {
        public QueryExpression() : this(null) { }

        public QueryExpression(string entityName)
        {
            EntityName = entityName;
            ColumnSet = new ColumnSet();
            Criteria = new FilterExpression();
            PageInfo = new PagingInfo();
            LinkEntities = new DataCollection<LinkEntity>();
            Orders = new DataCollection<OrderExpression>();
        }

        [DataMember] public bool Distinct { get; set; }
        [DataMember(Order = 50)] public bool NoLock { get; set; }
        [DataMember] public PagingInfo PageInfo { get; set; }
        [DataMember] public DataCollection<LinkEntity> LinkEntities { get; private set; }
        [DataMember] public FilterExpression Criteria { get; set; }
        [DataMember] public DataCollection<OrderExpression> Orders { get; private set; }
        [DataMember] public string EntityName { get; set; }
        [DataMember] public ColumnSet ColumnSet { get; set; }
        [DataMember(Order = 50, EmitDefaultValue = false)] public int? TopCount { get; set; }

        public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));

        public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
            => Orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
            => AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }

    [DataContract(Name = "QueryByAttribute", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class QueryByAttribute : QueryBase
    {
        // As in 9.0.2.56: only the parameterless constructor creates ColumnSet and PageInfo;
        // QueryByAttribute(entityName) leaves both null.
        public QueryByAttribute()
        {
            Attributes = new DataCollection<string>();
            Values = new DataCollection<object>();
            Orders = new DataCollection<OrderExpression>();
            ColumnSet = new ColumnSet();
            PageInfo = new PagingInfo();
        }

        public QueryByAttribute(string entityName)
        {
            EntityName = entityName;
            Attributes = new DataCollection<string>();
            Values = new DataCollection<object>();
            Orders = new DataCollection<OrderExpression>();
        }

        [DataMember] public string EntityName { get; set; }
        [DataMember] public DataCollection<string> Attributes { get; private set; }
        [DataMember] public DataCollection<object> Values { get; private set; }
        [DataMember] public PagingInfo PageInfo { get; set; }
        [DataMember] public ColumnSet ColumnSet { get; set; }
        [DataMember] public DataCollection<OrderExpression> Orders { get; private set; }
        [DataMember(Order = 50)] public int? TopCount { get; set; }

        public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));

        public void AddAttributeValue(string attributeName, object value)
        {
            Attributes.Add(attributeName);
            Values.Add(value);
        }
    }

    [DataContract(Name = "FetchExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class FetchExpression : QueryBase
    {
        public FetchExpression() { }
        public FetchExpression(string query) { Query = query; }
        [DataMember] public string Query { get; set; }
    }

    [DataContract(Name = "ColumnSet", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ColumnSet : IExtensibleDataObject
    {
        private DataCollection<string> _columns;

        public ColumnSet() { }
        public ColumnSet(bool allColumns) { AllColumns = allColumns; }
        public ColumnSet(params string[] columns) { _columns = DataCollection<string>.CopyOf(columns); }

        [DataMember] public bool AllColumns { get; set; }

        [DataMember]
        public DataCollection<string> Columns
        {
            get => _columns ?? (_columns = new DataCollection<string>());
            set => _columns = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddColumns(params string[] columns)
        {
            foreach (var column in columns) Columns.Add(column); // null throws NullReferenceException, as in 9.0.2.56
        }
        public void AddColumn(string column) => Columns.Add(column);
    }

    [DataContract(Name = "FilterExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class FilterExpression : IExtensibleDataObject
    {
        public FilterExpression() : this(LogicalOperator.And) { }

        public FilterExpression(LogicalOperator filterOperator)
        {
            FilterOperator = filterOperator;
            Conditions = new DataCollection<ConditionExpression>();
            Filters = new DataCollection<FilterExpression>();
        }

        [DataMember] public LogicalOperator FilterOperator { get; set; }
        [DataMember(Order = 82, EmitDefaultValue = false)] public string FilterHint { get; set; }
        [DataMember] public DataCollection<ConditionExpression> Conditions { get; private set; }
        [DataMember] public DataCollection<FilterExpression> Filters { get; private set; }
        [DataMember(Order = 51, EmitDefaultValue = false)] public bool IsQuickFindFilter { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
            => Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
            => Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));

        public void AddCondition(ConditionExpression condition) => Conditions.Add(condition);

        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var child = new FilterExpression(logicalOperator);
            Filters.Add(child);
            return child;
        }

        public void AddFilter(FilterExpression childFilter)
        {
            if (childFilter != null) Filters.Add(childFilter);
        }
    }

    [DataContract(Name = "ConditionExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ConditionExpression : IExtensibleDataObject
    {
        public ConditionExpression() { Values = new DataCollection<object>(); }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(null, attributeName, conditionOperator, false, values) { }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(entityName, attributeName, conditionOperator, false, values) { }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            EntityName = entityName;
            AttributeName = attributeName;
            Operator = conditionOperator;
            CompareColumns = compareColumns;
            Values = DataCollection<object>.CopyOf(values);
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(entityName, attributeName, conditionOperator, compareColumns, new[] { value }) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(null, attributeName, conditionOperator, compareColumns, new[] { value }) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
            : this(null, attributeName, conditionOperator, compareColumns, values) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
            : this(null, attributeName, conditionOperator, false, new[] { value }) { }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
            : this(entityName, attributeName, conditionOperator, false, new[] { value }) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
            : this(null, attributeName, conditionOperator, false, (object[])null) { }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
            : this(entityName, attributeName, conditionOperator, false, (object[])null) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
            : this(null, attributeName, conditionOperator, false, (object[])null)
        {
            if (values == null) return;
            foreach (var value in values) Values.Add(value);
        }

        [DataMember(Order = 60)] public string EntityName { get; set; }
        [DataMember] public bool CompareColumns { get; set; }
        [DataMember] public string AttributeName { get; set; }
        [DataMember] public ConditionOperator Operator { get; set; }
        [DataMember] public DataCollection<object> Values { get; private set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "LinkEntity", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class LinkEntity : IExtensibleDataObject
    {
        public LinkEntity()
        {
            LinkCriteria = new FilterExpression();
            LinkEntities = new DataCollection<LinkEntity>();
            Columns = new ColumnSet();
            Orders = new DataCollection<OrderExpression>();
        }

        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
            : this()
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
        }

        [DataMember] public string LinkFromAttributeName { get; set; }
        [DataMember] public string LinkFromEntityName { get; set; }
        [DataMember] public string LinkToEntityName { get; set; }
        [DataMember] public string LinkToAttributeName { get; set; }
        [DataMember] public JoinOperator JoinOperator { get; set; }
        [DataMember] public FilterExpression LinkCriteria { get; set; }
        [DataMember] public DataCollection<LinkEntity> LinkEntities { get; private set; }
        [DataMember] public ColumnSet Columns { get; set; }
        [DataMember] public string EntityAlias { get; set; }
        [DataMember(Order = 80)] public DataCollection<OrderExpression> Orders { get; private set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
            => AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            // 9.0.2.56 passes this link's LinkFromEntityName (not its LinkToEntityName) as the new link's "from" entity.
            var link = new LinkEntity(LinkFromEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }

    [DataContract(Name = "OrderExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class OrderExpression : IExtensibleDataObject
    {
        public OrderExpression() { }
        public OrderExpression(string attributeName, OrderType orderType) { AttributeName = attributeName; OrderType = orderType; }
        public OrderExpression(string attributeName, OrderType orderType, string alias) : this(attributeName, orderType) { Alias = alias; }
        public OrderExpression(string attributeName, OrderType orderType, string alias, string entityName) : this(attributeName, orderType, alias) { EntityName = entityName; }

        [DataMember] public string AttributeName { get; set; }
        [DataMember] public OrderType OrderType { get; set; }
        [DataMember] public string Alias { get; set; }
        [DataMember] public string EntityName { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "PagingInfo", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class PagingInfo : IExtensibleDataObject
    {
        public PagingInfo() { }
        [DataMember] public int PageNumber { get; set; }
        [DataMember] public int Count { get; set; }
        [DataMember] public bool ReturnTotalRecordCount { get; set; }
        [DataMember] public string PagingCookie { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "LogicalOperator", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum LogicalOperator
    {
        [EnumMember] And = 0,
        [EnumMember] Or = 1,
    }

    [DataContract(Name = "OrderType", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum OrderType
    {
        [EnumMember] Ascending = 0,
        [EnumMember] Descending = 1,
    }

    [DataContract(Name = "JoinOperator", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum JoinOperator
    {
        [EnumMember] Inner = 0,
        [EnumMember] LeftOuter = 1,
        [EnumMember] Natural = 2,
        [EnumMember] MatchFirstRowUsingCrossApply = 3,
        [EnumMember] In = 4,
        [EnumMember] Exists = 5,
        [EnumMember] Any = 6,
        [EnumMember] NotAny = 7,
        [EnumMember] All = 8,
        [EnumMember] NotAll = 9,
    }

    [DataContract(Name = "ConditionOperator", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum ConditionOperator
    {
        [EnumMember] Equal = 0,
        [EnumMember] NotEqual = 1,
        [EnumMember] GreaterThan = 2,
        [EnumMember] LessThan = 3,
        [EnumMember] GreaterEqual = 4,
        [EnumMember] LessEqual = 5,
        [EnumMember] Like = 6,
        [EnumMember] NotLike = 7,
        [EnumMember] In = 8,
        [EnumMember] NotIn = 9,
        [EnumMember] Between = 10,
        [EnumMember] NotBetween = 11,
        [EnumMember] Null = 12,
        [EnumMember] NotNull = 13,
        [EnumMember] Yesterday = 14,
        [EnumMember] Today = 15,
        [EnumMember] Tomorrow = 16,
        [EnumMember] Last7Days = 17,
        [EnumMember] Next7Days = 18,
        [EnumMember] LastWeek = 19,
        [EnumMember] ThisWeek = 20,
        [EnumMember] NextWeek = 21,
        [EnumMember] LastMonth = 22,
        [EnumMember] ThisMonth = 23,
        [EnumMember] NextMonth = 24,
        [EnumMember] On = 25,
        [EnumMember] OnOrBefore = 26,
        [EnumMember] OnOrAfter = 27,
        [EnumMember] LastYear = 28,
        [EnumMember] ThisYear = 29,
        [EnumMember] NextYear = 30,
        [EnumMember] LastXHours = 31,
        [EnumMember] NextXHours = 32,
        [EnumMember] LastXDays = 33,
        [EnumMember] NextXDays = 34,
        [EnumMember] LastXWeeks = 35,
        [EnumMember] NextXWeeks = 36,
        [EnumMember] LastXMonths = 37,
        [EnumMember] NextXMonths = 38,
        [EnumMember] LastXYears = 39,
        [EnumMember] NextXYears = 40,
        [EnumMember] EqualUserId = 41,
        [EnumMember] NotEqualUserId = 42,
        [EnumMember] EqualBusinessId = 43,
        [EnumMember] NotEqualBusinessId = 44,
        [EnumMember] ChildOf = 45,
        [EnumMember] Mask = 46,
        [EnumMember] NotMask = 47,
        [EnumMember] MasksSelect = 48,
        [EnumMember] Contains = 49,
        [EnumMember] DoesNotContain = 50,
        [EnumMember] EqualUserLanguage = 51,
        [EnumMember] NotOn = 52,
        [EnumMember] OlderThanXMonths = 53,
        [EnumMember] BeginsWith = 54,
        [EnumMember] DoesNotBeginWith = 55,
        [EnumMember] EndsWith = 56,
        [EnumMember] DoesNotEndWith = 57,
        [EnumMember] ThisFiscalYear = 58,
        [EnumMember] ThisFiscalPeriod = 59,
        [EnumMember] NextFiscalYear = 60,
        [EnumMember] NextFiscalPeriod = 61,
        [EnumMember] LastFiscalYear = 62,
        [EnumMember] LastFiscalPeriod = 63,
        [EnumMember] LastXFiscalYears = 64,
        [EnumMember] LastXFiscalPeriods = 65,
        [EnumMember] NextXFiscalYears = 66,
        [EnumMember] NextXFiscalPeriods = 67,
        [EnumMember] InFiscalYear = 68,
        [EnumMember] InFiscalPeriod = 69,
        [EnumMember] InFiscalPeriodAndYear = 70,
        [EnumMember] InOrBeforeFiscalPeriodAndYear = 71,
        [EnumMember] InOrAfterFiscalPeriodAndYear = 72,
        [EnumMember] EqualUserTeams = 73,
        [EnumMember] EqualUserOrUserTeams = 74,
        [EnumMember] Under = 75,
        [EnumMember] NotUnder = 76,
        [EnumMember] UnderOrEqual = 77,
        [EnumMember] Above = 78,
        [EnumMember] AboveOrEqual = 79,
        [EnumMember] EqualUserOrUserHierarchy = 80,
        [EnumMember] EqualUserOrUserHierarchyAndTeams = 81,
        [EnumMember] OlderThanXYears = 82,
        [EnumMember] OlderThanXWeeks = 83,
        [EnumMember] OlderThanXDays = 84,
        [EnumMember] OlderThanXHours = 85,
        [EnumMember] OlderThanXMinutes = 86,
        [EnumMember] ContainValues = 87,
        [EnumMember] DoesNotContainValues = 88,
        [EnumMember] EqualRoleBusinessId = 89,
    }
}
