using System.Reflection;
using System.Runtime.Serialization;
using LeadPlugins.Sdk.Tests.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Sdk.Tests;

/// <summary>
/// The contracts against the tables of shared/spec/sdk-surface.md (read there from Microsoft's 9.0.2.56 / Workflow 9.0.2.34
/// binaries). The expected values below are copied from the spec, not from the contracts: enum numbers (§2.2, §2.4, §2.7),
/// [DataContract]/[CollectionDataContract] names and namespaces (§2.3–§2.6), and each type's kind, modifiers, base type,
/// declared interfaces and [Serializable] (§2.1–§2.9, checked on the net462 build that a plug-in compiles against).
/// </summary>
[TestClass]
public sealed class SpecTests
{
    /// <summary>Types of the spec that our subset deliberately does not define (§2.10 rule 3: a subset is fine).</summary>
    private static readonly string[] SpecTypesNotInOurSubset =
    [
        "Microsoft.Xrm.Sdk.IPluginExecutionContext5", "Microsoft.Xrm.Sdk.IPluginExecutionContext6", "Microsoft.Xrm.Sdk.IPluginExecutionContext7",
        "Microsoft.Xrm.Sdk.IPluginExecutionContextExtensions", "Microsoft.Xrm.Sdk.IServiceEndpointNotificationService",
        "Microsoft.Xrm.Sdk.Messages.UpsertMultipleRequest", "Microsoft.Xrm.Sdk.Messages.UpsertMultipleResponse",
        "Microsoft.Xrm.Sdk.Workflow.ArgumentRequiredAttribute",
    ];

    /// <summary>
    /// Public contract types that the spec does not list but that exist, with the same shape, in Microsoft.Xrm.Sdk 9.0.2.56
    /// (checked once against the binary: see README "How compatibility is proven").
    /// </summary>
    private static readonly string[] BinaryVerifiedExtras =
    [
        "Microsoft.Xrm.Sdk.ErrorDetailCollection",
        "Microsoft.Xrm.Sdk.Messages.DeleteResponse", "Microsoft.Xrm.Sdk.Messages.AssociateResponse",
        "Microsoft.Xrm.Sdk.Messages.DisassociateRequest", "Microsoft.Xrm.Sdk.Messages.DisassociateResponse",
    ];

