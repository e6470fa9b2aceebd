using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Simulation;

/// <summary>What the JSON readers share: one object parsed (a bad one as an <see cref="InputException"/>), scalars as text, token kinds in words.</summary>
internal static class InputJson
{
    public static JObject ParseObject(string text)
    {
        JToken token;
        try
        {
            token = JToken.Parse(text, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace });
        }
        catch (JsonException e)
        {
            throw new InputException("invalid JSON: " + e.Message);
        }
        return token as JObject ?? throw new InputException("expected a JSON object, got " + Describe(token));
    }

    public static string ScalarText(JValue value) => ScalarText(value.Value);

    /// <summary>A scalar's text, from the value a JSON reader gives (a string, bool, DateTime, long, double or BigInteger).</summary>
    public static string ScalarText(object? value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTime date => date.ToString("o", CultureInfo.InvariantCulture),
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.String => "a string",
        _ => token.Type.ToString().ToLowerInvariant(),
    };
}
