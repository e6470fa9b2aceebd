using LeadPlugins.Cli.Simulation;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Tests.Input;

/// <summary>
/// The lead-row reader that skips the JObject: whatever it reads, it reads as the JObject path does (keys in order,
/// scalars as the same text), and whatever else it declines, so the JObject path and its messages still decide.
/// </summary>
[TestClass]
public sealed class FlatJsonObjectReaderTests
{
    private static readonly FlatJsonObjectReader Reader = new(new[] { "lastname", "firstname" });

    [TestMethod]
    [DataRow("{\"lastname\":\"Doe\",\"firstname\":null,\"x\":\"\"}")]
    [DataRow("  {\"lastname\" : \"D\\u00f6e \\\"q\\\"\", \"n\": 42, \"f\": 1.50, \"e\": 1e3, \"b\": true, \"big\": 123456789012345678901234567890}  ")]
    [DataRow("{\"when\":\"2026-03-02T09:30:00Z\",\"local\":\"2026-03-02T09:30:00\",\"offset\":\"2026-03-02T09:30:00+02:00\",\"day\":\"2026-03-02\"}")]
    [DataRow("{}")]
    [DataRow("{\"l\\u0061stname\":\"escaped key\",\"Lastname\":\"other case\"}")]
    public void A_flat_object_reads_as_its_JObject_does(string text)
    {
        var properties = new List<(string Name, object? Value)>();
        Assert.IsTrue(Reader.TryRead(text, properties));
        var expected = InputJson.ParseObject(text).Properties()
            .Select(p => (p.Name, p.Value.Type == JTokenType.Null ? null : (object)InputJson.ScalarText((JValue)p.Value))).ToList();
        CollectionAssert.AreEqual(expected, properties.Select(p => (p.Name, p.Value == null ? null : (object)InputJson.ScalarText(p.Value))).ToList());
    }

    [TestMethod]
    [DataRow("{\"lastname\":\"A\",\"firstname\":\"X\",\"lastname\":\"B\"}")]
    [DataRow("{\"lastname\":{\"a\":1}}")]
    [DataRow("{\"lastname\":[\"a\"]}")]
    [DataRow("{\"lastname\":\"Doe\" /* note */}")]
    [DataRow("{\"lastname\":\"Doe\"} // note")]
    [DataRow("{\"lastname\":\"Doe\"} x")]
    [DataRow("{\"lastname\":\"Doe\"")]
    [DataRow("{\"lastname\":undefined}")]
    [DataRow("[1,2]")]
    [DataRow("not json at all")]
    public void Anything_else_is_declined(string text)
        => Assert.IsFalse(Reader.TryRead(text, new List<(string Name, object? Value)>()));

    [TestMethod]
    public void A_row_with_very_many_keys_is_left_to_the_JObject()
    {
        string Row(int keys) => "{" + string.Join(",", Enumerable.Range(0, keys).Select(i => "\"k" + i + "\":" + i)) + "}";
        Assert.IsTrue(Reader.TryRead(Row(FlatJsonObjectReader.MaxKeys), new List<(string Name, object? Value)>()));
        Assert.IsFalse(Reader.TryRead(Row(FlatJsonObjectReader.MaxKeys + 1), new List<(string Name, object? Value)>()));
        Assert.AreEqual("lead", new LeadInput(Repo.Environment.Values).MapRow(1, Row(50_000)[..^1] + ",\"lastname\":\"Doe\"}").Lead!.LogicalName);
    }

    [TestMethod]
    public void A_declined_row_maps_as_before()
    {
        var mapper = new LeadInput(Repo.Environment.Values);
        var repeated = mapper.MapRow(4, "{\"lastname\":\"A\",\"firstname\":\"X\",\"lastname\":\"B\"}").Lead!;
        CollectionAssert.AreEqual(new[] { "lastname", "firstname" }, repeated.Attributes.Keys.ToArray(), "a repeated key keeps its first place");
        Assert.AreEqual("B", repeated["lastname"], "and its last value");
        Assert.AreEqual("Doe", mapper.MapRow(4, "{\"lastname\":\"Doe\" /* note */} // note").Lead!["lastname"]);
        StringAssert.StartsWith(mapper.MapRow(4, "{\"lastname\":\"Doe\"} x").Error, "invalid JSON: Additional text encountered after finished reading JSON content");
        StringAssert.StartsWith(mapper.MapRow(4, "{\"lastname\":\"Doe\"").Error, "invalid JSON: ");
    }
}
