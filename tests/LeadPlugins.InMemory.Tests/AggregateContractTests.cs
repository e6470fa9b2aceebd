using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory.Tests;

/// <summary>
/// FetchXML aggregates. Source unless a test says otherwise: Microsoft docs "Aggregate data using FetchXml"
/// (learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data), whose example data set of ten
/// rows (number of employees, city, created on) is rebuilt here on leads.
/// </summary>
[TestClass]
public sealed class AggregateContractTests : DataverseTestBase
{
    private static readonly DateTime March25 = new(2023, 3, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime August27 = new(2023, 8, 27, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The docs' ten rows: employees, city; the row without employees was created in August, the others in March.</summary>
    private void SeedDocsExample()
    {
        var rows = new (int? Employees, string? City, string Name)[]
        {
            (null, null, "Example Account"), (1500, "Redmond", "Contoso Pharmaceuticals"), (2700, "Lynnwood", "Fabrikam"),
            (2900, "Los Angeles", "Blue Yonder Airlines"), (2900, "Redmond", "City Power & Light"), (3900, "Phoenix", "Coho Winery"),
            (4300, "Santa Cruz", "Adventure Works"), (4800, "Missoula", "Alpine Ski House"), (6000, "Dallas", "Litware"),
            (6200, "Redmond", "A. Datum Corporation"),
        };
        foreach (var (employees, city, name) in rows)
        {
            Now = employees == null ? August27 : March25;
            CreateLead(name, more: l =>
            {
                l["companyname"] = name;
                if (employees != null) l["numberofemployees"] = employees;
                if (city != null) l["address1_city"] = city;
            });
        }
    }

    private List<Entity> Fetch(string xml) => Service.RetrieveMultiple(new FetchExpression(xml)).Entities.ToList();

    private static object? Value(Entity row, string alias) => row.GetAttributeValue<AliasedValue>(alias)?.Value;

    [TestMethod]
    public void Every_function_over_the_docs_example_gives_the_docs_results()
    {
        SeedDocsExample();
        var row = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='numberofemployees' alias='Average' aggregate='avg' />
              <attribute name='numberofemployees' alias='Count' aggregate='count' />
              <attribute name='numberofemployees' alias='ColumnCount' aggregate='countcolumn' />
              <attribute name='numberofemployees' alias='Maximum' aggregate='max' />
              <attribute name='numberofemployees' alias='Minimum' aggregate='min' />
              <attribute name='numberofemployees' alias='Sum' aggregate='sum' />
            </entity></fetch>
            """).Single();
        Assert.AreEqual(3911, Value(row, "Average"), "avg of a whole-number column is a whole number (docs: 3,911)");
        Assert.AreEqual(10, Value(row, "Count"));
        Assert.AreEqual(9, Value(row, "ColumnCount"), "countcolumn leaves the null out");
        Assert.AreEqual(6200, Value(row, "Maximum"));
        Assert.AreEqual(1500, Value(row, "Minimum"));
        Assert.AreEqual(35200, Value(row, "Sum"));
    }

    [TestMethod]
    public void Results_are_AliasedValues_naming_the_table_and_the_column()
    {
        SeedDocsExample();
        var value = Fetch("<fetch aggregate='true'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count' /></entity></fetch>")
            .Single().GetAttributeValue<AliasedValue>("n");
        Assert.AreEqual("lead", value.EntityLogicalName);
        Assert.AreEqual("leadid", value.AttributeLogicalName);
        Assert.IsInstanceOfType<int>(value.Value, "count is an int");
    }

    [TestMethod]
    public void Countcolumn_with_distinct_counts_unique_values()
    {
        // Docs, "Distinct column values": 8 rather than 9, because two rows have 2,900.
        SeedDocsExample();
        var row = Fetch("<fetch aggregate='true'><entity name='lead'><attribute name='numberofemployees' alias='ColumnCount' aggregate='countcolumn' distinct='true' /></entity></fetch>").Single();
        Assert.AreEqual(8, Value(row, "ColumnCount"));
    }

    [TestMethod]
    public void Groupby_text_with_an_order_by_alias_gives_one_row_per_city_nulls_first()
    {
        // Docs, "Grouping": sum of employees and count by city, ordered by the City alias.
        SeedDocsExample();
        var rows = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='numberofemployees' alias='Total' aggregate='sum' />
              <attribute name='address1_city' alias='Count' aggregate='count' />
              <attribute name='address1_city' alias='City' groupby='true' />
              <order alias='City' />
            </entity></fetch>
            """);
        CollectionAssert.AreEqual(new object?[] { null, "Dallas", "Los Angeles", "Lynnwood", "Missoula", "Phoenix", "Redmond", "Santa Cruz" },
            rows.Select(r => Value(r, "City")).ToArray());
        var redmond = rows.Single(r => (string?)Value(r, "City") == "Redmond");
        Assert.AreEqual(10600, Value(redmond, "Total"));
        Assert.AreEqual(3, Value(redmond, "Count"));
        Assert.AreEqual(0, Value(rows[0], "Total"), "the docs show 0 as the total of the group whose only value is null");
    }

    [TestMethod]
    public void Groupby_a_choice_returns_its_OptionSetValue()
    {
        CreateLead("A", more: l => l["leadqualitycode"] = new OptionSetValue(1));
        CreateLead("B", more: l => l["leadqualitycode"] = new OptionSetValue(1));
        CreateLead("C", more: l => l["leadqualitycode"] = new OptionSetValue(3));
        var rows = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='leadqualitycode' alias='quality' groupby='true' />
              <attribute name='leadid' alias='n' aggregate='count' />
              <order alias='quality' />
            </entity></fetch>
            """);
        Assert.AreEqual(new OptionSetValue(1), Value(rows[0], "quality"));
        Assert.AreEqual(2, Value(rows[0], "n"));
        Assert.AreEqual(new OptionSetValue(3), Value(rows[1], "quality"));
    }

    [TestMethod]
    public void Groupby_a_lookup_returns_an_EntityReference()
    {
        // Source: docs "Grouping" (any column) and jordimontana82/fake-xrm-easy#383 (a lookup groupby must group by the lookup).
        var contoso = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var fabrikam = Service.Create(new Entity("account") { ["name"] = "Fabrikam" });
        CreateLead("A", more: l => l["parentaccountid"] = new EntityReference("account", contoso));
        CreateLead("B", more: l => l["parentaccountid"] = new EntityReference("account", contoso));
        CreateLead("C", more: l => l["parentaccountid"] = new EntityReference("account", fabrikam));
        var rows = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='parentaccountid' alias='account' groupby='true' />
              <attribute name='leadid' alias='n' aggregate='count' />
              <order alias='n' descending='true' />
            </entity></fetch>
            """);
        var top = (EntityReference)Value(rows[0], "account")!;
        Assert.AreEqual("account", top.LogicalName);
        Assert.AreEqual(contoso, top.Id);
        Assert.AreEqual(2, Value(rows[0], "n"));
        Assert.AreEqual(fabrikam, ((EntityReference)Value(rows[1], "account")!).Id);
    }

