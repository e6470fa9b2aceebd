using System.Text;
using LeadPlugins.Plugins.Domain.Enrichment;

namespace LeadPlugins.Domain.Tests.Enrichment;

[TestClass]
public sealed class TolerantJsonTests
{
    private static JsonObject Object(JsonParseResult result)
    {
        Assert.IsInstanceOfType<JsonObject>(result.Root);
        return (JsonObject)result.Root!;
    }

    [TestMethod]
    public void Valid_json_reads_cleanly_with_every_value_kind()
    {
        var result = TolerantJson.Parse("{\"s\":\"a\\\"b\\u00e9\\n\",\"n\":-12.5e1,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,\"x\",{}],\"o\":{\"k\":\"v\"}}");
        Assert.IsTrue(result.IsClean, string.Join("; ", result.Diagnostics));
        var obj = Object(result);
        Assert.AreEqual("a\"bé\n", obj.GetText("s"));
        Assert.AreEqual("-12.5e1", obj.GetText("n"));
        Assert.AreEqual(JsonNodeKind.Number, obj.Get("n")!.Kind);
        Assert.AreEqual("true", obj.GetText("t"));
        Assert.AreEqual("false", obj.GetText("f"));
        Assert.AreEqual(JsonNodeKind.Null, obj.Get("z")!.Kind);
        Assert.IsNull(obj.GetText("z"));
        Assert.AreEqual(3, ((JsonArray)obj.Get("a")!).Items.Count);
        Assert.AreEqual("v", ((JsonObject)obj.Get("o")!).GetText("k"));
        Assert.IsNull(obj.GetText("o"), "objects have no text");
    }

    [TestMethod]
    public void Keys_match_in_any_casing()
    {
        var obj = Object(TolerantJson.Parse("{\"userDetails\":{\"firstName\":\"Ana\"}}"));
        Assert.AreEqual("Ana", ((JsonObject)obj.Get("UserDetails")!).GetText("FIRSTNAME"));
    }

    [TestMethod]
    public void Missing_comma_between_members_is_repaired_with_a_diagnostic()
    {
        var result = TolerantJson.Parse("{\"OfferTitle\": \"Contoso Test\"\n \"Description\": \"x\"}");
        var obj = Object(result);
        Assert.AreEqual("Contoso Test", obj.GetText("OfferTitle"));
        Assert.AreEqual("x", obj.GetText("Description"));
        Assert.IsTrue(result.IsComplete);
        Assert.IsFalse(result.IsClean);
        Assert.IsTrue(result.Diagnostics.Any(d => d.Contains("Missing ','")), string.Join("; ", result.Diagnostics));
    }

    [TestMethod]
    public void Duplicate_keys_keep_the_last_value()
    {
        var result = TolerantJson.Parse("{\"Email\":\"a@x.com\",\"email\":\"b@x.com\"}");
        Assert.AreEqual("b@x.com", Object(result).GetText("Email"));
        Assert.IsTrue(result.Diagnostics.Any(d => d.Contains("Duplicate key")));
    }

    [TestMethod]
    public void Numbers_and_booleans_read_as_text()
    {
        var obj = Object(TolerantJson.Parse("{\"Phone\":16175555555,\"Title\":true}"));
        Assert.AreEqual("16175555555", obj.GetText("Phone"));
        Assert.AreEqual("true", obj.GetText("Title"));
    }

    [TestMethod]
    public void Trailing_commas_single_quotes_and_bare_keys_are_accepted()
    {
        var result = TolerantJson.Parse("{FirstName: 'Li', \"LastName\": \"Wei\",}");
        var obj = Object(result);
        Assert.AreEqual("Li", obj.GetText("FirstName"));
        Assert.AreEqual("Wei", obj.GetText("LastName"));
        Assert.IsTrue(result.IsComplete);
        Assert.IsTrue(result.Diagnostics.Count >= 3, string.Join("; ", result.Diagnostics));
    }

    [TestMethod]
    [DataRow("{\"UserDetails\":{\"FirstName\":\"Ana\",\"Email\":\"ana@adat")]
    [DataRow("{\"UserDetails\":{\"FirstName\":\"Ana\",\"Email\":")]
    [DataRow("{\"UserDetails\":{\"FirstName\":\"Ana\",\"Em")]
    [DataRow("{\"UserDetails\":{\"FirstName\":\"Ana\",")]
    [DataRow("{\"UserDetails\":{\"FirstName\":\"Ana\"")]
    public void Truncated_input_keeps_what_was_complete_and_drops_the_cut_value(string text)
    {
        var result = TolerantJson.Parse(text);
        Assert.IsFalse(result.IsComplete);
        Assert.IsTrue(result.Diagnostics.Any(d => d.Contains("truncated")), string.Join("; ", result.Diagnostics));
        var user = (JsonObject)Object(result).Get("UserDetails")!;
        Assert.AreEqual("Ana", user.GetText("FirstName"));
        Assert.IsNull(user.GetText("Email"), "a cut-off value is not guessed");
    }

