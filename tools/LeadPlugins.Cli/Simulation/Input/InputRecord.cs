using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>One input record: the lead to create, or why the record cannot be used.</summary>
public sealed class InputRecord
{
    private InputRecord(int line, Entity? lead, string? error, IReadOnlyList<string> notes)
    {
        Line = line;
        Lead = lead;
        Error = error;
        Notes = notes;
    }

    /// <summary>1-based line number in the input (CSV and JSON objects: the line where the record starts; xlsx: the row).</summary>
    public int Line { get; }
    public Entity? Lead { get; }
    public string? Error { get; }
    /// <summary>Values the mapping had to leave out (e.g. an array where text was expected).</summary>
    public IReadOnlyList<string> Notes { get; }

    public static InputRecord Ok(int line, Entity lead, IReadOnlyList<string>? notes = null) => new(line, lead, null, notes ?? Array.Empty<string>());
    public static InputRecord Bad(int line, string error) => new(line, null, error, Array.Empty<string>());
}
