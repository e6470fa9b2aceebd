using Spectre.Console;

namespace LeadPlugins.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var output = AnsiConsole.Console;
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        // Redirected output (CI logs, MSBuild's Exec) should not wrap at the default 80 columns.
        if (Console.IsOutputRedirected) output.Profile.Width = Math.Max(output.Profile.Width, 240);
        if (Console.IsErrorRedirected) error.Profile.Width = Math.Max(error.Profile.Width, 240);
        try
        {
            return Cli.Run(args, new CliConsoles(output, error));
        }
        finally
        {
            Console.Out.Flush();
        }
    }
}
