using Spectre.Console;

namespace LeadPlugins.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var console = AnsiConsole.Console;
        // Redirected output (CI logs, MSBuild's Exec) should not wrap at the default 80 columns.
        if (Console.IsOutputRedirected) console.Profile.Width = Math.Max(console.Profile.Width, 240);
        return Cli.Run(args, console);
    }
}
