using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static LeadPlugins.Plugins.Registration.PipelineStage;

namespace LeadPlugins.InMemory.Tests;

/// <summary>
/// Every call sees a copy, whatever the store shares inside (issue 13's speed work keeps a Create's own copy of its
/// Target as the row when no step sees it, shares one reference per user between rows, and cuts images from the
/// stored row). Source: the SDK serializes requests and responses over the wire, so no caller or plug-in object ever
/// aliases a stored row [inferred, as CrudContractTests' Create_does_not_change_the_callers_entity_object].
/// </summary>
[TestClass]
public sealed class StoredValueIsolationTests : DataverseTestBase
{
    [TestMethod]
    public void Changing_the_callers_entity_and_its_lookup_after_Create_changes_nothing_stored()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var lead = new Entity("lead") { ["lastname"] = "Doe", ["parentaccountid"] = new EntityReference("account", account) };
        var id = Service.Create(lead);

        lead["lastname"] = "Changed";
        lead.GetAttributeValue<EntityReference>("parentaccountid").Id = Guid.NewGuid();

        var stored = Service.Retrieve("lead", id, new ColumnSet("lastname", "parentaccountid"));
        Assert.AreEqual("Doe", stored.GetAttributeValue<string>("lastname"));
        Assert.AreEqual(account, stored.GetAttributeValue<EntityReference>("parentaccountid").Id);
    }

    [TestMethod]
    public void Changing_a_read_rows_created_by_reference_does_not_reach_other_rows_of_the_same_user()
    {
        var first = CreateLead("First");
        var second = CreateLead("Second");

        var read = Service.Retrieve("lead", first, new ColumnSet("createdby", "ownerid", "owninguser"));
        read.GetAttributeValue<EntityReference>("createdby").Id = Guid.NewGuid();
        read.GetAttributeValue<EntityReference>("ownerid").Name = "Someone else";
        read.GetAttributeValue<EntityReference>("owninguser").LogicalName = "team";

        foreach (var id in new[] { first, second })
        {
            var again = Service.Retrieve("lead", id, new ColumnSet("createdby", "ownerid", "owninguser"));
            Assert.AreEqual(Dataverse.CallerId, again.GetAttributeValue<EntityReference>("createdby").Id);
            Assert.AreEqual("Test Caller", again.GetAttributeValue<EntityReference>("ownerid").Name);
            Assert.AreEqual("systemuser", again.GetAttributeValue<EntityReference>("owninguser").LogicalName);
        }
    }

    [TestMethod]
    public void A_post_image_changed_by_a_plugin_leaves_the_stored_row_and_the_next_image_as_they_were()
    {
        // Source: images are copies in the plug-in's context (anchors §4: images are snapshots of the row).
        Step("Update", "lead", PostOperation, s =>
        {
            var image = s.Context.PostEntityImages["post"];
            image["lastname"] = "Changed by the plug-in";
            image.GetAttributeValue<EntityReference>("ownerid").Id = Guid.NewGuid();
        }, image: "post", imageType: Plugins.Registration.ImageType.PostImage, imageAttributes: "lastname,ownerid");
        var id = CreateLead("Doe");

        Service.Update(new Entity("lead", id) { ["jobtitle"] = "CTO" });
        Service.Update(new Entity("lead", id) { ["jobtitle"] = "CIO" });

        var stored = Row("lead", id);
        Assert.AreEqual("Doe", stored.GetAttributeValue<string>("lastname"));
        Assert.AreEqual(Dataverse.CallerId, stored.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public void An_async_jobs_image_shows_the_row_as_queued_on_every_run_whatever_was_written_or_changed_since()
    {
        // Source: the async job carries the context serialized at queue time (anchors §4: images are snapshots of the row).
        var seen = new List<string?>();
        Step("Update", "lead", PostOperation, s =>
        {
            var image = s.Context.PostEntityImages["post"];
            seen.Add(image.GetAttributeValue<string>("jobtitle"));
            image["jobtitle"] = "Changed by the plug-in";
        }, mode: Plugins.Registration.ExecutionMode.Asynchronous, image: "post", imageType: Plugins.Registration.ImageType.PostImage, imageAttributes: "jobtitle");
        var id = CreateLead("Doe");
        Service.Update(new Entity("lead", id) { ["jobtitle"] = "CTO" });
        var first = Dataverse.AsyncJobs.Single();
        Service.Update(new Entity("lead", id) { ["jobtitle"] = "CIO" });

        Dataverse.DrainAsync();
        Dataverse.ReplayAsync(first);

        CollectionAssert.AreEqual(new[] { "CTO", "CIO", "CTO" }, seen);
        Assert.AreEqual("CIO", Row("lead", id).GetAttributeValue<string>("jobtitle"));
    }

    [TestMethod]
    public void Changing_a_read_rows_choice_or_a_targets_choice_after_the_pipeline_reaches_no_stored_row()
    {
        // Rows written through a pipeline (a step sees the Target) store one shared value per choice.
        OptionSetValue? seenByStep = null;
        Step("Create", "lead", PostOperation, s => seenByStep = (OptionSetValue)((Entity)s.Context.InputParameters["Target"])["leadqualitycode"]);
        var first = CreateLead("A", more: l => l["leadqualitycode"] = new OptionSetValue(1));
        var second = CreateLead("B", more: l => l["leadqualitycode"] = new OptionSetValue(1));

        Service.Retrieve("lead", first, new ColumnSet("leadqualitycode")).GetAttributeValue<OptionSetValue>("leadqualitycode").Value = 3;
        seenByStep!.Value = 2;

        foreach (var id in new[] { first, second })
            Assert.AreEqual(1, Service.Retrieve("lead", id, new ColumnSet("leadqualitycode")).GetAttributeValue<OptionSetValue>("leadqualitycode").Value);
    }

    [TestMethod]
    public void A_row_owned_by_a_team_holds_owningteam_and_no_owninguser()
    {
        // Source: the owning columns follow ownerid (anchors §4; EnrollmentTests' team owner).
        var team = Service.Create(new Entity("team") { ["name"] = "Sellers" });
        var id = CreateLead(more: l => l["ownerid"] = new EntityReference("team", team));

        var row = Row("lead", id);
        Assert.AreEqual(team, row.GetAttributeValue<EntityReference>("owningteam").Id);
        Assert.IsFalse(row.Contains("owninguser"));

        Service.Update(new Entity("lead", id) { ["ownerid"] = new EntityReference("systemuser", Dataverse.CallerId) });
        row = Row("lead", id);
        Assert.AreEqual(Dataverse.CallerId, row.GetAttributeValue<EntityReference>("owninguser").Id);
        Assert.IsFalse(row.Contains("owningteam"));
    }

    [TestMethod]
    [DataRow(ConditionOperator.BeginsWith, "JA", "jane@contoso.example,JANE@fabrikam.example")]
    [DataRow(ConditionOperator.EndsWith, "@CONTOSO.example", "jane@contoso.example,john@contoso.example")]
    [DataRow(ConditionOperator.Contains, "n@c", "john@contoso.example")]
    [DataRow(ConditionOperator.DoesNotBeginWith, "ja", "john@contoso.example,j%n@x.example")]
    [DataRow(ConditionOperator.BeginsWith, "j%h", "john@contoso.example")]
    [DataRow(ConditionOperator.Like, "JOHN@CONTOSO.EXAMPLE", "john@contoso.example")]
    [DataRow(ConditionOperator.Like, "j_n%", "jane@contoso.example,JANE@fabrikam.example,j%n@x.example")]
    public void Text_operators_ignore_case_and_keep_percent_as_a_wildcard(ConditionOperator op, string value, string expected)
    {
        // Source: "Filter rows" (learn.microsoft.com/power-apps/developer/data-platform/fetchxml/filter-rows): like,
        // begins-with, ends-with are case-insensitive; % is a wildcard in any of them, _ only in like.
        foreach (var email in new[] { "jane@contoso.example", "john@contoso.example", "JANE@fabrikam.example", "j%n@x.example" })
            CreateLead(email: email);
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("emailaddress1") };
        query.Criteria.AddCondition("emailaddress1", op, value);

        var found = Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("emailaddress1")).OrderBy(e => e, StringComparer.Ordinal);
        Assert.AreEqual(string.Join(",", expected.Split(',').OrderBy(e => e, StringComparer.Ordinal)), string.Join(",", found));
    }

    [TestMethod]
    public void FindRows_reads_copies_by_an_indexed_column_without_a_request()
    {
        var first = CreateLead("First", "same@contoso.example");
        CreateLead("Second", "other@contoso.example");
        var requests = Dataverse.Counters.Total;

        var rows = Dataverse.FindRows("lead", "emailaddress1", "SAME@contoso.example", "lastname");
        rows[0]["lastname"] = "Changed";

        Assert.AreEqual(1, rows.Count);
        Assert.AreEqual(first, rows[0].Id);
        Assert.IsFalse(rows[0].Contains("emailaddress1"));
        Assert.AreEqual(requests, Dataverse.Counters.Total);
        Assert.AreEqual("First", Row("lead", first).GetAttributeValue<string>("lastname"));
    }

    [TestMethod]
    public void PeekRows_reads_the_stored_rows_themselves_by_an_indexed_column_without_a_request()
    {
        var first = CreateLead("First", "same@contoso.example");
        CreateLead("Second", "other@contoso.example");
        var requests = Dataverse.Counters.Total;

        var rows = Dataverse.PeekRows("lead", "emailaddress1", "SAME@contoso.example");

        Assert.AreEqual(first, rows.Single().Id);
        Assert.AreEqual("same@contoso.example", rows[0].GetAttributeValue<string>("emailaddress1"), "all stored columns, as stored");
        Assert.AreSame(rows[0], Dataverse.PeekRow("lead", first), "no copies");
        Assert.IsNull(Dataverse.PeekRow("lead", Guid.NewGuid()));
        Assert.AreEqual(requests, Dataverse.Counters.Total);
        Fault(() => Dataverse.PeekRows("lead", "nosuchcolumn", "x"));
        Service.Update(new Entity("lead", first) { ["lastname"] = "Renamed" });
        Assert.AreEqual("First", rows[0].GetAttributeValue<string>("lastname"), "a write stores a new row; a row peeked before it is not changed");
    }

    [TestMethod]
    public void The_paging_cookie_is_the_text_XElement_writes_with_upper_case_braced_ids()
    {
        // Source: "Page results using QueryExpression" (learn.microsoft.com/power-apps/developer/data-platform/org-service/page-large-result-sets-with-queryexpression): the cookie names the page and the first and last ids.
        for (var i = 0; i < 3; i++) CreateLead("Lead " + i);
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname"), PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };

        var page = Service.RetrieveMultiple(query);

        var expected = new System.Xml.Linq.XElement("cookie", new System.Xml.Linq.XAttribute("page", 1),
            new System.Xml.Linq.XElement("leadid",
                new System.Xml.Linq.XAttribute("last", page.Entities[1].Id.ToString("B").ToUpperInvariant()),
                new System.Xml.Linq.XAttribute("first", page.Entities[0].Id.ToString("B").ToUpperInvariant())));
        Assert.AreEqual(expected.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), page.PagingCookie);
    }
}
