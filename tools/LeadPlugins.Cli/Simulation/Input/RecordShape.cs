namespace LeadPlugins.Cli.Simulation;

/// <summary>How a record ends: at a line break, at a line break outside CSV quotes, or where a top-level JSON value closes.</summary>
public enum RecordShape
{
    Line,
    CsvRecord,
    JsonValue,
}
