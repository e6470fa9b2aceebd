using LeadPlugins.Cli.Simulation;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Tests;

[TestClass]
public sealed class FormatDetectionTests
{
    [TestMethod]
    [DataRow("{\"UserDetails\":{\"FirstName\":\"A\"},\"LeadSource\":\"AppSource\"}", InputFormat.Payload)]
    [DataRow("{\"userDetails\":{\"firstName\":\"A\"}}", InputFormat.Payload)]
    [DataRow("{\"leadSource\":\"AzureMarketplace\",\"actionCode\":\"INS\"}", InputFormat.Payload)]
    [DataRow("  {\"subject\":\"AzureMarketplace-INS|a.b\",\"lastname\":\"Doe\"}", InputFormat.Rows)]
    [DataRow("{\"mpl_leadsource\":\"AzureMarketplace\"}", InputFormat.Rows)]
    [DataRow("{}", InputFormat.Rows)]
    [DataRow("mpl_leadsource,mpl_actioncode,subject", InputFormat.Csv)]
    [DataRow("\uFEFFfirstname,lastname", InputFormat.Csv)]
    public void First_line_decides_the_format(string firstLine, InputFormat expected)
        => Assert.AreEqual(expected, InputFormatDetector.Detect(firstLine));

    [TestMethod]
    public void A_broken_first_line_is_still_recognised_as_a_payload_by_its_keys()
    {
        // The documented test lead: userDetails and a missing comma after OfferTitle.
        var first = File.ReadLines(Repo.Sample("malformed.jsonl")).First();
        Assert.AreEqual(InputFormat.Payload, InputFormatDetector.Detect(first));
    }

    [TestMethod]
    [DataRow("marketplace-payloads.jsonl", InputFormat.Payload)]
    [DataRow("lead-rows.jsonl", InputFormat.Rows)]
    [DataRow("partner-center-leads.csv", InputFormat.Csv)]
    [DataRow("malformed.jsonl", InputFormat.Payload)]
    public void Each_sample_is_detected(string sample, InputFormat expected)
    {
        var detected = InputFormat.Auto;
        using var reader = new StreamReader(Repo.Sample(sample));
        _ = new LeadInput(Repo.Environment.Values).Read(reader, InputFormat.Auto, f => detected = f).ToList();
        Assert.AreEqual(expected, detected);
    }

    [TestMethod]
    public void Leading_blank_lines_are_skipped_and_line_numbers_stay_true()
    {
        var records = Read("\n\n{\"lastname\":\"Doe\"}\n\n{\"lastname\":\"Roe\"}\n", InputFormat.Auto);
        CollectionAssert.AreEqual(new[] { 3, 5 }, records.Select(r => r.Line).ToArray());
    }

    [TestMethod]
    public void A_given_format_overrides_detection()
    {
        var records = Read("{\"UserDetails\":{\"LastName\":\"Doe\"}}", InputFormat.Rows);
        Assert.AreEqual("no lead column in this row (unknown: UserDetails)", records.Single().Error);
    }

    internal static List<InputRecord> Read(string text, InputFormat format)
        => new LeadInput(Repo.Environment.Values).Read(new StringReader(text), format).ToList();
}

[TestClass]
public sealed class PayloadMappingTests
{
    private static InputRecord Map(string json) => new LeadInput(Repo.Environment.Values).MapPayload(7, json);

    [TestMethod]
    public void The_documented_payload_maps_like_an_https_endpoint_flow()
    {
        var text = File.ReadLines(Repo.Sample("marketplace-payloads.jsonl")).First();
        var record = Map(text);
        Assert.IsNull(record.Error);
        var lead = record.Lead!;
        Assert.AreEqual("lead", lead.LogicalName);
        Assert.AreEqual("Some", lead["firstname"]);
        Assert.AreEqual("One", lead["lastname"]);
        Assert.AreEqual("someone@contoso.com", lead["emailaddress1"]);
        Assert.AreEqual("16175555555", lead["telephone1"]);
        Assert.AreEqual("USA", lead["address1_country"]);
        Assert.AreEqual("Contoso", lead["companyname"]);
        Assert.AreEqual("Esquire", lead["jobtitle"]);
        Assert.AreEqual("AzureMarketplace", lead[LeadTable.Columns.LeadSource]);
        Assert.AreEqual("INS", lead[LeadTable.Columns.ActionCode]);
        Assert.AreEqual("Test Microsoft", lead["subject"]);
        Assert.AreEqual(text, lead["description"], "the whole payload goes to description for the plug-in's payload parser");
        Assert.AreEqual(11, lead.Attributes.Count);
    }