    [TestMethod]
    public void Truncated_number_inside_an_object_is_dropped_but_a_root_number_is_complete()
    {
        var cut = TolerantJson.Parse("{\"Phone\":1617");
        Assert.IsNull(Object(cut).GetText("Phone"));
        var root = TolerantJson.Parse("42");
        Assert.IsTrue(root.IsClean);
        Assert.AreEqual("42", root.Root!.Text);
    }

    [TestMethod]
    public void Nesting_beyond_the_depth_limit_is_skipped_and_the_rest_is_read()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var result = TolerantJson.Parse("{\"deep\":" + deep + ",\"after\":\"kept\"}", new JsonReadLimits(8, 65536, 20));
        Assert.AreEqual("kept", Object(result).GetText("after"));
        Assert.IsTrue(result.Diagnostics.Any(d => d.Contains("Nesting deeper than 8")));
    }

    [TestMethod]
    public void Extremely_deep_unclosed_input_does_not_overflow_the_stack()
    {
        var result = TolerantJson.Parse(new string('{', 50000) + new string('[', 50000));
        Assert.IsFalse(result.IsComplete);
    }

    [TestMethod]
    public void Input_over_the_size_limit_is_cut_with_a_diagnostic()
    {
        var text = "{\"a\":\"" + new string('x', 200) + "\",\"b\":\"late\"}";
        var result = TolerantJson.Parse(text, new JsonReadLimits(32, 100, 20));
        Assert.IsFalse(result.IsComplete);
        Assert.IsTrue(result.Diagnostics[0].Contains("only the first 100"));
    }

    [TestMethod]
    public void Diagnostics_are_capped()
    {
        var result = TolerantJson.Parse("{" + string.Concat(Enumerable.Repeat("#", 500)) + "}", new JsonReadLimits(32, 65536, 5));
        Assert.AreEqual(6, result.Diagnostics.Count);
        Assert.AreEqual("Further problems were not listed.", result.Diagnostics[5]);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    [DataRow("}")]
    [DataRow("nope")]
    public void Unusable_input_gives_no_root_or_a_scalar_and_never_throws(string? text)
    {
        var result = TolerantJson.Parse(text);
        Assert.IsTrue(result.Root == null || result.Root is JsonScalar);
        Assert.IsTrue(result.Diagnostics.Count > 0 || result.Root != null);
    }

    [TestMethod]
    public void Surrogate_pairs_escapes_control_and_rtl_characters_survive()
    {
        var result = TolerantJson.Parse("{\"name\":\"\\ud83d\\ude00 \u05e9\u05dc\u05d5\u05dd \u0001\",\"bad\":\"\\q\\u12\"}");
        var obj = Object(result);
        Assert.AreEqual("\U0001F600 \u05e9\u05dc\u05d5\u05dd \u0001", obj.GetText("name"));
        Assert.AreEqual("q\\u12", obj.GetText("bad"));
        Assert.AreEqual(2, result.Diagnostics.Count, string.Join("; ", result.Diagnostics));
    }

    [TestMethod]
    public void Random_input_never_throws()
    {
        // Deterministic fuzz: JSON punctuation, quotes, escapes, digits, letters, control and astral characters.
        const string alphabet = "{}[]:,\"'\\/ \n\tuU0123456789abcdefEe+-.tnrfl_$\u0000\u200f\ud83d\ude00é";
        var random = new Random(20240314);
        for (int run = 0; run < 3000; run++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 120);
            for (int i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            var text = sb.ToString();
            var result = TolerantJson.Parse(text, new JsonReadLimits(6, 80, 10));
            Assert.IsNotNull(result.Diagnostics, text);
            _ = MarketplacePayload.TryRead("{" + text);
        }
    }
}

