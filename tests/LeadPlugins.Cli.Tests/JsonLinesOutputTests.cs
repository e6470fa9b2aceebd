using LeadPlugins.Cli.Simulation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Tests;

/// <summary>
/// --json writes leads with its own <see cref="JsonLineWriter"/>: every line must be exactly what Newtonsoft writes for
/// the same JSON (the format simulate printed before), escaping included.
/// </summary>
[TestClass]
public sealed class JsonLinesOutputTests
{
    [TestMethod]
    public void Every_character_is_escaped_as_Newtonsoft_escapes_it()
    {
        var everyCharacter = new string(Enumerable.Range(0, char.MaxValue + 1).Select(code => (char)code).ToArray());
        foreach (var text in new[] { everyCharacter, "", "plain", "\"", "a\\b\nc\u2028", "\u0001x\u001f\u0085\u2029\t\r\f\b'<>&" })
        {
            var json = new JsonLineWriter();
            json.StartObject();
            json.Property("v", text);
            json.PropertyNamedByData(text, 1);
            json.StartArray("a");
            json.Element(text);
            json.Element(null);
            json.EndArray();
            json.EndObject();

            var expected = new JObject { ["v"] = text, [text] = 1, ["a"] = new JArray(text, JValue.CreateNull()) }.ToString(Formatting.None);
            Assert.AreEqual(expected, json.Text.ToString());
        }
    }

    [TestMethod]
    public void Lead_lines_are_what_Newtonsoft_writes_for_them_in_order_with_rejections()
    {
        var leads = new[]
        {
            new SimulatedLead
            {
                Input = 1, LeadId = Guid.Parse("00000000-0000-0000-0000-00000000000d"), Name = "Ann \"A\" \u00e9",
                Email = "ann@example.com", IsMarketplace = true, IsCoSell = false, OfferTitle = "Offer", Owner = "Contoso",
                Score = -5, ScoreReason = "a +5\nb -10", DuplicateOf = 7, DuplicateOfId = Guid.Parse("5b1e0f7c-2d1a-4c8e-9f3b-0a1b2c3d4e5f"),
                NurtureSteps = new[] { new NurtureStep(1, "Task", "Call \\ back", new DateTime(2026, 3, 3, 17, 0, 0, DateTimeKind.Utc)), new NurtureStep(null, "E-mail", null, null) },
                ServiceCalls = 12, ServiceCallsByMessage = new Dictionary<string, int> { ["RetrieveMultiple"] = 5, ["Create"] = 7, ["Odd \"one\"\n"] = 1 },
                PluginSteps = new[] { new PluginRun("Enrich", "Create", "lead", 20, false, "Failed", 4, "boom\r\n"), new PluginRun("Enroll", "Create", "lead", 40, true, "Succeeded", 8, null) },
                BatchServiceCalls = 2, Notes = new[] { "n1", "n\u20282" }, Traces = new[] { "t1", "t\t2" },
            },
            new SimulatedLead { Input = 3, Name = null, Email = "b@example.com\u2028", IsMarketplace = true },
            new SimulatedLead { Input = 4 },
        };
        foreach (var verbose in new[] { false, true })
        {
            var output = new StringWriter();
            var json = new JsonLinesOutput(output, verbose);
            json.Lead(leads[0]);
            json.Rejected(2, "bad line");
            json.Lead(leads[1]);
            json.Lead(leads[2]);

            var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.AreEqual(4, lines.Length);
            Assert.AreEqual("{\"input\":2,\"rejected\":true,\"error\":\"bad line\"}", lines[1]);
            foreach (var line in lines) Assert.AreEqual(AsNewtonsoftWritesIt(line), line);
            StringAssert.StartsWith(lines[0], "{\"input\":1,\"leadId\":\"00000000-0000-0000-0000-00000000000d\",\"name\":\"Ann \\\"A\\\" \u00e9\",");
            StringAssert.Contains(lines[0], "\"score\":-5,\"scoreReason\":\"a +5\\nb -10\",");
            StringAssert.Contains(lines[0], "\"duplicateOf\":7,\"duplicateOfId\":\"5b1e0f7c-2d1a-4c8e-9f3b-0a1b2c3d4e5f\",");
            StringAssert.Contains(lines[0], "\"nurtureSteps\":[{\"order\":1,\"type\":\"Task\",\"subject\":\"Call \\\\ back\",\"due\":\"2026-03-03T17:00:00Z\"},{\"order\":null,\"type\":\"E-mail\",\"subject\":null,\"due\":null}],");
            StringAssert.Contains(lines[0], "\"serviceCallsByMessage\":{\"RetrieveMultiple\":5,\"Create\":7,\"Odd \\\"one\\\"\\n\":1},");
            StringAssert.EndsWith(lines[0], "\"batchServiceCalls\":2,\"notes\":[\"n1\",\"n\\u20282\"]" + (verbose ? ",\"traces\":[\"t1\",\"t\\t2\"]}" : "}"));
            StringAssert.EndsWith(lines[3], "\"nurtureSteps\":[],\"serviceCalls\":0,\"serviceCallsByMessage\":{},\"pluginSteps\":[]" + (verbose ? ",\"traces\":[]}" : "}"));
        }
    }

    /// <summary>The line read as JSON (strings stay strings) and written again by Newtonsoft without indentation.</summary>
    private static string AsNewtonsoftWritesIt(string line)
    {
        using var reader = new JsonTextReader(new StringReader(line)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader).ToString(Formatting.None);
    }
}
