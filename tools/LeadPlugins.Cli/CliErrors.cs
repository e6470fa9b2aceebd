using LeadPlugins.Cli.Output;
using Spectre.Console;

namespace LeadPlugins.Cli;

/// <summary>How the CLI reports a failure: one "error: ..." line on stderr, input text made safe by <see cref="SafeText"/>.</summary>
public static class CliErrors
{
    /// <summary>Writes "error: <paramref name="message"/>" as one raw line (never wrapped, no markup). The message must already be safe.</summary>
    public static void Print(IAnsiConsole error, string message)
    {
        var writer = error.Profile.Out.Writer;
        writer.WriteLine("error: " + message);
        writer.Flush();
    }

    /// <summary>An exception nobody expected: its message (it may quote input) on one line; with --verbose, the stack trace after it.</summary>
    public static void Unexpected(CliConsoles consoles, Exception e, bool verbose)
    {
        consoles.Out.Profile.Out.Writer.Flush();
        var message = e.GetType() == typeof(Exception) ? e.Message : e.GetType().Name + ": " + e.Message;
        Print(consoles.Error, OneLine(message) + (verbose ? string.Empty : " (--verbose shows where)"));
        if (!verbose) return;
        var writer = consoles.Error.Profile.Out.Writer;
        foreach (var line in (e.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            writer.WriteLine(SafeText.ForDisplay(line.TrimEnd('\r'), 1000));
        writer.Flush();
    }

    /// <summary>A message on one line: made safe (line breaks become visible escapes) and cut when very long.</summary>
    public static string OneLine(string message) => SafeText.ForDisplay(message.Trim(), 500);

    /// <summary>Why <paramref name="path"/> cannot be read as an input file, or null when it can.</summary>
    public static string? PathProblem(string path)
    {
        if (Directory.Exists(path)) return SafeText.ForDisplay(path) + " is a directory, not a file";
        if (!File.Exists(path)) return SafeText.ForDisplay(path) + ": file not found";
        return null;
    }
}
