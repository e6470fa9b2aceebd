using System.Net;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using LeadPlugins.Emulator;
using LeadPlugins.WebApi;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.Live.Tests;

/// <summary>$batch: the client's fallback for URLs over 32 KB, the emulator's multipart handling, the documented response shape.</summary>
[TestClass]
public sealed class BatchTests
{
    private static readonly List<string> Emails = Enumerable.Range(0, 600).Select(i => "someone.with.a.long.address" + i + "@contoso.example").ToList();

    private static QueryExpression LeadsByEmail()
    {
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("emailaddress1") };
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.In, Emails.Cast<object>().ToArray());
        return query;
    }

    [TestMethod]
    public void Documented_batch_response_reads_as_four_answers_in_order()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "execute-batch-operations.batch-response.txt"));

        var parts = WebApiBatch.ReadResponse(text);

        CollectionAssert.AreEqual(new[] { 204, 204, 204, 200 }, parts.Select(p => p.Status).ToArray());
        Assert.AreEqual("[Organization Uri]/api/data/v9.2/tasks(d41ba648-c592-ed11-aad1-000d3a993550)", parts[1].Headers["OData-EntityId"]);
        Assert.IsNull(parts[0].Body);
        using var json = JsonDocument.Parse(parts[3].Body!);
        var rows = json.RootElement.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("subject").GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "Task 1 in batch", "Task 2 in batch", "Task 3 in batch" }, rows);
    }

    [TestMethod]
    public async Task Fetch_whose_url_exceeds_32_KB_travels_in_one_batch_and_returns_the_matching_rows()
    {
        await using var host = await TestHost.StartAsync();
        host.Dataverse.Seed(Emails.Where((_, i) => i % 60 == 0).Select(e => new Entity("lead") { ["emailaddress1"] = e })
            .Append(new Entity("lead") { ["emailaddress1"] = "not.in.the.list@contoso.example" }).ToArray());
        var fetchXml = FetchXmlBuilder.Build(LeadsByEmail(), 5000);
        Assert.IsTrue(Uri.EscapeDataString(fetchXml).Length > WebApiBatch.MaxUrlLength, "the query's URL is over the limit");
        Assert.IsTrue(Uri.EscapeDataString(fetchXml).Length < DataverseEmulator.MaxBatchUrlLength, "and under the limit inside a batch");
        host.Client.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("emailaddress1"), TopCount = 1 }); // metadata read first
        var before = host.Emulator.Requests;

        var rows = host.Client.RetrieveMultiple(LeadsByEmail());

        CollectionAssert.AreEquivalent(Emails.Where((_, i) => i % 60 == 0).ToList(), rows.Entities.Select(r => r.GetAttributeValue<string>("emailaddress1")).ToList());
        Assert.AreEqual(1, host.Emulator.Requests - before, "one POST $batch carried the query");
        Assert.AreEqual(host.Client.Statistics.Requests, host.Emulator.Requests, "every request the client sent reached the host");
    }

    [TestMethod]
    public async Task The_same_url_sent_as_a_plain_get_is_refused_as_too_long()
    {
        await using var host = await TestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Emulator.Url };

        using var response = await http.GetAsync("api/data/v9.2/leads?fetchXml=" + Uri.EscapeDataString(FetchXmlBuilder.Build(LeadsByEmail(), 5000)));

        Assert.AreEqual(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [TestMethod]
    public async Task An_error_inside_the_batch_is_the_parts_fault_with_the_server_code()
    {
        await using var host = await TestHost.StartAsync();
        var fetch = "<fetch><entity name='lead'><attribute name='nosuchcolumn'/><filter>"
            + string.Concat(Emails.Select(e => "<condition attribute='emailaddress1' operator='eq' value='" + e + "'/>")) + "</filter></entity></fetch>";

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => host.Client.RetrieveMultiple(new FetchExpression(fetch)));

        Assert.AreNotEqual(0, fault.Detail.ErrorCode, "the server's code, not a bare status");
        Assert.AreEqual(0, host.Emulator.Failed);
    }

    [TestMethod]
    public async Task Emulator_runs_parts_in_order_and_answers_a_change_set_with_501()
    {
        await using var host = await TestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Emulator.Url };
        const string boundary = "batch_80dd1615";
        var body = new StringBuilder()
            .Append("--").Append(boundary).Append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
            .Append("POST /api/data/v9.2/leads HTTP/1.1\r\nContent-Type: application/json; type=entry\r\n\r\n{\"subject\":\"Lead 1 in batch\"}\r\n")
            .Append("--").Append(boundary).Append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
            .Append("GET ").Append(host.Emulator.Url).Append("api/data/v9.2/leads?$select=subject HTTP/1.1\r\n\r\n\r\n")
            .Append("--").Append(boundary).Append("\r\nContent-Type: multipart/mixed; boundary=\"changeset_1\"\r\n\r\n--changeset_1\r\n")
            .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\nPOST /api/data/v9.2/leads HTTP/1.1\r\n\r\n{}\r\n--changeset_1--\r\n")
            .Append("--").Append(boundary).Append("--\r\n").ToString();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=\"" + boundary + "\"");

        using var response = await http.PostAsync("api/data/v9.2/$batch", content);
        var parts = WebApiBatch.ReadResponse(await response.Content.ReadAsStringAsync());

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        CollectionAssert.AreEqual(new[] { 204, 200, 501 }, parts.Select(p => p.Status).ToArray());
        StringAssert.Contains(parts[0].Headers["OData-EntityId"], "/api/data/v9.2/leads(");
        StringAssert.Contains(parts[1].Body, "Lead 1 in batch", "the GET sees the row the part before it created");
        StringAssert.Contains(parts[2].Body, "Change sets");
        Assert.AreEqual(1, host.Dataverse.Query("lead").Count(), "the change set's create did not run");
    }
}