    [TestMethod]
    public void Keys_match_in_any_casing_and_null_or_empty_fields_are_left_out()
    {
        var lead = Map("{\"userDetails\":{\"firstName\":\"Ana\",\"PHONE\":\"\",\"title\":null},\"leadSource\":\"AzureMarketplace\",\"actioncode\":\"StartTestDrive\"}").Lead!;
        Assert.AreEqual("Ana", lead["firstname"]);
        Assert.AreEqual("AzureMarketplace", lead[LeadTable.Columns.LeadSource]);
        Assert.AreEqual("StartTestDrive", lead[LeadTable.Columns.ActionCode]);
        Assert.IsFalse(lead.Contains("telephone1"));
        Assert.IsFalse(lead.Contains("jobtitle"));
        Assert.IsFalse(lead.Contains("subject"));
    }

    [TestMethod]
    public void Scalars_of_other_types_become_text_and_objects_or_arrays_are_noted_and_left_out()
    {
        var record = Map("{\"UserDetails\":{\"FirstName\":42,\"LastName\":true,\"Email\":[\"a@b.c\"],\"Country\":{\"code\":\"US\"}},\"LeadSource\":\"AppSource\"}");
        var lead = record.Lead!;
        Assert.AreEqual("42", lead["firstname"]);
        Assert.AreEqual("true", lead["lastname"]);
        Assert.IsFalse(lead.Contains("emailaddress1"));
        Assert.IsFalse(lead.Contains("address1_country"));
        CollectionAssert.AreEqual(new[] { "UserDetails.Email is an array: emailaddress1 left empty", "UserDetails.Country is an object: address1_country left empty" }, record.Notes.ToArray());
    }

    [TestMethod]
    [DataRow("not json at all", "invalid JSON")]
    [DataRow("{\"UserDetails\":{\"FirstName\":\"Trunc\"", "invalid JSON")]
    [DataRow("[1,2]", "expected a JSON object, got an array")]
    [DataRow("\"text\"", "expected a JSON object, got a string")]
    public void Broken_payloads_are_bad_lines_with_a_reason(string text, string reason)
    {
        var record = Map(text);
        Assert.IsNull(record.Lead);
        Assert.AreEqual(7, record.Line);
        StringAssert.StartsWith(record.Error, reason);
    }

    [TestMethod]
    public void Duplicate_keys_keep_the_last_value()
        => Assert.AreEqual("Licate", Map("{\"UserDetails\":{\"FirstName\":\"Dup\",\"FirstName\":\"Licate\"}}").Lead!["firstname"]);
}

[TestClass]
public sealed class RowMappingTests
{
    private static InputRecord Map(string json) => new LeadInput(Repo.Environment.Values).MapRow(3, json);

