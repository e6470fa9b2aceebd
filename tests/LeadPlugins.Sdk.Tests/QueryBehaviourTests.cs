using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Sdk.Tests;

[TestClass]
public sealed class QueryBehaviourTests
{
    [TestMethod]
    public void QueryExpression_starts_with_non_null_parts()
    {
        var query = new QueryExpression("lead");
        Assert.AreEqual("lead", query.EntityName);
        Assert.IsNotNull(query.ColumnSet);
        Assert.IsFalse(query.ColumnSet.AllColumns);
        Assert.AreEqual(0, query.ColumnSet.Columns.Count);
        Assert.IsNotNull(query.Criteria);
        Assert.AreEqual(LogicalOperator.And, query.Criteria.FilterOperator);
        Assert.AreEqual(0, query.Criteria.Conditions.Count);
        Assert.AreEqual(0, query.Criteria.Filters.Count);
        Assert.IsNotNull(query.PageInfo);
        Assert.AreEqual(0, query.PageInfo.PageNumber);
        Assert.AreEqual(0, query.PageInfo.Count);
        Assert.IsNull(query.PageInfo.PagingCookie);
        Assert.IsNotNull(query.LinkEntities);
        Assert.IsNotNull(query.Orders);
        Assert.IsFalse(query.Distinct);
        Assert.IsFalse(query.NoLock);
        Assert.IsNull(query.TopCount);
        Assert.IsNull(new QueryExpression().EntityName);
        Assert.IsNotNull(new QueryExpression().Criteria);
    }

    [TestMethod]
    public void QueryByAttribute_parameterless_constructor_creates_ColumnSet_and_PageInfo()
    {
        var query = new QueryByAttribute();
        Assert.IsNull(query.EntityName);
        Assert.IsNotNull(query.ColumnSet);
        Assert.IsNotNull(query.PageInfo);
        Assert.IsNotNull(query.Attributes);
        Assert.IsNotNull(query.Values);
        Assert.IsNotNull(query.Orders);
        Assert.IsNull(query.TopCount);
    }

    [TestMethod]
    public void QueryByAttribute_entity_constructor_leaves_ColumnSet_and_PageInfo_null()
    {
        // Observed on Microsoft.Xrm.Sdk 9.0.2.56: unlike QueryExpression(string), this constructor creates only the collections.
        var query = new QueryByAttribute("lead");
        Assert.AreEqual("lead", query.EntityName);
        Assert.IsNull(query.ColumnSet);
        Assert.IsNull(query.PageInfo);
        Assert.IsNotNull(query.Attributes);
        Assert.IsNotNull(query.Values);
        Assert.IsNotNull(query.Orders);
        query.AddAttributeValue("emailaddress1", "a@example.com");
        CollectionAssert.AreEqual(new[] { "emailaddress1" }, query.Attributes.ToArray());
        CollectionAssert.AreEqual(new object[] { "a@example.com" }, query.Values.ToArray());
    }

