namespace LeadPlugins.Cli.Simulation;

/// <summary>A line (or configuration row) the simulator cannot turn into a row: the reason is shown to the user.</summary>
public sealed class InputException : Exception
{
    public InputException(string message) : base(message) { }
}