    // §2.7 (query enums), §2.4 (EntityRole, EntityState, ConcurrencyBehavior), §2.2 (OperationStatus, PluginHttpStatusCode).
    [TestMethod]
    [DataRow("Microsoft.Xrm.Sdk.Query.ConditionOperator", "http://schemas.microsoft.com/xrm/2011/Contracts",
        "Equal=0 NotEqual=1 GreaterThan=2 LessThan=3 GreaterEqual=4 LessEqual=5 Like=6 NotLike=7 In=8 NotIn=9 Between=10 NotBetween=11 Null=12 NotNull=13 Yesterday=14 Today=15 Tomorrow=16 Last7Days=17 Next7Days=18 LastWeek=19 ThisWeek=20 NextWeek=21 LastMonth=22 ThisMonth=23 NextMonth=24 On=25 OnOrBefore=26 OnOrAfter=27 LastYear=28 ThisYear=29 NextYear=30 LastXHours=31 NextXHours=32 LastXDays=33 NextXDays=34 LastXWeeks=35 NextXWeeks=36 LastXMonths=37 NextXMonths=38 LastXYears=39 NextXYears=40 EqualUserId=41 NotEqualUserId=42 EqualBusinessId=43 NotEqualBusinessId=44 ChildOf=45 Mask=46 NotMask=47 MasksSelect=48 Contains=49 DoesNotContain=50 EqualUserLanguage=51 NotOn=52 OlderThanXMonths=53 BeginsWith=54 DoesNotBeginWith=55 EndsWith=56 DoesNotEndWith=57 ThisFiscalYear=58 ThisFiscalPeriod=59 NextFiscalYear=60 NextFiscalPeriod=61 LastFiscalYear=62 LastFiscalPeriod=63 LastXFiscalYears=64 LastXFiscalPeriods=65 NextXFiscalYears=66 NextXFiscalPeriods=67 InFiscalYear=68 InFiscalPeriod=69 InFiscalPeriodAndYear=70 InOrBeforeFiscalPeriodAndYear=71 InOrAfterFiscalPeriodAndYear=72 EqualUserTeams=73 EqualUserOrUserTeams=74 Under=75 NotUnder=76 UnderOrEqual=77 Above=78 AboveOrEqual=79 EqualUserOrUserHierarchy=80 EqualUserOrUserHierarchyAndTeams=81 OlderThanXYears=82 OlderThanXWeeks=83 OlderThanXDays=84 OlderThanXHours=85 OlderThanXMinutes=86 ContainValues=87 DoesNotContainValues=88 EqualRoleBusinessId=89")]
    [DataRow("Microsoft.Xrm.Sdk.Query.JoinOperator", "http://schemas.microsoft.com/xrm/2011/Contracts",
        "Inner=0 LeftOuter=1 Natural=2 MatchFirstRowUsingCrossApply=3 In=4 Exists=5 Any=6 NotAny=7 All=8 NotAll=9")]
    [DataRow("Microsoft.Xrm.Sdk.Query.LogicalOperator", "http://schemas.microsoft.com/xrm/2011/Contracts",
        "And=0 Or=1")]
    [DataRow("Microsoft.Xrm.Sdk.Query.OrderType", "http://schemas.microsoft.com/xrm/2011/Contracts",
        "Ascending=0 Descending=1")]
    [DataRow("Microsoft.Xrm.Sdk.EntityRole", "http://schemas.microsoft.com/xrm/2011/Contracts",
        "Referencing=0 Referenced=1")]
    [DataRow("Microsoft.Xrm.Sdk.EntityState", "http://schemas.microsoft.com/xrm/2011/Contracts",
        "Unchanged=0 Created=1 Changed=2")]
    [DataRow("Microsoft.Xrm.Sdk.ConcurrencyBehavior", "http://schemas.microsoft.com/xrm/7.1/Contracts",
        "Default=0 IfRowVersionMatches=1 AlwaysOverwrite=2")]
    [DataRow("Microsoft.Xrm.Sdk.OperationStatus", null,
        "Failed=0 Canceled=1 Retry=2 Suspended=3 Succeeded=4")]
    [DataRow("Microsoft.Xrm.Sdk.PluginHttpStatusCode", null,
        "NotSet=0 BadRequest=400 Unauthorized=401 Forbidden=403 NotFound=404 MethodNotAllowed=405 RequestTimeout=408 Conflict=409 Gone=410 PreconditionFailed=412 RequestEntityTooLarge=413 ExpectationFailed=417 FailedDependency=424 TooManyRequests=429 InternalServerError=500 BadGateway=502 ServiceUnavailable=503 GatewayTimeout=504")]
    public void Enum_has_exactly_the_members_and_numbers_of_the_spec(string fullName, string? dataContractNamespace, string members)
    {
        var type = SdkTypes.Get(fullName);
        Assert.IsTrue(type.IsEnum);
        Assert.AreEqual(typeof(int), Enum.GetUnderlyingType(type), "underlying type");
        var expected = members.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static);
        var actual = fields.ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
        CollectionAssert.AreEquivalent(expected.Keys.ToList(), actual.Keys.ToList(), "member names");
        foreach (var (name, value) in expected) Assert.AreEqual(value, actual[name], $"{fullName}.{name}");

