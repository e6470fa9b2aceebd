namespace LeadPlugins.Cli.Simulation;

/// <summary>One record of input: its text, or why it was left out (too long, unterminated). <see cref="Line"/> is 1-based.</summary>
public readonly record struct RawRecord(int Line, string? Text, string? Error, string? Prefix = null)
{
    public bool IsBad => Error != null;
}
