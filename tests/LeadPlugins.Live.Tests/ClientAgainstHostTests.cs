using System.ServiceModel;
using LeadPlugins.Emulator;
using LeadPlugins.InMemory;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Live.Tests;

/// <summary>The Web API client against the local host, end to end over HTTP.</summary>
[TestClass]
public sealed class ClientAgainstHostTests
{
    [TestMethod]
    public async Task Create_retrieve_update_delete_round_trip_with_types_and_lookups()
    {
        await using var host = await TestHost.StartAsync();
        var service = host.Client;
        var owner = host.Dataverse.AddUser("Avery Router", email: "avery@contoso.example");

        var id = service.Create(new Entity("lead")
        {
            ["subject"] = "AzureMarketplace-Install|contoso.widget",
            ["firstname"] = "Jo",
            ["leadqualitycode"] = new OptionSetValue(2),
            ["ownerid"] = new EntityReference("systemuser", owner),
        });
        var stored = host.Dataverse.Get("lead", id)!;
        Assert.AreEqual("Jo", stored.GetAttributeValue<string>("firstname"));
        Assert.AreEqual(owner, stored.GetAttributeValue<EntityReference>("ownerid").Id);

        var read = service.Retrieve("lead", id, new ColumnSet("subject", "leadqualitycode", "ownerid", "createdon"));
        Assert.AreEqual(id, read.Id);
        Assert.AreEqual("AzureMarketplace-Install|contoso.widget", read.GetAttributeValue<string>("subject"));
        Assert.AreEqual(2, read.GetAttributeValue<OptionSetValue>("leadqualitycode").Value);
        var ownerRef = read.GetAttributeValue<EntityReference>("ownerid");
        Assert.AreEqual("systemuser", ownerRef.LogicalName);
        Assert.AreEqual("Avery Router", ownerRef.Name, "formatted value of the lookup (its primary name)");
        Assert.AreEqual(DateTimeKind.Utc, read.GetAttributeValue<DateTime>("createdon").Kind);
        Assert.IsFalse(read.Contains("firstname"), "only the selected columns come back");

        service.Update(new Entity("lead", id) { ["firstname"] = "Joanna", ["leadqualitycode"] = null });
        stored = host.Dataverse.Get("lead", id)!;
        Assert.AreEqual("Joanna", stored.GetAttributeValue<string>("firstname"));
        Assert.IsFalse(stored.Contains("leadqualitycode") && stored["leadqualitycode"] != null);

        service.Delete("lead", id);
        Assert.IsNull(host.Dataverse.Get("lead", id));
    }

    [TestMethod]
    public async Task Missing_rows_and_bad_requests_are_faults_with_the_server_code()
    {
        await using var host = await TestHost.StartAsync();
        var missing = Guid.NewGuid();

        var retrieve = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => host.Client.Retrieve("lead", missing, new ColumnSet("subject")));
        Assert.AreEqual(ErrorCodes.ObjectDoesNotExist, retrieve.Detail.ErrorCode);
        StringAssert.Contains(retrieve.Detail.Message, missing.ToString());

