using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LeadPlugins.Cli.Output;

namespace LeadPlugins.Cli.Commands;

/// <summary>
/// Parsers for option values that name the option and the expected form when a value does not fit (System.CommandLine's
/// own messages name .NET types, e.g. System.Nullable`1[System.DateTimeOffset]), so a bad value is one usage line.
/// </summary>
internal static class OptionValues
{
    /// <summary>Earliest date accepted by --now and --created (UTC).</summary>
    public static readonly DateTime EarliestDate = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    /// <summary>Latest date accepted by --now and --created (UTC): due dates up to ten years later stay far from DateTime's end.</summary>
    public static readonly DateTime LatestDate = new(2100, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    public const string DateForm = "an ISO 8601 date from 2000-01-01 to 2100-12-31, e.g. 2026-03-02T09:30:00Z (UTC unless an offset is given)";

    /// <summary>Option named after the option's own result (e.g. "--batch-size").</summary>
    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

    private static string Given(ArgumentResult result) => SafeText.ForDisplay(result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty);

    /// <summary>A whole number in [min, max]; null (with a usage error) otherwise.</summary>
    public static int? Int(ArgumentResult result, int min, int max)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        result.AddError(Name(result) + ": expected a whole number from " + min.ToString("N0", CultureInfo.InvariantCulture) + " to "
            + max.ToString("N0", CultureInfo.InvariantCulture) + ", got '" + Given(result) + "'");
        return null;
    }

    /// <summary>A date within [<see cref="EarliestDate"/>, <see cref="LatestDate"/>], as UTC.</summary>
    public static DateTime? Date(ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[^1].Value;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            var utc = value.UtcDateTime;
            if (utc >= EarliestDate && utc <= LatestDate) return utc;
            result.AddError(Name(result) + ": " + utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " is outside the supported range; expected " + DateForm);
            return null;
        }
        result.AddError(Name(result) + ": expected " + DateForm + ", got '" + Given(result) + "'");
        return null;
    }

    /// <summary>One of an enum's names, in any casing.</summary>
    public static T? Enum<T>(ArgumentResult result) where T : struct, System.Enum
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[^1].Value;
        if (!text.Any(char.IsDigit) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value)) return value;
        result.AddError(Name(result) + ": expected one of " + string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant())) + ", got '" + Given(result) + "'");
        return null;
    }

    /// <summary>--verbose on every command: more detail, and the stack trace of an unexpected error.</summary>
    public static Option<bool> Verbose(string description = "Print the stack trace with an unexpected error")
        => new("--verbose", "-v") { Description = description };
}
