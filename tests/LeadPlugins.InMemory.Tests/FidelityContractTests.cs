using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory.Tests;

/// <summary>Server behaviours found missing by running a peer harness's suite (issue 13), each with its source.</summary>
[TestClass]
public sealed class FidelityContractTests : DataverseTestBase
{
    [TestMethod]
    public void Retrieve_fills_lookup_names_from_the_related_row_and_shows_a_rename_on_the_next_read()
    {
        // Source: SDK docs of EntityReference.Name ("the value of the primary attribute of the referenced record").
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var lead = CreateLead(more: l => l["parentaccountid"] = new EntityReference("account", account));
        var read = Service.Retrieve("lead", lead, new ColumnSet("parentaccountid", "ownerid"));
        Assert.AreEqual("Contoso", read.GetAttributeValue<EntityReference>("parentaccountid").Name);
        Assert.AreEqual("Test Caller", read.GetAttributeValue<EntityReference>("ownerid").Name);

        Service.Update(new Entity("account", account) { ["name"] = "Contoso Ltd" });
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("parentaccountid") };
        Assert.AreEqual("Contoso Ltd", Service.RetrieveMultiple(query).Entities.Single().GetAttributeValue<EntityReference>("parentaccountid").Name);
    }

    [TestMethod]
    public void A_condition_may_name_a_link_without_alias_by_its_table_logical_name()
    {
        // Source: issue 13 (the server accepts the link-entity name or its alias; the peer suite's case faulted here).
        var contoso = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var fabrikam = Service.Create(new Entity("account") { ["name"] = "Fabrikam" });
        CreateLead("A", more: l => l["parentaccountid"] = new EntityReference("account", contoso));
        CreateLead("B", more: l => l["parentaccountid"] = new EntityReference("account", fabrikam));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        query.AddLink("account", "parentaccountid", "accountid");
        query.Criteria.AddCondition("account", "name", ConditionOperator.Equal, "Contoso");
        Assert.AreEqual("A", Service.RetrieveMultiple(query).Entities.Single().GetAttributeValue<string>("lastname"));

        var fetch = "<fetch><entity name='lead'><attribute name='lastname' /><link-entity name='account' from='accountid' to='parentaccountid' />"
            + "<filter><condition entityname='account' attribute='name' operator='eq' value='Fabrikam' /></filter></entity></fetch>";
        Assert.AreEqual("B", Service.RetrieveMultiple(new FetchExpression(fetch)).Entities.Single().GetAttributeValue<string>("lastname"));
    }

    [TestMethod]
    public void Associate_writes_intersect_rows_that_queries_join_and_Disassociate_removes()
    {
        // Source: issue 13; intersect tables systemuserroles and teammembership (Dataverse table/column reference).
        var user = Dataverse.AddUser("Seller");
        var role = Service.Create(new Entity("role") { ["name"] = "Salesperson" });
        var relationship = new Relationship("systemuserroles_association");
        Service.Associate("role", role, relationship, new EntityReferenceCollection { new EntityReference("systemuser", user) });

        var query = new QueryExpression("systemuser") { ColumnSet = new ColumnSet("fullname") };
        var intersect = query.AddLink("systemuserroles", "systemuserid", "systemuserid");
        intersect.AddLink("role", "roleid", "roleid").LinkCriteria.AddCondition("name", ConditionOperator.Equal, "Salesperson");
        Assert.AreEqual("Seller", Service.RetrieveMultiple(query).Entities.Single().GetAttributeValue<string>("fullname"));

        Service.Disassociate("systemuser", user, relationship, new EntityReferenceCollection { new EntityReference("role", role) });
        Assert.AreEqual(0, Service.RetrieveMultiple(query).Entities.Count);
        Assert.AreEqual(0, Dataverse.Query("systemuserroles").Count);
    }

    [TestMethod]
    public void Team_membership_is_a_joinable_intersect_row_and_a_custom_N_to_N_can_be_declared()
    {
        var dataverse = NewDataverse(o => o.ManyToManyRelationships.Add(new ManyToManyRelationship("campaign_leads", "campaignleads", "campaign", "campaignid", "lead", "leadid")));
        var service = dataverse.GetOrganizationService();
        var team = service.Create(new Entity("team") { ["name"] = "Inside sales" });
        var user = dataverse.AddUser("Member");
        service.Associate("team", team, new Relationship("teammembership_association"), new EntityReferenceCollection { new EntityReference("systemuser", user) });
        Assert.AreEqual(user, dataverse.Query("teammembership").Single().GetAttributeValue<Guid>("systemuserid"));

        var campaign = service.Create(new Entity("campaign") { ["name"] = "Spring" });
        var lead = service.Create(new Entity("lead") { ["lastname"] = "Doe" });
        service.Associate("lead", lead, new Relationship("campaign_leads"), new EntityReferenceCollection { new EntityReference("campaign", campaign) });
        var row = dataverse.Query("campaignleads").Single();
        Assert.AreEqual(campaign, row.GetAttributeValue<Guid>("campaignid"), "entity 1's id goes to its column whichever side Associate names first");
        service.Delete("lead", lead);
        Assert.AreEqual(0, dataverse.Query("campaignleads").Count, "deleting either row removes its intersect rows");
    }

    [TestMethod]
    public void Order_by_a_lookup_sorts_by_the_related_rows_primary_name_nulls_first()
    {
        // Source: Microsoft docs "Order rows" (lookup columns order by the related row's primary name) and anchors §4 nulls first.
        var zeta = Service.Create(new Entity("account") { ["name"] = "Zeta" });
        var alpha = Service.Create(new Entity("account") { ["name"] = "Alpha" });
        CreateLead("OfZeta", more: l => l["parentaccountid"] = new EntityReference("account", zeta));
        CreateLead("OfNone");
        CreateLead("OfAlpha", more: l => l["parentaccountid"] = new EntityReference("account", alpha));
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        query.AddOrder("parentaccountid", OrderType.Ascending);
        CollectionAssert.AreEqual(new[] { "OfNone", "OfAlpha", "OfZeta" }, Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("lastname")).ToArray());
    }

    [TestMethod]
    public void Float_and_Decimal_columns_take_double_and_decimal_values_only()
    {
        // Source: SDK docs, attribute types (Double -> System.Double, Decimal -> System.Decimal).
        var id = CreateLead(more: l => { l["address1_latitude"] = 47.64; l["exchangerate"] = 1.25m; });
        var row = Service.Retrieve("lead", id, new ColumnSet("address1_latitude", "exchangerate"));
        Assert.AreEqual(47.64, row.GetAttributeValue<double>("address1_latitude"));
        Assert.AreEqual(1.25m, row.GetAttributeValue<decimal>("exchangerate"));
        StringAssert.Contains(Fault(() => CreateLead(more: l => l["address1_latitude"] = 47.64m)).Message, "System.Double");
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("address1_latitude", ConditionOperator.GreaterThan, 40.0);
        Assert.AreEqual(1, Service.RetrieveMultiple(query).Entities.Count);
    }

    private List<string> LeadsWhere(ConditionOperator op, params object[] values)
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("createdon", op, values);
        return Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("lastname")).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    [TestMethod]
    public void Calendar_date_operators_use_week_month_and_year_boundaries()
    {
        // Source: FetchXML operator docs (last-week: "the previous week including Sunday through Saturday"; this-year,
        // last-month, ...: the calendar period). The clock is Monday 2026-03-02 09:30 UTC.
        foreach (var (name, created) in new[] { ("Sat", new DateTime(2026, 2, 28, 23, 0, 0, DateTimeKind.Utc)), ("Sun", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)),
                     ("Jan", new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)), ("LastYear", new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc)) })
        {
            Now = created;
            CreateLead(name);
        }
        Now = T0;
        CollectionAssert.AreEqual(new[] { "Sun" }, LeadsWhere(ConditionOperator.ThisWeek));
        CollectionAssert.AreEqual(new[] { "Sat" }, LeadsWhere(ConditionOperator.LastWeek));
        CollectionAssert.AreEqual(new[] { "Sun" }, LeadsWhere(ConditionOperator.ThisMonth));
        CollectionAssert.AreEqual(new[] { "Sat" }, LeadsWhere(ConditionOperator.LastMonth));
        CollectionAssert.AreEqual(new[] { "Jan", "Sat", "Sun" }, LeadsWhere(ConditionOperator.ThisYear));
        CollectionAssert.AreEqual(new[] { "LastYear" }, LeadsWhere(ConditionOperator.LastYear));
        CollectionAssert.AreEqual(new[] { "Jan", "Sat", "Sun" }, LeadsWhere(ConditionOperator.LastXWeeks, 7));
        CollectionAssert.AreEqual(new[] { "Jan", "LastYear" }, LeadsWhere(ConditionOperator.OlderThanXWeeks, 2));

        var fetch = "<fetch><entity name='lead'><attribute name='lastname' /><filter><condition attribute='createdon' operator='this-year' /></filter></entity></fetch>";
        Assert.AreEqual(3, Service.RetrieveMultiple(new FetchExpression(fetch)).Entities.Count);
    }

    [TestMethod]
    public void Next_x_weeks_and_olderthan_x_hours_follow_the_clock()
    {
        // Source: FetchXML operator docs (next-x-weeks: "within the next X weeks"; olderthan-x-hours: "older than X hours").
        CreateLead("Now");
        Now = T0.AddDays(10);
        CreateLead("InTenDays");
        Now = T0.AddDays(20);
        CreateLead("InTwentyDays");
        Now = T0;
        CollectionAssert.AreEqual(new[] { "InTenDays", "Now" }, LeadsWhere(ConditionOperator.NextXWeeks, 2));
        Now = T0.AddHours(5);
        CollectionAssert.AreEqual(new[] { "Now" }, LeadsWhere(ConditionOperator.OlderThanXHours, 4));
    }

    [TestMethod]
    public void Hour_operators_fault_on_a_date_only_column()
    {
        // Source: anchors §4 Dates (behavior-format-date-time-attribute.md: time-based operators are not supported on DateOnly).
        var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("estimatedclosedate", ConditionOperator.LastXHours, 3);
        Fault(() => Service.RetrieveMultiple(query));
    }

    [TestMethod]
    public void Semi_join_link_types_keep_or_drop_the_parent_once_without_link_columns()
    {
        // Source: JoinOperator docs and FetchXML link-type docs (any, not any, all, not all, exists, in, matchfirstrowusingcrossapply).
        var busy = Service.Create(new Entity("account") { ["name"] = "Busy" });
        var idle = Service.Create(new Entity("account") { ["name"] = "Idle" });
        var mixed = Service.Create(new Entity("account") { ["name"] = "Mixed" });
        CreateLead("Hot1", more: l => { l["parentaccountid"] = new EntityReference("account", busy); l["leadqualitycode"] = new OptionSetValue(1); });
        CreateLead("Hot2", more: l => { l["parentaccountid"] = new EntityReference("account", busy); l["leadqualitycode"] = new OptionSetValue(1); });
        CreateLead("Hot3", more: l => { l["parentaccountid"] = new EntityReference("account", mixed); l["leadqualitycode"] = new OptionSetValue(1); });
        CreateLead("Cold", more: l => { l["parentaccountid"] = new EntityReference("account", mixed); l["leadqualitycode"] = new OptionSetValue(3); });

        List<string> Accounts(string linkType)
        {
            var fetch = "<fetch><entity name='account'><attribute name='name' /><order attribute='name' />"
                + "<link-entity name='lead' from='parentaccountid' to='accountid' link-type='" + linkType + "'>"
                + "<filter><condition attribute='leadqualitycode' operator='eq' value='1' /></filter></link-entity></entity></fetch>";
            return Service.RetrieveMultiple(new FetchExpression(fetch)).Entities.Select(e => e.GetAttributeValue<string>("name")).ToList();
        }
        CollectionAssert.AreEqual(new[] { "Busy", "Mixed" }, Accounts("any"));
        CollectionAssert.AreEqual(new[] { "Busy", "Mixed" }, Accounts("exists"));
        CollectionAssert.AreEqual(new[] { "Busy", "Mixed" }, Accounts("in"));
        CollectionAssert.AreEqual(new[] { "Idle" }, Accounts("not any"));
        CollectionAssert.AreEqual(new[] { "Busy", "Idle" }, Accounts("all"), "docs: includes parents without related rows");
        CollectionAssert.AreEqual(new[] { "Mixed" }, Accounts("not all"));
        CollectionAssert.AreEqual(new[] { "Busy", "Mixed" }, Accounts("matchfirstrowusingcrossapply"));
        CollectionAssert.AreEqual(new[] { "Busy", "Busy", "Mixed" }, Accounts("inner"));

        var natural = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        natural.AddLink("lead", "accountid", "parentaccountid", JoinOperator.Natural);
        Assert.AreEqual(4, Service.RetrieveMultiple(natural).Entities.Count, "Natural is an equal join");
    }
}
