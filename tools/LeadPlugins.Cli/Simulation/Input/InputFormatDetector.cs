using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPlugins.Cli.Simulation;

/// <summary>Tells the text formats apart from their first line: JSON lines of payloads or rows, JSON values, or CSV.</summary>
public static partial class InputFormatDetector
{
    /// <summary>`{` with a UserDetails or LeadSource key (any casing) => payload; `{` otherwise => rows; `[` => JSON; else CSV.</summary>
    public static InputFormat Detect(string firstNonEmptyLine)
    {
        var line = firstNonEmptyLine.TrimStart('\uFEFF', ' ', '\t');
        if (line.StartsWith('[')) return InputFormat.Json;
        if (!line.StartsWith('{')) return InputFormat.Csv;
        if (OpenDepth(line) > 0) return InputFormat.Json;
        return KindOf(line);
    }

    /// <summary>Payload or Rows, by the object's keys.</summary>
    internal static InputFormat KindOf(string json)
    {
        try
        {
            var token = JToken.Parse(json);
            return token is JObject o && o.Properties().Any(p => IsPayloadKey(p.Name)) ? InputFormat.Payload : InputFormat.Rows;
        }
        catch (JsonException)
        {
            // A broken object (the documented test lead misses a comma) still shows its keys.
            return PayloadKeyPattern().IsMatch(json) ? InputFormat.Payload : InputFormat.Rows;
        }
    }

    /// <summary>Brackets still open at the end of the text (outside strings): more than 0 means a value continues on the next line.</summary>
    internal static int OpenDepth(string text)
    {
        int depth = 0;
        bool inString = false, escaped = false;
        foreach (var c in text)
        {
            if (inString)
            {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c is '{' or '[') depth++;
            else if (c is '}' or ']') depth--;
        }
        return depth;
    }

    private static bool IsPayloadKey(string name)
        => string.Equals(name, "UserDetails", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "LeadSource", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("\"(userdetails|leadsource)\"\\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex PayloadKeyPattern();
}