        var update = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => host.Client.Update(new Entity("lead", missing) { ["subject"] = "x" }));
        Assert.AreEqual(ErrorCodes.ObjectDoesNotExist, update.Detail.ErrorCode, "If-Match: * makes a missing row an error instead of an upsert");
        Assert.IsNull(host.Dataverse.Get("lead", missing));

        var tooLong = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => host.Client.Create(new Entity("lead") { ["firstname"] = new string('x', 5000) }));
        Assert.AreEqual(ErrorCodes.StringLengthTooLong, tooLong.Detail.ErrorCode);
    }

    [TestMethod]
    public async Task Query_expression_pages_through_12000_rows_with_paging_cookies()
    {
        await using var host = await TestHost.StartAsync();
        var rows = Enumerable.Range(0, 12_000).Select(i => new Entity("lead", Guid.NewGuid()) { ["subject"] = "Lead " + i.ToString("D5"), ["lastname"] = i % 3 == 0 ? "Three" : "Other" }).ToArray();
        host.Dataverse.Seed(rows);

        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("subject"), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
        query.AddOrder("subject", OrderType.Ascending);
        var seen = new List<string>();
        var pages = 0;
        while (true)
        {
            var page = host.Client.RetrieveMultiple(query);
            pages++;
            seen.AddRange(page.Entities.Select(e => e.GetAttributeValue<string>("subject")));
            if (!page.MoreRecords) break;
            Assert.IsFalse(string.IsNullOrEmpty(page.PagingCookie));
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }

        Assert.AreEqual(3, pages);
        Assert.AreEqual(12_000, seen.Count);
        CollectionAssert.AreEqual(rows.Select(r => (string)r["subject"]).OrderBy(s => s, StringComparer.Ordinal).ToList(), seen);

        var filtered = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") };
        filtered.Criteria.AddCondition("lastname", ConditionOperator.Equal, "Three");
        var firstPage = host.Client.RetrieveMultiple(filtered);
        Assert.AreEqual(4000, firstPage.Entities.Count, "a query without paging gets the server's first page (5,000 at most)");
        Assert.IsFalse(firstPage.MoreRecords);
    }

    [TestMethod]
    public async Task Fetch_expression_and_query_by_attribute_travel_as_fetchXml()
    {
        await using var host = await TestHost.StartAsync();
        host.Dataverse.Seed(new Entity("lead") { ["subject"] = "alpha", ["emailaddress1"] = "a@contoso.example" }, new Entity("lead") { ["subject"] = "beta" });

        var fetched = host.Client.RetrieveMultiple(new FetchExpression("<fetch><entity name='lead'><attribute name='subject'/><filter><condition attribute='subject' operator='eq' value='beta'/></filter></entity></fetch>"));
        Assert.AreEqual("beta", fetched.Entities.Single().GetAttributeValue<string>("subject"));

        var byAttribute = new QueryByAttribute("lead") { ColumnSet = new ColumnSet("subject") };
        byAttribute.AddAttributeValue("emailaddress1", "a@contoso.example");
        Assert.AreEqual("alpha", host.Client.RetrieveMultiple(byAttribute).Entities.Single().GetAttributeValue<string>("subject"));
    }

    [TestMethod]
    public async Task WhoAmI_CreateMultiple_and_UpdateMultiple_go_through_Execute()
    {
        await using var host = await TestHost.StartAsync();

        var who = (WhoAmIResponse)ToTyped<WhoAmIResponse>(host.Client.Execute(new WhoAmIRequest()));
        Assert.AreEqual(host.Dataverse.CallerId, who.UserId);
        Assert.AreEqual(host.Dataverse.OrganizationId, who.OrganizationId);

        var targets = new EntityCollection { EntityName = "lead" };
        for (var i = 0; i < 3; i++) targets.Entities.Add(new Entity("lead") { ["subject"] = "bulk " + i });
        var created = host.Client.Execute(new CreateMultipleRequest { Targets = targets });
        var ids = (Guid[])created.Results["Ids"];
        Assert.AreEqual(3, ids.Length);

        var updates = new EntityCollection { EntityName = "lead" };
        foreach (var id in ids) updates.Entities.Add(new Entity("lead", id) { ["lastname"] = "Updated" });
        host.Client.Execute(new UpdateMultipleRequest { Targets = updates });
        foreach (var id in ids) Assert.AreEqual("Updated", host.Dataverse.Get("lead", id)!.GetAttributeValue<string>("lastname"));
        Assert.AreEqual(1, host.Dataverse.Counters["UpdateMultiple"], "one bulk request, not one per row");
    }

    private static T ToTyped<T>(OrganizationResponse response) where T : OrganizationResponse, new()
    {
        var typed = new T();
        foreach (var pair in response.Results) typed.Results[pair.Key] = pair.Value;
        return typed;
    }

    [TestMethod]
    public async Task Throttled_and_failing_host_is_retried_until_every_request_succeeds()
    {
        await using var host = await TestHost.StartAsync(new EmulatorOptions { ThrottleRequests = 10, ThrottleWindow = TimeSpan.FromSeconds(1), FailRate = 0.2, FaultSeed = 7 });

        var ids = new List<Guid>();
        for (var i = 0; i < 40; i++) ids.Add(host.Client.Create(new Entity("lead") { ["subject"] = "retry " + i }));

        Assert.AreEqual(40, host.Dataverse.Query("lead").Count, "every create ran exactly once: refused requests never reached the store");
        Assert.IsTrue(host.Emulator.Throttled > 0, "the host throttled");
        Assert.IsTrue(host.Emulator.Failed > 0, "the host injected faults");
        Assert.IsTrue(host.Client.Statistics.Throttled > 0);
        Assert.IsTrue(host.Client.Statistics.Retries >= host.Emulator.Throttled + host.Emulator.Failed - 1);
        Assert.IsTrue(host.Client.Statistics.Waited > TimeSpan.Zero);
        Assert.AreEqual(4, host.Client.Statistics.DegreeOfParallelismHint);
    }

    [TestMethod]
    public async Task Retry_budget_spent_ends_in_one_clear_fault()
    {
        await using var host = await TestHost.StartAsync(new EmulatorOptions { ThrottleRequests = 0, ThrottleWindow = TimeSpan.FromMilliseconds(50) });
        using var client = new LeadPlugins.WebApi.WebApiOrganizationService(LeadPlugins.WebApi.DataverseConnection.FromUrl(host.Emulator.Url.ToString()),
            new LeadPlugins.WebApi.WebApiOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(10) });

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => client.Execute(new WhoAmIRequest()));

        Assert.AreEqual(-2147015902, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Message, "after 2 retries");
        Assert.AreEqual(3, client.Statistics.Requests);
        Assert.IsFalse(fault.Message.Contains('\n'));
    }
}