    [TestMethod]
    public void Dategrouping_day_week_month_and_year_give_the_docs_numbers()
    {
        // Docs, "Grouping by parts of a date": 25 / 12 / 3 / 2023 and 27 / 35 / 8 / 2023 (weeks start on Sunday).
        SeedDocsExample();
        var rows = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='numberofemployees' alias='Total' aggregate='sum' />
              <attribute name='createdon' alias='Day' groupby='true' dategrouping='day' />
              <attribute name='createdon' alias='Week' groupby='true' dategrouping='week' />
              <attribute name='createdon' alias='Month' groupby='true' dategrouping='month' />
              <attribute name='createdon' alias='Year' groupby='true' dategrouping='year' />
              <order alias='Month' />
            </entity></fetch>
            """);
        Assert.AreEqual(2, rows.Count);
        CollectionAssert.AreEqual(new object?[] { 35200, 25, 12, 3, 2023 }, new[] { "Total", "Day", "Week", "Month", "Year" }.Select(a => Value(rows[0], a)).ToArray());
        CollectionAssert.AreEqual(new object?[] { 0, 27, 35, 8, 2023 }, new[] { "Total", "Day", "Week", "Month", "Year" }.Select(a => Value(rows[1], a)).ToArray());
    }

    [TestMethod]
    public void Dategrouping_quarter_groups_by_the_quarter_of_the_year()
    {
        // Docs, dategrouping table: "quarter: group by quarter of the fiscal year" (default fiscal year = calendar year).
        SeedDocsExample();
        var rows = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='createdon' alias='Quarter' groupby='true' dategrouping='quarter' />
              <attribute name='leadid' alias='n' aggregate='count' />
              <order alias='Quarter' />
            </entity></fetch>
            """);
        CollectionAssert.AreEqual(new object?[] { 1, 3 }, rows.Select(r => Value(r, "Quarter")).ToArray());
        CollectionAssert.AreEqual(new object?[] { 9, 1 }, rows.Select(r => Value(r, "n")).ToArray());
    }

    [TestMethod]
    public void Sum_avg_min_and_max_of_a_currency_column_are_Money()
    {
        foreach (var value in new[] { 100m, 250m, 400m })
            Service.Create(new Entity("opportunity") { ["name"] = "Deal " + value, ["estimatedvalue"] = new Money(value) });
        Service.Create(new Entity("opportunity") { ["name"] = "No value" });
        var row = Fetch("""
            <fetch aggregate='true'><entity name='opportunity'>
              <attribute name='estimatedvalue' alias='sum' aggregate='sum' />
              <attribute name='estimatedvalue' alias='avg' aggregate='avg' />
              <attribute name='estimatedvalue' alias='min' aggregate='min' />
              <attribute name='estimatedvalue' alias='max' aggregate='max' />
            </entity></fetch>
            """).Single();
        Assert.AreEqual(new Money(750m), Value(row, "sum"));
        Assert.AreEqual(new Money(250m), Value(row, "avg"), "nulls are not considered (docs)");
        Assert.AreEqual(new Money(100m), Value(row, "min"));
        Assert.AreEqual(new Money(400m), Value(row, "max"));
    }

    [TestMethod]
    public void Aggregates_over_no_rows_count_zero_and_still_return_every_alias()
    {
        // Source: jordimontana82/fake-xrm-easy PR #167 (a server trace: the alias comes back empty when nothing matches).
        var row = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='leadid' alias='n' aggregate='count' />
              <attribute name='numberofemployees' alias='avg' aggregate='avg' />
            </entity></fetch>
            """).Single();
        Assert.AreEqual(0, Value(row, "n"));
        Assert.IsTrue(row.Contains("avg"));
        Assert.IsNull(Value(row, "avg"));
    }

    [TestMethod]
    public void Filters_apply_before_aggregating()
    {
        // Docs: "You can apply filters to limit the results as with any query."
        SeedDocsExample();
        var row = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='numberofemployees' alias='Sum' aggregate='sum' />
              <filter><condition attribute='address1_city' operator='eq' value='Redmond' /></filter>
            </entity></fetch>
            """).Single();
        Assert.AreEqual(10600, Value(row, "Sum"));
    }

    [TestMethod]
    public void Aggregates_can_group_by_a_column_of_a_linked_table()
    {
        // Docs: "You can use data from tables joined using the link-entity element."
        var contoso = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        CreateLead("A", more: l => { l["parentaccountid"] = new EntityReference("account", contoso); l["numberofemployees"] = 10; });
        CreateLead("B", more: l => { l["parentaccountid"] = new EntityReference("account", contoso); l["numberofemployees"] = 30; });
        CreateLead("C", more: l => l["numberofemployees"] = 99);
        var rows = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='numberofemployees' alias='total' aggregate='sum' />
              <link-entity name='account' from='accountid' to='parentaccountid' alias='a'>
                <attribute name='name' alias='account' groupby='true' />
              </link-entity>
            </entity></fetch>
            """);
        var single = rows.Single();
        Assert.AreEqual("Contoso", Value(single, "account"));
        Assert.AreEqual("account", single.GetAttributeValue<AliasedValue>("account").EntityLogicalName);
        Assert.AreEqual(40, Value(single, "total"));
    }

    [TestMethod]
    public void An_aggregatelimit_below_the_row_count_faults_with_AggregateQueryRecordLimit()
    {
        // Docs, "Per query limit": aggregatelimit returns the AggregateQueryRecordLimit exceeded error above the custom limit.
        SeedDocsExample();
        var fault = Fault(() => Fetch("<fetch aggregate='true' aggregatelimit='5'><entity name='lead'><attribute name='leadid' alias='n' aggregate='count' /></entity></fetch>"));
        Assert.AreEqual(-2147164125, fault.ErrorCode);
        StringAssert.Contains(fault.Message, "AggregateQueryRecordLimit exceeded");
    }

    [TestMethod]
    public void More_than_50000_rows_fault_with_AggregateQueryRecordLimit_and_its_documented_code()
    {
        // Docs, "Limitations": error code -2147164125 (8004E023), "AggregateQueryRecordLimit exceeded. Cannot perform this operation."
        Dataverse.Seed(Enumerable.Range(0, 50_001).Select(i => new Entity("account") { ["name"] = "A" }).ToArray());
        const string xml = "<fetch aggregate='true'><entity name='account'><attribute name='accountid' alias='n' aggregate='count' /></entity></fetch>";
        var fault = Fault(() => Fetch(xml));
        Assert.AreEqual(unchecked((int)0x8004E023), fault.ErrorCode);
        Assert.AreEqual("AggregateQueryRecordLimit exceeded. Cannot perform this operation.", fault.Message);
        var filtered = xml.Replace("</entity>", "<filter><condition attribute='name' operator='eq' value='none' /></filter></entity>", StringComparison.Ordinal);
        Assert.AreEqual(0, Value(Fetch(filtered).Single(), "n"), "the limit counts the rows the filters select, not the table");
    }

    [TestMethod]
    public void An_attribute_that_is_neither_groupby_nor_aggregate_faults()
    {
        // Source: the server's message quoted in MarkMpn/Sql4Cds#59 and #251.
        var fault = Fault(() => Fetch("<fetch aggregate='true'><entity name='lead'><attribute name='lastname' /><attribute name='leadid' alias='n' aggregate='count' /></entity></fetch>"));
        StringAssert.StartsWith(fault.Message, "An attribute can not be requested when an aggregate operation has been specified and its neither groupby nor aggregate.");
    }

    [TestMethod]
    public void An_aggregate_attribute_without_an_alias_faults()
    {
        // Docs: "To return an aggregate value, you must ... set the alias attribute for each attribute element."
        var fault = Fault(() => Fetch("<fetch aggregate='true'><entity name='lead'><attribute name='leadid' aggregate='count' /></entity></fetch>"));
        StringAssert.Contains(fault.Message, "alias");
    }

    [TestMethod]
    public void Sum_of_a_text_column_faults()
    {
        // Docs: sum and avg total "the column values"; a text column has none to add. [inferred: the server refuses the query]
        var fault = Fault(() => Fetch("<fetch aggregate='true'><entity name='lead'><attribute name='lastname' alias='s' aggregate='sum' /></entity></fetch>"));
        StringAssert.Contains(fault.Message, "sum");
    }

    [TestMethod]
    public void Order_by_an_aggregate_alias_descending_sorts_the_groups()
    {
        SeedDocsExample();
        var rows = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='address1_city' alias='City' groupby='true' />
              <attribute name='numberofemployees' alias='Total' aggregate='sum' />
              <order alias='Total' descending='true' />
            </entity></fetch>
            """);
        Assert.AreEqual("Redmond", Value(rows[0], "City"));
        Assert.AreEqual("Dallas", Value(rows[1], "City"));
        Assert.IsNull(Value(rows[^1], "City"));
    }

    [TestMethod]
    public void Sum_and_avg_of_float_and_decimal_columns_keep_their_types()
    {
        CreateLead("A", more: l => { l["address1_latitude"] = 1.5; l["exchangerate"] = 2.5m; });
        CreateLead("B", more: l => { l["address1_latitude"] = 2.5; l["exchangerate"] = 3.5m; });
        var row = Fetch("""
            <fetch aggregate='true'><entity name='lead'>
              <attribute name='address1_latitude' alias='lat' aggregate='avg' />
              <attribute name='exchangerate' alias='rate' aggregate='sum' />
            </entity></fetch>
            """).Single();
        Assert.AreEqual(2.0, Value(row, "lat"));
        Assert.AreEqual(6.0m, Value(row, "rate"));
    }
}