    [TestMethod]
    public void Text_values_become_the_column_types()
    {
        var lead = Map("{\"lastname\":\"Doe\",\"leadqualitycode\":\"warm\",\"mpl_storefront\":\"712540001\",\"numberofemployees\":\"250\",\"donotemail\":\"yes\","
            + "\"estimatedvalue\":\"1200.50\",\"estimatedclosedate\":\"2026-04-01\",\"mpl_leadscore\":80,\"mpl_istestlead\":false}").Lead!;
        Assert.AreEqual("Doe", lead["lastname"]);
        Assert.AreEqual(2, lead.GetAttributeValue<OptionSetValue>("leadqualitycode").Value, "a choice by its label (any case)");
        Assert.AreEqual(712540001, lead.GetAttributeValue<OptionSetValue>(LeadTable.Columns.Storefront).Value, "a choice by its value");
        Assert.AreEqual(250, lead["numberofemployees"]);
        Assert.AreEqual(true, lead["donotemail"]);
        Assert.AreEqual(1200.50m, lead.GetAttributeValue<Money>("estimatedvalue").Value);
        Assert.AreEqual(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), lead["estimatedclosedate"]);
        Assert.AreEqual(80, lead[LeadTable.Columns.LeadScore]);
        Assert.AreEqual(false, lead[LeadTable.Columns.IsTestLead]);
    }

    [TestMethod]
    public void Lookups_take_an_id_or_table_and_id()
    {
        var id = Guid.NewGuid();
        var lead = Map("{\"campaignid\":\"" + id + "\",\"ownerid\":\"systemuser:" + id + "\"}").Lead!;
        Assert.AreEqual(new EntityReference("campaign", id), lead["campaignid"]);
        Assert.AreEqual(new EntityReference("systemuser", id), lead["ownerid"]);
        StringAssert.Contains(Map("{\"ownerid\":\"" + id + "\"}").Error, "give the table too");
    }

    [TestMethod]
    [DataRow("{\"mpl_colour\":\"red\"}", "no lead column in this row (unknown: mpl_colour)")]
    [DataRow("{\"numberofemployees\":\"many\"}", "numberofemployees: 'many' is not a whole number")]
    [DataRow("{\"leadqualitycode\":\"Lukewarm\"}", "leadqualitycode: 'Lukewarm' is not one of Hot, Warm, Cold")]
    [DataRow("{\"donotemail\":\"perhaps\"}", "donotemail: 'perhaps' is not true or false")]
    [DataRow("{\"subject\":[\"a\"]}", "subject: expected text, got an array")]
    public void Unusable_values_make_the_line_bad_with_a_reason(string json, string reason)
        => Assert.AreEqual(reason, Map(json).Error);

    [TestMethod]
    public void Null_and_empty_values_are_left_out()
    {
        var lead = Map("{\"lastname\":\"Doe\",\"firstname\":null,\"jobtitle\":\"\"}").Lead!;
        CollectionAssert.AreEquivalent(new[] { "lastname" }, lead.Attributes.Keys.ToArray());
    }
}

[TestClass]
public sealed class CsvMappingTests
{
    [TestMethod]
    public void Each_record_maps_its_header_columns_with_true_line_numbers()
    {
        var text = "\nmpl_leadsource,mpl_actioncode,subject,firstname,description\n"
            + "Appsource,Contact me,\"Offer, with comma\",Yuki,\"two\nlines\"\n"
            + "\n"
            + "Azure Marketplace,Get it now,WAF,Lucas,\n";
        var records = FormatDetectionTests.Read(text, InputFormat.Auto);
        CollectionAssert.AreEqual(new[] { 3, 6 }, records.Select(r => r.Line).ToArray());
        var first = records[0].Lead!;
        Assert.AreEqual("Offer, with comma", first["subject"]);
        Assert.AreEqual("two\nlines", first["description"]);
        Assert.AreEqual("Contact me", first[LeadTable.Columns.ActionCode]);
        Assert.IsFalse(records[1].Lead!.Contains("description"), "an empty cell is left out");
    }

    [TestMethod]
    public void A_record_with_the_wrong_field_count_is_a_bad_line()
    {
        var records = FormatDetectionTests.Read("firstname,lastname\nA,B\nC\nD,E,F\nG,H\n", InputFormat.Csv);
        Assert.AreEqual(4, records.Count);
        StringAssert.StartsWith(records[1].Error, "expected 2 fields (the header's), found 1");
        Assert.AreEqual(3, records[1].Line);
        Assert.AreEqual(4, records[2].Line);
        Assert.IsNotNull(records[3].Lead);
    }

    [TestMethod]
    public void A_bad_value_is_a_bad_line()
    {
        var records = FormatDetectionTests.Read("lastname,numberofemployees\nDoe,12\nRoe,lots\n", InputFormat.Csv);
        Assert.AreEqual(12, records[0].Lead!["numberofemployees"]);
        Assert.AreEqual("numberofemployees: 'lots' is not a whole number", records[1].Error);
    }

    [TestMethod]
    public void A_header_naming_no_lead_column_makes_the_input_unusable()
    {
        var e = Assert.ThrowsExactly<UnusableInputException>(() => FormatDetectionTests.Read("Shoe Size,Hat Size\n42,7\n", InputFormat.Csv));
        StringAssert.Contains(e.Message, "line 1");
        StringAssert.Contains(e.Message, "no column of the header names a lead column");
    }
}