    [TestMethod]
    public void AddOrder_and_AddLink()
    {
        var query = new QueryExpression("lead");
        query.AddOrder("createdon", OrderType.Descending);
        Assert.AreEqual("createdon", query.Orders[0].AttributeName);
        Assert.AreEqual(OrderType.Descending, query.Orders[0].OrderType);

        var link = query.AddLink("account", "parentaccountid", "accountid");
        Assert.AreSame(link, query.LinkEntities[0]);
        Assert.AreEqual("lead", link.LinkFromEntityName);
        Assert.AreEqual("account", link.LinkToEntityName);
        Assert.AreEqual("parentaccountid", link.LinkFromAttributeName);
        Assert.AreEqual("accountid", link.LinkToAttributeName);
        Assert.AreEqual(JoinOperator.Inner, link.JoinOperator);
        Assert.IsNotNull(link.LinkCriteria);
        Assert.IsNotNull(link.Columns);
        Assert.IsNotNull(link.LinkEntities);

        var nested = link.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter);
        Assert.AreSame(nested, link.LinkEntities[0]);
        // Observed on 9.0.2.56: LinkEntity.AddLink passes its own LinkFromEntityName ("lead"), not its LinkToEntityName.
        Assert.AreEqual("lead", nested.LinkFromEntityName);
        Assert.AreEqual("contact", nested.LinkToEntityName);
        Assert.AreEqual(JoinOperator.LeftOuter, nested.JoinOperator);
    }

    [TestMethod]
    public void ColumnSet_constructors()
    {
        Assert.IsTrue(new ColumnSet(true).AllColumns);
        Assert.IsFalse(new ColumnSet(false).AllColumns);
        var columns = new ColumnSet("subject", "emailaddress1");
        CollectionAssert.AreEqual(new[] { "subject", "emailaddress1" }, columns.Columns.ToArray());
        columns.AddColumn("fullname");
        columns.AddColumns("a", "b");
        Assert.AreEqual(5, columns.Columns.Count);
        Assert.AreEqual(0, new ColumnSet((string[])null!).Columns.Count);
        Assert.ThrowsExactly<NullReferenceException>(() => columns.AddColumns(null!));
    }

    [TestMethod]
    public void ConditionExpression_params_values_are_flattened()
    {
        var condition = new ConditionExpression("statuscode", ConditionOperator.In, 1, 2, 3);
        Assert.AreEqual("statuscode", condition.AttributeName);
        Assert.AreEqual(ConditionOperator.In, condition.Operator);
        CollectionAssert.AreEqual(new object[] { 1, 2, 3 }, condition.Values.ToArray());
        Assert.IsNull(condition.EntityName);
        Assert.IsFalse(condition.CompareColumns);
    }

    [TestMethod]
    public void ConditionExpression_single_value_and_no_value()
    {
        CollectionAssert.AreEqual(new object[] { "x" }, new ConditionExpression("subject", ConditionOperator.Equal, "x").Values.ToArray());
        Assert.AreEqual(0, new ConditionExpression("subject", ConditionOperator.Null).Values.Count);
        Assert.AreEqual(0, new ConditionExpression().Values.Count);
        var entityScoped = new ConditionExpression("account", "name", ConditionOperator.Equal, "Contoso");
        Assert.AreEqual("account", entityScoped.EntityName);
        CollectionAssert.AreEqual(new object[] { "Contoso" }, entityScoped.Values.ToArray());
    }

    [TestMethod]
    public void ConditionExpression_object_array_is_the_values_and_a_collection_is_expanded()
    {
        var fromArray = new ConditionExpression("statuscode", ConditionOperator.In, new object[] { 1, 2 });
        CollectionAssert.AreEqual(new object[] { 1, 2 }, fromArray.Values.ToArray());

        // int[] is an ICollection: the ICollection overload expands it.
        var fromInts = new ConditionExpression("statuscode", ConditionOperator.In, new[] { 1, 2 });
        CollectionAssert.AreEqual(new object[] { 1, 2 }, fromInts.Values.ToArray());

        var fromList = new ConditionExpression("subject", ConditionOperator.In, new List<string> { "a", "b" });
        CollectionAssert.AreEqual(new object[] { "a", "b" }, fromList.Values.ToArray());
    }

    [TestMethod]
    public void FilterExpression_AddCondition_and_AddFilter()
    {
        var filter = new FilterExpression(LogicalOperator.Or);
        filter.AddCondition("subject", ConditionOperator.Equal, "x");
        filter.AddCondition("lead", "statuscode", ConditionOperator.In, 1, 2);
        filter.AddCondition(new ConditionExpression("emailaddress1", ConditionOperator.NotNull));
        Assert.AreEqual(3, filter.Conditions.Count);
        Assert.AreEqual("lead", filter.Conditions[1].EntityName);
        CollectionAssert.AreEqual(new object[] { 1, 2 }, filter.Conditions[1].Values.ToArray());

        var child = filter.AddFilter(LogicalOperator.And);
        Assert.AreSame(child, filter.Filters[0]);
        Assert.AreEqual(LogicalOperator.And, child.FilterOperator);
        filter.AddFilter(new FilterExpression());
        Assert.AreEqual(2, filter.Filters.Count);
    }

    [TestMethod]
    public void FetchExpression_and_OrderExpression()
    {
        Assert.AreEqual("<fetch/>", new FetchExpression("<fetch/>").Query);
        var order = new OrderExpression("createdon", OrderType.Ascending, "c", "lead");
        Assert.AreEqual("c", order.Alias);
        Assert.AreEqual("lead", order.EntityName);
    }
}
