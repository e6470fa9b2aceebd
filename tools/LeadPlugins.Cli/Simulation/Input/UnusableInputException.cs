namespace LeadPlugins.Cli.Simulation;

/// <summary>The input cannot be used at all (binary data, a CSV header naming no lead column, a damaged workbook).</summary>
public sealed class UnusableInputException : Exception
{
    public UnusableInputException(string message) : base(message) { }
}
