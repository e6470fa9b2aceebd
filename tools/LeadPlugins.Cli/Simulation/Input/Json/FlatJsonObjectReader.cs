using Newtonsoft.Json;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Reads a JSON object whose values are all scalars or null (the usual lead row) straight from its text, without
/// building a JObject: each key with its value as the reader gives it (for <see cref="InputJson.ScalarText(object?)"/>), or null.
/// Anything else (a nested value, a comment, a repeated key, text after the object, invalid JSON) is declined, and the
/// caller parses the text with <see cref="InputJson.ParseObject"/> as before, so results and messages stay the same.
/// The reader is the one JToken.Parse uses, with its defaults (dates as DateTime, floats as double).
/// </summary>
internal sealed class FlatJsonObjectReader
{
    // The repeated-key check scans the keys read so far: past this many, the JObject (hashed lookups) takes the row.
    internal const int MaxKeys = 128;

    // Keys the reader then returns without allocating (the lead's column names): only looked up, never added to.
    private readonly DefaultJsonNameTable _names = new();

    public FlatJsonObjectReader(IEnumerable<string> knownKeys)
    {
        foreach (var key in knownKeys) _names.Add(key);
    }

    /// <summary>Adds the object's keys and values to <paramref name="properties"/> (empty); false when declined (then it holds anything).</summary>
    public bool TryRead(string text, List<(string Name, object? Value)> properties)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { ArrayPool = JsonCharPool.Instance, PropertyNameTable = _names };
        try
        {
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject) return false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonToken.EndObject) return !reader.Read(); // white space only after it
                if (reader.TokenType != JsonToken.PropertyName) return false;
                if (properties.Count == MaxKeys) return false;
                var name = (string)reader.Value!;
                // A repeated key: the JObject keeps the first one's place with the last one's value.
                foreach (var (seen, _) in properties)
                    if (string.Equals(seen, name, StringComparison.Ordinal)) return false;
                if (!reader.Read()) return false;
                switch (reader.TokenType)
                {
                    case JsonToken.String or JsonToken.Integer or JsonToken.Float or JsonToken.Boolean or JsonToken.Date:
                        properties.Add((name, reader.Value));
                        break;
                    case JsonToken.Null:
                        properties.Add((name, null));
                        break;
                    default:
                        return false;
                }
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