[TestClass]
public sealed class MarketplacePayloadTests
{
    [TestMethod]
    public void Documented_https_example_reads_every_field()
    {
        var payload = MarketplacePayload.TryRead(Samples.DocumentedHttpsExample());
        Assert.IsNotNull(payload);
        Assert.IsFalse(payload.IsMalformed);
        Assert.AreEqual("Some", payload.FirstName);
        Assert.AreEqual("Name", payload.LastName);
        Assert.AreEqual("someone@contoso.com", payload.Email);
        Assert.AreEqual("16175555555", payload.Phone);
        Assert.AreEqual("USA", payload.Country);
        Assert.AreEqual("Contoso", payload.Company);
        Assert.AreEqual("Esquire", payload.Title);
        Assert.AreEqual("AzureMarketplace", payload.LeadSource);
        Assert.AreEqual("INS", payload.ActionCode);
        Assert.AreEqual("Test Microsoft", payload.OfferTitle);
        Assert.AreEqual("Test run through Power Automate", payload.Description);
        Assert.IsTrue(payload.IsLeadPayload);
    }

    [TestMethod]
    public void Documented_malformed_test_lead_is_read_with_a_diagnostic()
    {
        var json = Samples.DocumentedMalformedTestLead();
        Assert.IsTrue(json.Contains("\"OfferTitle\": \"Contoso Test\"\n"), "fixture reproduces the missing comma");
        var payload = MarketplacePayload.TryRead(json);
        Assert.IsNotNull(payload);
        Assert.IsTrue(payload.IsMalformed);
        Assert.AreEqual(Samples.TestToken, payload.FirstName, "userDetails (lower-case u) is found");
        Assert.AreEqual(Samples.TestToken + "@test.com", payload.Email);
        Assert.AreEqual("Contoso Test", payload.OfferTitle);
        Assert.AreEqual(Samples.TestToken, payload.Description, "the member after the missing comma is read");
    }

    [TestMethod]
    public void CamelCase_payload_with_campaign_parameters_in_description()
    {
        var payload = MarketplacePayload.TryRead(Samples.CamelCaseWithCampaign());
        Assert.IsNotNull(payload);
        Assert.AreEqual("Ana", payload.FirstName);
        Assert.AreEqual("StartTestDrive", payload.ActionCode);
        Assert.AreEqual("webinar_q3", payload.CampaignCode);
        Assert.AreEqual("linkedin", payload.CampaignSource);
        Assert.IsNull(payload.Description, "campaign parameters are not customer notes");
    }

    [TestMethod]
    public void Null_empty_and_missing_values_read_alike()
    {
        var payload = MarketplacePayload.TryRead(Samples.AzurePortalCreate())!;
        Assert.IsNull(payload.Phone);
        Assert.IsNull(payload.Title);
        Assert.IsNull(payload.Description);
        Assert.IsNull(MarketplacePayload.TryRead(Samples.AppSourceContactMe())!.Phone, "empty string");
    }

    [TestMethod]
    public void Azure_table_customer_info_string_and_offer_display_name()
    {
        var payload = MarketplacePayload.TryRead(Samples.AzureTableEntity())!;
        Assert.AreEqual("Li", payload.FirstName);
        Assert.AreEqual("CN", payload.Country);
        Assert.AreEqual("Contoso SaaS Analytics", payload.OfferTitle);
        Assert.IsNull(payload.Phone);
    }

    [TestMethod]
    public void Campaign_parameters_alone_are_not_a_lead_payload()
    {
        var payload = MarketplacePayload.TryRead("{\"mktcmpid\":\"1234\",\"partnerid\":\"98765\"}");
        Assert.IsNotNull(payload);
        Assert.IsFalse(payload.IsLeadPayload);
        Assert.AreEqual("1234", payload.CampaignCode);
    }

    [TestMethod]
    public void Placeholder_values_read_as_missing()
    {
        var payload = MarketplacePayload.TryRead(new PayloadBuilder().Customer("Jo", "Doe", "jo@contoso.com", "NotProvidedFromAzureMarketPlace", null, null, null)
            .Top("LeadSource", "AzureMarketplace").Build())!;
        Assert.IsNull(payload.Phone);
    }

    [TestMethod]
    [DataRow("Please call me")]
    [DataRow("[1,2]")]
    [DataRow("{\"unrelated\":1}")]
    [DataRow(null)]
    public void Text_that_is_not_a_payload_gives_null(string? text) => Assert.IsNull(MarketplacePayload.TryRead(text));

    [TestMethod]
    public void User_details_of_the_wrong_type_are_ignored_with_a_diagnostic()
    {
        var payload = MarketplacePayload.TryRead("{\"UserDetails\":[1],\"LeadSource\":\"AzureMarketplace\"}")!;
        Assert.IsNull(payload.FirstName);
        Assert.IsTrue(payload.Diagnostics.Any(d => d.Contains("not an object")));
    }
}
