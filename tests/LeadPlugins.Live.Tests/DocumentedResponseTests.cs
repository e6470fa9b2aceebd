using System.Net;
using System.Text.Json;
using LeadPlugins.WebApi;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Live.Tests;

/// <summary>The client's parsing against response bodies from Microsoft's Web API docs (Fixtures/README.md names each page).</summary>
[TestClass]
public sealed class DocumentedResponseTests
{
    private static JsonElement Fixture(string name)
        => JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name))).RootElement;

    private static WebApiTable Contact() => new("contact", "contacts", "contactid",
        new Dictionary<string, string> { ["fullname"] = "String", ["jobtitle"] = "String", ["annualincome"] = "Money", ["contactid"] = "Uniqueidentifier", ["transactioncurrencyid"] = "Lookup" },
        new Dictionary<string, IReadOnlyList<(string, string)>> { ["transactioncurrencyid"] = new[] { ("transactioncurrency", "transactioncurrencyid") } });

    private static WebApiTable Account() => new("account", "accounts", "accountid",
        new Dictionary<string, string> { ["name"] = "String", ["revenue"] = "Money", ["customertypecode"] = "Picklist", ["modifiedon"] = "DateTime", ["accountid"] = "Uniqueidentifier", ["primarycontactid"] = "Lookup", ["ownerid"] = "Owner", ["transactioncurrencyid"] = "Lookup" },
        new Dictionary<string, IReadOnlyList<(string, string)>>
        {
            ["primarycontactid"] = new[] { ("contact", "primarycontactid") },
            ["transactioncurrencyid"] = new[] { ("transactioncurrency", "transactioncurrencyid") },
            ["ownerid"] = new[] { ("systemuser", "ownerid"), ("team", "ownerid") },
        });

    [TestMethod]
    public void Fetch_first_page_gives_rows_more_records_and_the_cookie_decoded_twice()
    {
        var page = WebApiOrganizationService.ReadCollection(Fixture("fetchxml-page-results.first-page.json"), Contact());

        Assert.AreEqual(3, page.Entities.Count);
        Assert.IsTrue(page.MoreRecords);
        Assert.AreEqual("<cookie page=\"1\"><fullname last=\"Susanna Stubberod (sample)\" first=\"Yvonne McKay (sample)\" /><contactid last=\"{70BF4D48-34CB-ED11-B596-0022481D68CD}\" first=\"{49B0BE2E-D01C-ED11-B83E-000D3A572421}\" /></cookie>",
            page.PagingCookie);
        var first = page.Entities[0];
        Assert.AreEqual(Guid.Parse("49b0be2e-d01c-ed11-b83e-000d3a572421"), first.Id);
        Assert.AreEqual("Yvonne McKay (sample)", first.GetAttributeValue<string>("fullname"));
        Assert.AreEqual(45000m, first.GetAttributeValue<Money>("annualincome").Value);
        var currency = first.GetAttributeValue<EntityReference>("transactioncurrencyid");
        Assert.AreEqual("transactioncurrency", currency.LogicalName);
        Assert.AreEqual(Guid.Parse("228f42f8-e646-e111-8eb7-78e7d162ced1"), currency.Id);
        Assert.IsFalse(page.Entities[1].Contains("annualincome"), "a column the row lacks stays absent, as in the SDK");
    }

    [TestMethod]
    public void Fetch_last_page_has_no_more_records_and_no_cookie()
    {
        var page = WebApiOrganizationService.ReadCollection(Fixture("fetchxml-page-results.last-page.json"), Contact());

        Assert.AreEqual(1, page.Entities.Count);
        Assert.IsFalse(page.MoreRecords);
        Assert.IsNull(page.PagingCookie);
    }

    [TestMethod]
    public void Formatted_values_fill_FormattedValues_and_the_lookup_name()
    {
        var row = WebApiOrganizationService.ReadCollection(Fixture("select-columns.formatted-values.json"), Account()).Entities.Single();

        Assert.AreEqual("$20,000.00", row.FormattedValues["revenue"]);
        Assert.AreEqual("Competitor", row.FormattedValues["customertypecode"]);
        Assert.AreEqual(1, row.GetAttributeValue<OptionSetValue>("customertypecode").Value);
        Assert.AreEqual(new DateTime(2023, 4, 7, 21, 59, 1, DateTimeKind.Utc), row.GetAttributeValue<DateTime>("modifiedon"));
        Assert.AreEqual(DateTimeKind.Utc, row.GetAttributeValue<DateTime>("modifiedon").Kind);
        var contact = row.GetAttributeValue<EntityReference>("primarycontactid");
        Assert.AreEqual("contact", contact.LogicalName);
        Assert.AreEqual("Susanna Stubberod (sample)", contact.Name);
        Assert.AreEqual("Susanna Stubberod (sample)", row.FormattedValues["primarycontactid"]);
    }

    [TestMethod]
    public void Polymorphic_owner_takes_its_table_from_the_lookuplogicalname_annotation()
    {
        var rows = WebApiOrganizationService.ReadCollection(Fixture("select-columns.lookup-annotations.json"), Account()).Entities;

        Assert.AreEqual("team", rows[0].GetAttributeValue<EntityReference>("ownerid").LogicalName);
        Assert.AreEqual("systemuser", rows[1].GetAttributeValue<EntityReference>("ownerid").LogicalName);
        Assert.AreEqual(Guid.Parse("4026be43-6b69-e111-8f65-78e7d1620f5e"), rows[1].GetAttributeValue<EntityReference>("ownerid").Id);
    }

    [TestMethod]
    public void Error_body_becomes_a_fault_with_the_dataverse_code()
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "web-api-client-errors.resource-not-found.json"));

        var fault = WebApiErrors.ToFault(HttpStatusCode.NotFound, body);

        Assert.AreEqual(unchecked((int)0x8006088a), fault.Detail.ErrorCode);
        Assert.AreEqual("Resource not found for the segment 'Account'.", fault.Detail.Message);
        Assert.AreEqual("0x8006088a", WebApiErrors.ToHex(fault.Detail.ErrorCode));
    }

    [TestMethod]
    public void Error_body_that_is_not_json_still_gives_a_fault_with_the_status()
    {
        var fault = WebApiErrors.ToFault(HttpStatusCode.BadGateway, "<html>gateway</html>");

        Assert.AreEqual(0, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "502");
    }
}
