namespace LeadPlugins.Cli.Simulation;

/// <summary>The names --format accepts.</summary>
public static class InputFormats
{
    public const string Names = "auto|payload|rows|json|csv|partner-center|xlsx";

    public static InputFormat? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => InputFormat.Auto,
        "payload" or "payloads" => InputFormat.Payload,
        "rows" => InputFormat.Rows,
        "json" => InputFormat.Json,
        "csv" => InputFormat.Csv,
        "partner-center" or "partnercenter" => InputFormat.PartnerCenter,
        "xlsx" or "excel" => InputFormat.Xlsx,
        _ => null,
    };

    public static string Name(InputFormat format) => format == InputFormat.PartnerCenter ? "partner-center" : format.ToString().ToLowerInvariant();
}