        var contract = type.GetCustomAttribute<DataContractAttribute>();
        if (dataContractNamespace is null)
        {
            Assert.IsNull(contract, "the spec shows no [DataContract] on this enum");
            return;
        }
        Assert.IsNotNull(contract);
        Assert.AreEqual(type.Name, contract.Name);
        Assert.AreEqual(dataContractNamespace, contract.Namespace);
        foreach (var field in fields) Assert.IsNotNull(field.GetCustomAttribute<EnumMemberAttribute>(), $"[EnumMember] on {field.Name}");
    }

    [TestMethod]
    public void ConditionOperator_has_all_90_members_and_the_binary_numbers_for_the_hierarchy_operators()
    {
        // §2.8: Learn's text is wrong for these; the compiled values are 75-79.
        Assert.HasCount(90, Enum.GetValues<Microsoft.Xrm.Sdk.Query.ConditionOperator>());
        Assert.AreEqual(75, (int)Microsoft.Xrm.Sdk.Query.ConditionOperator.Under);
        Assert.AreEqual(76, (int)Microsoft.Xrm.Sdk.Query.ConditionOperator.NotUnder);
        Assert.AreEqual(77, (int)Microsoft.Xrm.Sdk.Query.ConditionOperator.UnderOrEqual);
        Assert.AreEqual(78, (int)Microsoft.Xrm.Sdk.Query.ConditionOperator.Above);
        Assert.AreEqual(79, (int)Microsoft.Xrm.Sdk.Query.ConditionOperator.AboveOrEqual);
    }

    // §2.3-§2.6: attribute, Name (null = not set, as on the message classes) and Namespace.
    [TestMethod]
    [DataRow("Microsoft.Xrm.Sdk.Entity", "DataContract", "Entity", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.AttributeCollection", "CollectionDataContract", "AttributeCollection", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.FormattedValueCollection", "CollectionDataContract", "FormattedValueCollection", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.KeyAttributeCollection", "CollectionDataContract", "KeyAttributeCollection", "http://schemas.microsoft.com/xrm/7.1/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.RelatedEntityCollection", "CollectionDataContract", "RelatedEntityCollection", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.ParameterCollection", "CollectionDataContract", "ParameterCollection", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.EntityImageCollection", "CollectionDataContract", "EntityImageCollection", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.EntityReference", "DataContract", "EntityReference", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.EntityReferenceCollection", "CollectionDataContract", "EntityReferenceCollection", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.EntityCollection", "DataContract", "EntityCollection", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.OptionSetValue", "DataContract", "OptionSetValue", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.OptionSetValueCollection", "CollectionDataContract", "OptionSetValueCollection", "http://schemas.microsoft.com/xrm/9.0/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Money", "DataContract", "Money", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.AliasedValue", "DataContract", "AliasedValue", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Relationship", "DataContract", "Relationship", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.EntityRole", "DataContract", "EntityRole", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.EntityState", "DataContract", "EntityState", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.ConcurrencyBehavior", "DataContract", "ConcurrencyBehavior", "http://schemas.microsoft.com/xrm/7.1/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.OrganizationRequest", "DataContract", "OrganizationRequest", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.OrganizationResponse", "DataContract", "OrganizationResponse", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.OrganizationRequestCollection", "CollectionDataContract", "OrganizationRequestCollection", "http://schemas.microsoft.com/xrm/2012/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.ExecuteMultipleSettings", "DataContract", "ExecuteMultipleSettings", "http://schemas.microsoft.com/xrm/2012/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.ExecuteMultipleResponseItem", "DataContract", "ExecuteMultipleResponseItem", "http://schemas.microsoft.com/xrm/2012/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.ExecuteMultipleResponseItemCollection", "CollectionDataContract", "OrganizationResponseCollection", "http://schemas.microsoft.com/xrm/2012/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.OrganizationServiceFault", "DataContract", "OrganizationServiceFault", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.BaseServiceFault", "DataContract", "BaseServiceFault", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateRequest", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateResponse", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateRequest", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateResponse", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.DeleteRequest", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveRequest", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveResponse", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveMultipleRequest", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveMultipleResponse", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.ExecuteMultipleRequest", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.ExecuteMultipleResponse", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpsertRequest", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpsertResponse", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.AssociateRequest", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateMultipleRequest", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateMultipleResponse", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateMultipleRequest", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateMultipleResponse", "DataContract", null, "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Crm.Sdk.Messages.AssignRequest", "DataContract", null, "http://schemas.microsoft.com/crm/2011/Contracts")]
    [DataRow("Microsoft.Crm.Sdk.Messages.AssignResponse", "DataContract", null, "http://schemas.microsoft.com/crm/2011/Contracts")]
    [DataRow("Microsoft.Crm.Sdk.Messages.SetStateRequest", "DataContract", null, "http://schemas.microsoft.com/crm/2011/Contracts")]
    [DataRow("Microsoft.Crm.Sdk.Messages.SetStateResponse", "DataContract", null, "http://schemas.microsoft.com/crm/2011/Contracts")]
    [DataRow("Microsoft.Crm.Sdk.Messages.QualifyLeadRequest", "DataContract", null, "http://schemas.microsoft.com/crm/2011/Contracts")]
    [DataRow("Microsoft.Crm.Sdk.Messages.QualifyLeadResponse", "DataContract", null, "http://schemas.microsoft.com/crm/2011/Contracts")]
    [DataRow("Microsoft.Crm.Sdk.Messages.WhoAmIRequest", "DataContract", null, "http://schemas.microsoft.com/crm/2011/Contracts")]
    [DataRow("Microsoft.Crm.Sdk.Messages.WhoAmIResponse", "DataContract", null, "http://schemas.microsoft.com/crm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Query.QueryBase", "DataContract", "QueryBase", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Query.QueryExpression", "DataContract", "QueryExpression", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Query.QueryByAttribute", "DataContract", "QueryByAttribute", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Query.FetchExpression", "DataContract", "FetchExpression", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Query.ColumnSet", "DataContract", "ColumnSet", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Query.FilterExpression", "DataContract", "FilterExpression", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Query.ConditionExpression", "DataContract", "ConditionExpression", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Query.LinkEntity", "DataContract", "LinkEntity", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Query.OrderExpression", "DataContract", "OrderExpression", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    [DataRow("Microsoft.Xrm.Sdk.Query.PagingInfo", "DataContract", "PagingInfo", "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public void Type_has_the_data_contract_of_the_spec(string fullName, string attribute, string? name, string ns)
    {
        var type = SdkTypes.Get(fullName);
        var contracts = type.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(DataContractAttribute) || a.AttributeType == typeof(CollectionDataContractAttribute))
            .ToList();
        Assert.HasCount(1, contracts, "exactly one data-contract attribute");
        var data = contracts[0];
        Assert.AreEqual(attribute, data.AttributeType.Name.Replace("Attribute", string.Empty, StringComparison.Ordinal));
        var named = data.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value as string);
        Assert.AreEqual(name, named.GetValueOrDefault("Name"), "Name");
        Assert.AreEqual(ns, named.GetValueOrDefault("Namespace"), "Namespace");
    }

    // §2.1-§2.9: kind, modifiers, base type and the interfaces the spec lists, [Serializable]; read from the net462 build
    // (generic parameters written as !0/!1, types without namespace).
    [TestMethod]
    [DataRow("Microsoft.Xrm.Sdk.IPlugin", "interface", "", null, "", false)]
    [DataRow("Microsoft.Xrm.Sdk.IExecutionContext", "interface", "", null, "", false)]
    [DataRow("Microsoft.Xrm.Sdk.IPluginExecutionContext", "interface", "", null, "IExecutionContext", false)]
    [DataRow("Microsoft.Xrm.Sdk.IPluginExecutionContext2", "interface", "", null, "IPluginExecutionContext; IExecutionContext", false)]
    [DataRow("Microsoft.Xrm.Sdk.IPluginExecutionContext3", "interface", "", null, "IPluginExecutionContext2; IPluginExecutionContext; IExecutionContext", false)]
    [DataRow("Microsoft.Xrm.Sdk.IPluginExecutionContext4", "interface", "", null, "IPluginExecutionContext3; IPluginExecutionContext2; IPluginExecutionContext; IExecutionContext", false)]
    [DataRow("Microsoft.Xrm.Sdk.ITracingService", "interface", "", null, "", false)]
    [DataRow("Microsoft.Xrm.Sdk.IOrganizationService", "interface", "", null, "", false)]
    [DataRow("Microsoft.Xrm.Sdk.IOrganizationServiceFactory", "interface", "", null, "", false)]
    [DataRow("Microsoft.Xrm.Sdk.InvalidPluginExecutionException", "class", "sealed", "Exception", "", true)]
    [DataRow("Microsoft.Xrm.Sdk.OperationStatus", "enum", "", "Enum", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.PluginHttpStatusCode", "enum", "", "Enum", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Entity", "class", "", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.DataCollection`1", "class", "", "Collection<!0>", "", true)]
    [DataRow("Microsoft.Xrm.Sdk.DataCollection`2", "class", "abstract", "object", "IEnumerable<KeyValuePair<!0, !1>>; IEnumerable", true)]
    [DataRow("Microsoft.Xrm.Sdk.AttributeCollection", "class", "sealed", "DataCollection<string, object>", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.FormattedValueCollection", "class", "sealed", "DataCollection<string, string>", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.KeyAttributeCollection", "class", "sealed", "DataCollection<string, object>", "", true)]
    [DataRow("Microsoft.Xrm.Sdk.RelatedEntityCollection", "class", "sealed", "DataCollection<Relationship, EntityCollection>", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.ParameterCollection", "class", "", "DataCollection<string, object>", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.EntityImageCollection", "class", "", "DataCollection<string, Entity>", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.EntityReference", "class", "sealed", "object", "IExtensibleDataObject", true)]
    [DataRow("Microsoft.Xrm.Sdk.EntityReferenceCollection", "class", "sealed", "DataCollection<EntityReference>", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.EntityCollection", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.OptionSetValue", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.OptionSetValueCollection", "class", "sealed", "DataCollection<OptionSetValue>", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Money", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.AliasedValue", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.Relationship", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.EntityRole", "enum", "", "Enum", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.EntityState", "enum", "", "Enum", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.ConcurrencyBehavior", "enum", "", "Enum", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.OrganizationRequest", "class", "", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.OrganizationResponse", "class", "", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.OrganizationRequestCollection", "class", "sealed", "DataCollection<OrganizationRequest>", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.ExecuteMultipleSettings", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.ExecuteMultipleResponseItem", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.ExecuteMultipleResponseItemCollection", "class", "sealed", "DataCollection<ExecuteMultipleResponseItem>", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.OrganizationServiceFault", "class", "", "BaseServiceFault", "", true)]
    [DataRow("Microsoft.Xrm.Sdk.BaseServiceFault", "class", "abstract", "object", "IExtensibleDataObject", true)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.DeleteRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveMultipleRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.RetrieveMultipleResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.ExecuteMultipleRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.ExecuteMultipleResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpsertRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpsertResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.AssociateRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateMultipleRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.CreateMultipleResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateMultipleRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Messages.UpdateMultipleResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Crm.Sdk.Messages.AssignRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Crm.Sdk.Messages.AssignResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Crm.Sdk.Messages.SetStateRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Crm.Sdk.Messages.SetStateResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Crm.Sdk.Messages.QualifyLeadRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Crm.Sdk.Messages.QualifyLeadResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Crm.Sdk.Messages.WhoAmIRequest", "class", "sealed", "OrganizationRequest", "", false)]
    [DataRow("Microsoft.Crm.Sdk.Messages.WhoAmIResponse", "class", "sealed", "OrganizationResponse", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.QueryBase", "class", "abstract", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.QueryExpression", "class", "sealed", "QueryBase", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.QueryByAttribute", "class", "sealed", "QueryBase", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.FetchExpression", "class", "sealed", "QueryBase", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.ColumnSet", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.FilterExpression", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.ConditionExpression", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.LinkEntity", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.OrderExpression", "class", "sealed", "object", "IExtensibleDataObject", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.PagingInfo", "class", "sealed", "object", "IExtensibleDataObject", false)]
    // §2.7: the query enums (tables)
    [DataRow("Microsoft.Xrm.Sdk.Query.LogicalOperator", "enum", "", "Enum", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.OrderType", "enum", "", "Enum", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.JoinOperator", "enum", "", "Enum", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Query.ConditionOperator", "enum", "", "Enum", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Workflow.IWorkflowContext", "interface", "", null, "IExecutionContext", false)]
    [DataRow("Microsoft.Xrm.Sdk.Workflow.ParameterAttribute", "class", "abstract", "Attribute", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Workflow.InputAttribute", "class", "sealed", "ParameterAttribute", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Workflow.OutputAttribute", "class", "sealed", "ParameterAttribute", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Workflow.ReferenceTargetAttribute", "class", "sealed", "Attribute", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Workflow.AttributeTargetAttribute", "class", "sealed", "Attribute", "", false)]
    [DataRow("Microsoft.Xrm.Sdk.Workflow.DefaultAttribute", "class", "sealed", "Attribute", "", false)]
    public void Net462_contract_type_has_the_shape_of_the_spec(string fullName, string kind, string modifier, string? baseType, string interfaces, bool serializable)
    {
        using var contracts = OpenNet462Contracts();
        var type = contracts.Find(fullName);
        Assert.IsNotNull(type, $"{fullName} is not defined by our net462 contracts");
        Assert.IsTrue(type.IsPublic, "public");
        Assert.AreEqual(kind, type.Kind, "kind");
        var attributes = type.Definition.Attributes;
        var actualModifier = (attributes & TypeAttributes.Abstract) != 0 && (attributes & TypeAttributes.Sealed) != 0 ? "static"
            : (attributes & TypeAttributes.Interface) != 0 || kind == "enum" ? ""
            : (attributes & TypeAttributes.Abstract) != 0 ? "abstract"
            : (attributes & TypeAttributes.Sealed) != 0 ? "sealed" : "";
        Assert.AreEqual(modifier, actualModifier, "modifier");
        Assert.AreEqual(baseType, Short(type.BaseTypeName), "base type");

        var listed = interfaces.Split("; ", StringSplitOptions.RemoveEmptyEntries);
        var declared = type.InterfaceNames.Select(Short).ToList();
        foreach (var iface in listed) CollectionAssert.Contains(declared, iface, "interface listed by the spec");
        if (kind == "interface") CollectionAssert.AreEquivalent(listed, declared, "an interface's metadata lists all its ancestors (§2.1)");
        else if (listed.Length == 0 && baseType is "object") Assert.IsEmpty(declared, "no interfaces beyond the spec's");

#pragma warning disable SYSLIB0050 // reading the metadata flag, not serializing
        Assert.AreEqual(serializable, (attributes & TypeAttributes.Serializable) != 0, "[Serializable]");
#pragma warning restore SYSLIB0050
    }

    [TestMethod]
    public void Every_public_contract_type_is_in_the_spec_or_verified_against_the_binary()
    {
        using var contracts = OpenNet462Contracts();
        var rows = typeof(SpecTests).GetMethod(nameof(Net462_contract_type_has_the_shape_of_the_spec))!
            .GetCustomAttributes<DataRowAttribute>()
            .Select(r => (string)r.Data[0]!)
            .ToHashSet(StringComparer.Ordinal);
        var unknown = contracts.PublicTypes.Select(t => t.FullName)
            .Where(n => !rows.Contains(n) && !BinaryVerifiedExtras.Contains(n))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.IsEmpty(unknown, "public contract types with no spec row: " + string.Join(", ", unknown));
        foreach (var absent in SpecTypesNotInOurSubset)
            Assert.IsNull(contracts.Find(absent), $"{absent} is now defined: add a spec row for it");
    }

    internal static ContractSet OpenNet462Contracts() => new(
        TestFiles.Get(TestFiles.ContractXrmSdk), TestFiles.Get(TestFiles.ContractCrmSdkProxy), TestFiles.Get(TestFiles.ContractXrmSdkWorkflow));

    /// <summary>"class [mscorlib]System.Collections.ObjectModel.Collection`1&lt;!0&gt;" → "Collection&lt;!0&gt;"; System.Object → "object".</summary>
    private static string? Short(string? canonical)
    {
        if (canonical is null) return null;
        var text = System.Text.RegularExpressions.Regex.Replace(canonical, @"(class |valuetype )?\[[^\]]*\]([\w.]+\.)?(\w+)(`\d+)?", "$3");
        return text switch { "Object" => "object", _ => text };
    }
}
