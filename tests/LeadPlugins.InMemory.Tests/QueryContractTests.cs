using LeadPlugins.InMemory;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory.Tests;

/// <summary>Query behaviours (anchors.md §4 "Queries", §1.5, §1.8 null semantics and type strictness).</summary>
[TestClass]
public sealed class QueryContractTests : DataverseTestBase
{
    private List<string> LastNames(QueryBase query)
        => Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("lastname")).ToList();

    private static QueryExpression Leads(params string[] columns) => new("lead") { ColumnSet = new ColumnSet(columns.Length == 0 ? new[] { "lastname" } : columns) };

    private void SeedPeople()
    {
        CreateLead("Alpha", "alpha@contoso.example", l => { l["companyname"] = "Contoso"; l[LeadTable.Columns.LeadScore] = 10; });
        CreateLead("Bravo", "bravo@fabrikam.example", l => { l["companyname"] = "Fabrikam"; l[LeadTable.Columns.LeadScore] = 50; });
        CreateLead("Charlie", null, l => l[LeadTable.Columns.LeadScore] = 90);
    }

    [TestMethod]
    public void String_conditions_compare_case_insensitively()
    {
        // Source: anchors §4 "Strings compare case-insensitively" (DLaB OrdinalIgnoreCase, FXE ToLowerInvariant).
        SeedPeople();
        var query = Leads();
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, "ALPHA@Contoso.Example");
        CollectionAssert.AreEqual(new[] { "Alpha" }, LastNames(query));
    }

    [TestMethod]
    public void NotEqual_matches_rows_where_the_column_is_null()
    {
        // Source: anchors §4 "NotEqual/ne matches rows where the column is null" (MarkMpn/Sql4Cds#530).
        SeedPeople();
        var query = Leads();
        query.Criteria.AddCondition("companyname", ConditionOperator.NotEqual, "Contoso");
        CollectionAssert.AreEquivalent(new[] { "Bravo", "Charlie" }, LastNames(query));
    }

    [TestMethod]
    public void Range_operators_never_match_null()
    {
        // Source: anchors §4 "Range operators never match null" (DLaB Compare = -2 for null).
        SeedPeople();
        CreateLead("NoScore");
        var query = Leads();
        query.Criteria.AddCondition(LeadTable.Columns.LeadScore, ConditionOperator.LessThan, 60);
        CollectionAssert.AreEquivalent(new[] { "Alpha", "Bravo" }, LastNames(query));
    }

    [TestMethod]
    public void Null_and_NotNull_take_no_values()
    {
        // Source: anchors §4 "Null/NotNull take no values; values cause a fault" (DLaB GetConditionOperatorRequiresValuesException).
        SeedPeople();
        var query = Leads();
        query.Criteria.AddCondition("companyname", ConditionOperator.Null);
        CollectionAssert.AreEqual(new[] { "Charlie" }, LastNames(query));
        var wrong = Leads();
        wrong.Criteria.AddCondition("companyname", ConditionOperator.Null, "x");
        StringAssert.Contains(Fault(() => Service.RetrieveMultiple(wrong)).Message, "Condition operator 'Null' requires that no values are set");
    }

    [TestMethod]
    public void GreaterEqual_without_a_value_faults_with_the_value_count()
    {
        // Source: jordimontana82/fake-xrm-easy#209: "The ConditionOperator.GreaterEqual requires 1 value/s, not 0".
        var query = Leads();
        query.Criteria.AddCondition(new ConditionExpression(LeadTable.Columns.LeadScore, ConditionOperator.GreaterEqual));
        var fault = Fault(() => Service.RetrieveMultiple(query));
        StringAssert.Contains(fault.Message, "The ConditionOperator.GreaterEqual requires 1 value/s, not 0");
    }

    [TestMethod]
    public void An_EntityReference_where_a_Guid_is_expected_faults()
    {
        // Source: jordimontana82/fake-xrm-easy#258; DLaB "expected argument(s) of type 'System.Guid'".
        var query = Leads();
        query.Criteria.AddCondition("ownerid", ConditionOperator.Equal, new EntityReference("systemuser", Dataverse.CallerId));
        StringAssert.Contains(Fault(() => Service.RetrieveMultiple(query)).Message, "expected argument(s) of type 'System.Guid'");
    }

    [TestMethod]
    public void In_takes_separate_values_not_an_array()
    {
        // Source: anchors §4 "In takes separate values, not an array object" (fake-xrm-easy-core CHANGELOG 2.5.0).
        SeedPeople();
        var query = Leads();
        query.Criteria.AddCondition("lastname", ConditionOperator.In, "alpha", "CHARLIE");
        CollectionAssert.AreEquivalent(new[] { "Alpha", "Charlie" }, LastNames(query));
        var wrong = Leads();
        wrong.Criteria.Conditions.Add(new ConditionExpression(LeadTable.Columns.LeadScore, ConditionOperator.In, (object)new[] { 10, 50 }));
        Assert.AreEqual(ErrorCodes.InvalidArgument, Fault(() => Service.RetrieveMultiple(wrong)).ErrorCode);
    }

    [TestMethod]
    public void NotIn_and_Between_follow_the_null_rules()
    {
        // Source: anchors §4 null semantics (negations match null, ranges don't); not-in with '' tolerated (DynamicsValue/fake-xrm-easy#45).
        SeedPeople();
        CreateLead("NoScore");
        var notIn = Leads();
        notIn.Criteria.AddCondition(LeadTable.Columns.LeadScore, ConditionOperator.NotIn, 10, 90);
        CollectionAssert.AreEquivalent(new[] { "Bravo", "NoScore" }, LastNames(notIn));
        var between = Leads();
        between.Criteria.AddCondition(LeadTable.Columns.LeadScore, ConditionOperator.Between, 10, 50);
        CollectionAssert.AreEquivalent(new[] { "Alpha", "Bravo" }, LastNames(between));
    }

    [TestMethod]
    public void Like_BeginsWith_EndsWith_and_Contains_match_patterns()
    {
        // Source: anchors §1.5 operator families; Like uses % wildcards, case-insensitive.
        SeedPeople();
        LastNamesWhere("emailaddress1", ConditionOperator.Like, "%@FABRIKAM%", "Bravo");
        LastNamesWhere("lastname", ConditionOperator.BeginsWith, "ch", "Charlie");
        LastNamesWhere("emailaddress1", ConditionOperator.EndsWith, "contoso.example", "Alpha");
        LastNamesWhere("companyname", ConditionOperator.Contains, "abri", "Bravo");
        LastNamesWhere("lastname", ConditionOperator.NotLike, "%R%", "Alpha");
    }

    private void LastNamesWhere(string column, ConditionOperator op, string value, string? expected)
    {
        var query = Leads();
        query.Criteria.AddCondition(column, op, value);
        CollectionAssert.AreEqual(expected == null ? Array.Empty<string>() : new[] { expected }, LastNames(query), op + " " + value);
    }

    [TestMethod]
    public void Date_operators_use_the_injected_clock()
    {
        // Source: anchors §4 Dates ("Inject a clock"); LastXDays/Today/On/OnOrBefore/OnOrAfter.
        CreateLead("Today");
        Now = T0.AddDays(-3);
        CreateLead("ThreeDaysAgo");
        Now = T0.AddDays(-10);
        CreateLead("TenDaysAgo");
        Now = T0;
        Assert.AreEqual("Today", Single("createdon", ConditionOperator.Today));
        CollectionAssert.AreEquivalent(new[] { "Today", "ThreeDaysAgo" }, Where("createdon", ConditionOperator.LastXDays, 5));
        Assert.AreEqual("ThreeDaysAgo", Single("createdon", ConditionOperator.On, T0.AddDays(-3).Date));
        CollectionAssert.AreEquivalent(new[] { "ThreeDaysAgo", "TenDaysAgo" }, Where("createdon", ConditionOperator.OnOrBefore, T0.AddDays(-3)));
        CollectionAssert.AreEquivalent(new[] { "Today", "ThreeDaysAgo" }, Where("createdon", ConditionOperator.OnOrAfter, T0.AddDays(-3)));
    }

    private List<string> Where(string column, ConditionOperator op, params object[] values)
    {
        var query = Leads();
        query.Criteria.AddCondition(column, op, values);
        return LastNames(query);
    }

    private string Single(string column, ConditionOperator op, params object[] values) => Where(column, op, values).Single();

    [TestMethod]
    public void Nested_And_Or_filters_combine()
    {
        // Source: anchors §1.8 "Null in nested filters" (jordimontana82/fake-xrm-easy#547); filter trees evaluate like SQL.
        SeedPeople();
        var query = Leads();
        var or = query.Criteria.AddFilter(LogicalOperator.Or);
        or.AddCondition("companyname", ConditionOperator.Null);
        or.AddCondition(LeadTable.Columns.LeadScore, ConditionOperator.LessThan, 20);
        query.Criteria.AddCondition("lastname", ConditionOperator.NotEqual, "Alpha");
        CollectionAssert.AreEqual(new[] { "Charlie" }, LastNames(query));
    }

    [TestMethod]
    public void Link_entities_inner_and_outer_return_aliased_values()
    {
        // Source: anchors §4 "Aliased link-entity columns come back as AliasedValue alias.attr"; outer join null (jordimontana82/fake-xrm-easy#100).
        var campaign = Service.Create(new Entity("campaign") { ["name"] = "Spring" });
        CreateLead("InCampaign", more: l => l["campaignid"] = new EntityReference("campaign", campaign));
        CreateLead("NoCampaign");
        var inner = Leads();
        var link = inner.AddLink("campaign", "campaignid", "campaignid");
        link.EntityAlias = "c";
        link.Columns = new ColumnSet("name");
        var rows = Service.RetrieveMultiple(inner).Entities;
        Assert.AreEqual(1, rows.Count);
        var aliased = (AliasedValue)rows[0]["c.name"];
        Assert.AreEqual(("campaign", "name", (object)"Spring"), (aliased.EntityLogicalName, aliased.AttributeLogicalName, aliased.Value));

        var outer = Leads();
        var outerLink = outer.AddLink("campaign", "campaignid", "campaignid", JoinOperator.LeftOuter);
        outerLink.EntityAlias = "c";
        outer.Criteria.AddCondition("c", "campaignid", ConditionOperator.Null);
        CollectionAssert.AreEqual(new[] { "NoCampaign" }, LastNames(outer));
    }

    [TestMethod]
    public void Link_criteria_restrict_the_joined_rows()
    {
        // Source: anchors §1.5 link entities become joins with their own criteria.
        var spring = Service.Create(new Entity("campaign") { ["name"] = "Spring" });
        var autumn = Service.Create(new Entity("campaign") { ["name"] = "Autumn" });
        CreateLead("S", more: l => l["campaignid"] = new EntityReference("campaign", spring));
        CreateLead("A", more: l => l["campaignid"] = new EntityReference("campaign", autumn));
        var query = Leads();
        query.AddLink("campaign", "campaignid", "campaignid").LinkCriteria.AddCondition("name", ConditionOperator.Equal, "autumn");
        CollectionAssert.AreEqual(new[] { "A" }, LastNames(query));
    }

    [TestMethod]
    public void Orders_apply_to_root_and_link_entity_columns_with_nulls_first()
    {
        // Source: anchors §1.5 "Orders use XrmOrderByAttributeComparer"; SQL Server sorts nulls first ascending [inferred].
        var b = Service.Create(new Entity("campaign") { ["name"] = "B" });
        var a = Service.Create(new Entity("campaign") { ["name"] = "A" });
        CreateLead("x1", more: l => l["campaignid"] = new EntityReference("campaign", b));
        CreateLead("x2", more: l => l["campaignid"] = new EntityReference("campaign", a));
        CreateLead("x3", more: l => l["campaignid"] = new EntityReference("campaign", a));
        var byLink = Leads();
        byLink.AddLink("campaign", "campaignid", "campaignid").Orders.Add(new OrderExpression("name", OrderType.Ascending));
        byLink.AddOrder("lastname", OrderType.Descending);
        CollectionAssert.AreEqual(new[] { "x3", "x2", "x1" }, LastNames(byLink));
        var nullsFirst = Leads();
        CreateLead("nocompany");
        CreateLead("zed", more: l => l["companyname"] = "Zed");
        nullsFirst.Criteria.AddCondition("lastname", ConditionOperator.In, "nocompany", "zed");
        nullsFirst.AddOrder("companyname", OrderType.Ascending);
        CollectionAssert.AreEqual(new[] { "nocompany", "zed" }, LastNames(nullsFirst));
    }

    [TestMethod]
    public void Rows_with_equal_order_keys_keep_their_storage_order_ascending_and_descending_and_later_orders_break_ties()
    {
        // Source: "Order rows" (Learn, fetchxml/order-rows): rows are ordered by each order in turn; SQL Server returns ties in
        // no promised order, and the in-memory store keeps storage order for them so runs repeat [inferred].
        var names = new[] { ("t1", "Fabrikam", "B"), ("t2", "contoso", "A"), ("t3", "Fabrikam", "A"), ("t4", "CONTOSO", "B"), ("t5", null, "A"), ("t6", "Contoso", "A") };
        foreach (var (last, company, subject) in names)
            CreateLead(last, more: l => { l["companyname"] = company; l["subject"] = subject; });
        string[] Ordered(params (string Column, OrderType Type)[] orders)
        {
            var query = Leads();
            query.Criteria.AddCondition("lastname", ConditionOperator.BeginsWith, "t");
            foreach (var (column, type) in orders) query.AddOrder(column, type);
            return LastNames(query).ToArray();
        }

        CollectionAssert.AreEqual(new[] { "t5", "t2", "t4", "t6", "t1", "t3" }, Ordered(("companyname", OrderType.Ascending)));
        CollectionAssert.AreEqual(new[] { "t1", "t3", "t2", "t4", "t6", "t5" }, Ordered(("companyname", OrderType.Descending)));
        CollectionAssert.AreEqual(new[] { "t5", "t2", "t6", "t4", "t3", "t1" }, Ordered(("companyname", OrderType.Ascending), ("subject", OrderType.Ascending)));
        CollectionAssert.AreEqual(new[] { "t1", "t3", "t4", "t2", "t6", "t5" }, Ordered(("companyname", OrderType.Descending), ("subject", OrderType.Descending)));
    }

    [TestMethod]
    public void TopCount_with_PageInfo_faults()
    {
        // Source: anchors §4 "TopCount together with a non-empty PageInfo faults" (DLaB CrmExceptions; FXE CantSetBothPageInfoAndTopCountException).
        var query = Leads();
        query.TopCount = 5;
        query.PageInfo = new PagingInfo { Count = 10, PageNumber = 1 };
        StringAssert.Contains(Fault(() => Service.RetrieveMultiple(query)).Message, "The Top.Count = 5 can't be specified with pagingInfo");
        query.PageInfo = new PagingInfo();
        Assert.AreEqual(0, Service.RetrieveMultiple(query).Entities.Count);
    }

    [TestMethod]
    public void Paging_returns_pages_MoreRecords_a_cookie_and_the_total_count()
    {
        // Source: anchors §1.5 Paging (v1 RetrieveMultipleRequestExecutor): PageNumber from 1, MoreRecords, cookie, TotalRecordCount.
        for (var i = 0; i < 5; i++) CreateLead("L" + i);
        var query = Leads();
        query.AddOrder("lastname", OrderType.Ascending);
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 2, ReturnTotalRecordCount = true };
        var page = Service.RetrieveMultiple(query);
        CollectionAssert.AreEqual(new[] { "L2", "L3" }, page.Entities.Select(e => e.GetAttributeValue<string>("lastname")).ToArray());
        Assert.IsTrue(page.MoreRecords);
        Assert.AreEqual(5, page.TotalRecordCount);
        StringAssert.StartsWith(page.PagingCookie, "<cookie page=\"2\"><leadid last=");
        query.PageInfo.PageNumber = 3;
        Assert.IsFalse(Service.RetrieveMultiple(query).MoreRecords);
    }

    [TestMethod]
    public void A_page_holds_at_most_5000_rows_by_default()
    {
        // Source: anchors §4 "A page holds at most 5,000 rows by default" (FXE MaxRetrieveCount = 5000).
        var rows = Enumerable.Range(0, 5001).Select(i => new Entity("lead") { ["lastname"] = "L" + i }).ToArray();
        Dataverse.Seed(rows);
        var result = Service.RetrieveMultiple(Leads());
        Assert.AreEqual(5000, result.Entities.Count);
        Assert.IsTrue(result.MoreRecords);
        Assert.AreEqual(-1, result.TotalRecordCount);
    }

    [TestMethod]
    public void QueryByAttribute_with_a_null_value_matches_null()
    {
        // Source: jordimontana82/fake-xrm-easy#404 (QueryByAttribute with null).
        SeedPeople();
        var query = new QueryByAttribute("lead") { ColumnSet = new ColumnSet("lastname") };
        query.AddAttributeValue("companyname", null!);
        CollectionAssert.AreEqual(new[] { "Charlie" }, LastNames(query));
        var byEmail = new QueryByAttribute("lead") { ColumnSet = new ColumnSet("lastname") };
        byEmail.AddAttributeValue("emailaddress1", "bravo@fabrikam.example");
        CollectionAssert.AreEqual(new[] { "Bravo" }, LastNames(byEmail));
    }

    [TestMethod]
    public void FetchXml_runs_through_the_same_engine_with_link_entities_and_escaped_values()
    {
        // Source: anchors §1.5 "FetchXML -> QueryExpression -> the same engine"; XML escaping must round-trip.
        var campaign = Service.Create(new Entity("campaign") { ["name"] = "R&D <2026>" });
        CreateLead("O'Brien & Sons", more: l => l["campaignid"] = new EntityReference("campaign", campaign));
        CreateLead("Other");
        var fetch = @"<fetch top='10'>
  <entity name='lead'>
    <attribute name='lastname' />
    <filter type='and'><condition attribute='lastname' operator='like' value='%&amp; Sons' /></filter>
    <link-entity name='campaign' from='campaignid' to='campaignid' alias='c'>
      <attribute name='name' />
      <filter><condition attribute='name' operator='eq' value='R&amp;D &lt;2026&gt;' /></filter>
    </link-entity>
  </entity>
</fetch>";
        var rows = Service.RetrieveMultiple(new FetchExpression(fetch)).Entities;
        Assert.AreEqual(1, rows.Count);
        Assert.AreEqual("O'Brien & Sons", rows[0].GetAttributeValue<string>("lastname"));
        Assert.AreEqual("R&D <2026>", ((AliasedValue)rows[0]["c.name"]).Value);
    }

    [TestMethod]
    public void FetchXml_is_validated_against_Fetch_xsd()
    {
        // Source: anchors §5.1 QueryEngine "FetchXML (validated against shared/schemas/dataverse/Fetch.xsd)".
        Assert.ThrowsExactly<System.ServiceModel.FaultException<Microsoft.Xrm.Sdk.OrganizationServiceFault>>(
            () => Service.RetrieveMultiple(new FetchExpression("<fetch><entity name='lead'><attribute nam='lastname' /></entity></fetch>")));
        Assert.IsNotNull(Dataverse.FetchSchemaPath, "Fetch.xsd should be found above the repository (shared/schemas/dataverse) or through LEADPLUGINS_SCHEMAS");
        StringAssert.Contains(Fault(() => Service.RetrieveMultiple(new FetchExpression("<fetch><entity name='lead'><attribute nam='lastname' /></entity></fetch>"))).Message, "Fetch.xsd");
    }

    [TestMethod]
    public void FetchXml_paging_and_top_follow_the_QueryExpression_rules()
    {
        // Source: anchors §4 Paging; fetch count/page map to PageInfo, top to TopCount.
        for (var i = 0; i < 3; i++) CreateLead("F" + i);
        var page = Service.RetrieveMultiple(new FetchExpression("<fetch count='2' page='1' returntotalrecordcount='true'><entity name='lead'><attribute name='lastname' /><order attribute='lastname' /></entity></fetch>"));
        Assert.AreEqual(2, page.Entities.Count);
        Assert.IsTrue(page.MoreRecords);
        Assert.AreEqual(3, page.TotalRecordCount);
        StringAssert.Contains(Fault(() => Service.RetrieveMultiple(new FetchExpression("<fetch top='1' count='2'><entity name='lead'><attribute name='lastname' /></entity></fetch>"))).Message, "Top.Count");
    }

    [TestMethod]
    public void ContainValues_matches_multi_select_choices()
    {
        // Source: anchors §1.5 "multi-select ContainValues"; mpl_nurturesequence.mpl_leadactions is a multi-select of mpl_leadaction.
        Service.Create(new Entity(NurtureSequenceTable.LogicalName) { [NurtureSequenceTable.Columns.Name] = "Trials", [NurtureSequenceTable.Columns.LeadActions] = new OptionSetValueCollection(new List<OptionSetValue> { new(712540004), new(712540005) }) });
        Service.Create(new Entity(NurtureSequenceTable.LogicalName) { [NurtureSequenceTable.Columns.Name] = "Contact" , [NurtureSequenceTable.Columns.LeadActions] = new OptionSetValueCollection(new List<OptionSetValue> { new(712540000) }) });
        var query = new QueryExpression(NurtureSequenceTable.LogicalName) { ColumnSet = new ColumnSet(NurtureSequenceTable.Columns.Name) };
        query.Criteria.AddCondition(NurtureSequenceTable.Columns.LeadActions, ConditionOperator.ContainValues, 712540005, 712540003);
        CollectionAssert.AreEqual(new[] { "Trials" }, Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>(NurtureSequenceTable.Columns.Name)).ToArray());
    }

    [TestMethod]
    public void EqualUserId_matches_the_calling_user()
    {
        // Source: anchors §1.5 user operators (EqualUserId).
        var seller = Dataverse.AddUser("Seller");
        CreateLead("Mine");
        Dataverse.GetOrganizationService(seller).Create(new Entity("lead") { ["lastname"] = "Theirs" });
        var query = Leads();
        query.Criteria.AddCondition("ownerid", ConditionOperator.EqualUserId);
        CollectionAssert.AreEqual(new[] { "Mine" }, LastNames(query));
    }

    [TestMethod]
    public void Unsupported_condition_operators_fail_clearly()
    {
        // Source: anchors §5.2 "Fail loudly and clearly" for what the harness does not model.
        var query = Leads();
        query.Criteria.AddCondition("createdon", ConditionOperator.InFiscalYear, 2026);
        StringAssert.Contains(Assert.ThrowsExactly<NotSimulatedException>(() => Service.RetrieveMultiple(query)).Message, "ConditionOperator.InFiscalYear is not simulated");
    }

    [TestMethod]
    public void Distinct_removes_duplicate_projected_rows()
    {
        // Source: QueryExpression.Distinct contract (SELECT DISTINCT over the selected columns).
        CreateLead("Same", more: l => l["companyname"] = "Contoso");
        CreateLead("Same", more: l => l["companyname"] = "Contoso");
        CreateLead("Other", more: l => l["companyname"] = "Contoso");
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname"), Distinct = true };
        CollectionAssert.AreEquivalent(new[] { "Same", "Other" }, LastNames(query));
    }

    [TestMethod]
    public void Query_with_an_unknown_column_faults_with_QueryBuilderNoAttribute()
    {
        // Source: anchors §4 unknown or wrong-case column -> QueryBuilderNoAttribute -2147217149.
        var query = Leads();
        query.Criteria.AddCondition("EmailAddress1", ConditionOperator.Equal, "x");
        Assert.AreEqual(ErrorCodes.QueryBuilderNoAttribute, Fault(() => Service.RetrieveMultiple(query)).ErrorCode);
    }

    [TestMethod]
    public void A_column_list_is_checked_whole_after_another_list_of_the_table_passed()
    {
        // The table remembers the last list found whole (same strings, same order): a list that differs in one name,
        // a wrong case or new string instances of the same names must still be checked.
        CreateLead("Doe");
        Assert.AreEqual(1, Service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname", "companyname") }).Entities.Count);
        Assert.AreEqual(ErrorCodes.QueryBuilderNoAttribute,
            Fault(() => Service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname", "CompanyName") })).ErrorCode);
        var copies = new ColumnSet(new string("lastname".AsSpan()), new string("companyname".AsSpan()));
        Assert.AreEqual(1, Service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = copies }).Entities.Count);
        Assert.AreEqual(ErrorCodes.QueryBuilderNoAttribute,
            Fault(() => Service.Retrieve("lead", Guid.NewGuid(), new ColumnSet("lastname", "companyname", "nosuchcolumn"))).ErrorCode);
    }

    [TestMethod]
    public void Equality_queries_are_served_by_a_maintained_hash_index()
    {
        // Source: brief §4 (index equality columns; rows of 100,000 leads must not be scanned); index kept right across writes and rollbacks.
        var id = CreateLead("Indexed", "old@contoso.example");
        var query = Leads();
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, "OLD@contoso.example");
        CollectionAssert.AreEqual(new[] { "Indexed" }, LastNames(query));
        CollectionAssert.Contains(Dataverse.IndexedColumns("lead").ToArray(), "emailaddress1");
        Service.Update(new Entity("lead", id) { ["emailaddress1"] = "new@contoso.example" });
        Assert.AreEqual(0, LastNames(query).Count);
        Step("Update", "lead", LeadPlugins.Plugins.Registration.PipelineStage.PostOperation, _ => throw new InvalidPluginExecutionException("no"));
        Fault(() => Service.Update(new Entity("lead", id) { ["emailaddress1"] = "old@contoso.example" }));
        var current = Leads();
        current.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, "new@contoso.example");
        CollectionAssert.AreEqual(new[] { "Indexed" }, LastNames(current));
        Assert.AreEqual(0, LastNames(query).Count);
    }

    [TestMethod]
    public void An_index_key_shared_by_several_rows_follows_their_creates_deletes_and_updates()
    {
        // Source: brief §4 (index kept right across writes). A key names one row until a second arrives, then a set.
        var query = Leads();
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, "shared@contoso.example");
        var first = CreateLead("First", "shared@contoso.example");
        CollectionAssert.AreEqual(new[] { "First" }, LastNames(query));
        var second = CreateLead("Second", "SHARED@contoso.example");
        var third = CreateLead("Third", "shared@contoso.example");
        CollectionAssert.AreEqual(new[] { "First", "Second", "Third" }, LastNames(query));

        Service.Delete("lead", first);
        CollectionAssert.AreEqual(new[] { "Second", "Third" }, LastNames(query));
        CreateLead("Fourth", "shared@contoso.example");
        CollectionAssert.AreEquivalent(new[] { "Second", "Third", "Fourth" }, LastNames(query));
        Service.Update(new Entity("lead", second) { ["emailaddress1"] = "other@contoso.example" });
        Service.Delete("lead", third);
        CollectionAssert.AreEqual(new[] { "Fourth" }, LastNames(query));

        var alone = Leads();
        alone.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, "other@contoso.example");
        CollectionAssert.AreEqual(new[] { "Second" }, LastNames(alone));
        Service.Delete("lead", second);
        Assert.AreEqual(0, LastNames(alone).Count);
        CreateLead("Fifth", "other@contoso.example");
        CollectionAssert.AreEqual(new[] { "Fifth" }, LastNames(alone));
    }

    [TestMethod]
    public void Equality_on_choice_and_state_columns_matches_integers_through_the_index()
    {
        // Source: anchors §4 "Queries": a choice/state condition takes the option value as an int (OptionSetValue is
        // rejected); the hash index must key stored OptionSetValues like the int the condition carries.
        CreateLead("Hot", more: l => l["leadqualitycode"] = new OptionSetValue(1));
        CreateLead("Cold", more: l => l["leadqualitycode"] = new OptionSetValue(3));
        CreateLead("Unrated");
        Dataverse.Seed(new Entity("lead") { ["lastname"] = "Qualified", ["statecode"] = new OptionSetValue(1) });
        var rating = Leads();
        rating.Criteria.AddCondition("leadqualitycode", ConditionOperator.Equal, 1);
        CollectionAssert.AreEqual(new[] { "Hot" }, LastNames(rating));
        var open = Leads();
        open.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        CollectionAssert.AreEquivalent(new[] { "Hot", "Cold", "Unrated" }, LastNames(open));
        CollectionAssert.Contains(Dataverse.IndexedColumns("lead").ToArray(), "statecode");
    }

    [TestMethod]
    public void In_conditions_are_served_by_the_index_and_the_most_selective_condition_is_used()
    {
        // Harness performance (plug-ins look up a batch's e-mails with In next to statecode = 0): results equal a scan's.
        CreateLead("Ana", "ana@contoso.example");
        CreateLead("Ben", "ben@contoso.example");
        CreateLead("Cy", "cy@contoso.example");
        Dataverse.Seed(new Entity("lead") { ["lastname"] = "Closed", ["emailaddress1"] = "ana@contoso.example", ["statecode"] = new OptionSetValue(1) });
        var query = Leads();
        query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.In, "ANA@contoso.example", "cy@contoso.example", "nobody@contoso.example", "ana@contoso.example");
        CollectionAssert.AreEquivalent(new[] { "Ana", "Cy" }, LastNames(query));
        CollectionAssert.Contains(Dataverse.IndexedColumns("lead").ToArray(), "emailaddress1");
        var nested = Leads();
        nested.Criteria.AddFilter(LogicalOperator.And).AddCondition("emailaddress1", ConditionOperator.In, "ben@contoso.example");
        nested.Criteria.AddCondition("lastname", ConditionOperator.NotNull);
        CollectionAssert.AreEqual(new[] { "Ben" }, LastNames(nested));
        var either = Leads();
        either.Criteria.FilterOperator = LogicalOperator.Or;
        either.Criteria.AddCondition("emailaddress1", ConditionOperator.In, "ben@contoso.example");
        either.Criteria.AddCondition("lastname", ConditionOperator.Equal, "Cy");
        CollectionAssert.AreEquivalent(new[] { "Ben", "Cy" }, LastNames(either), "an Or filter is scanned");
    }
}
