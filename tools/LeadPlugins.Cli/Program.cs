using Spectre.Console;

namespace LeadPlugins.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Redirected stdout is buffered (flushed per batch or table page, and at exit): 100,000 JSON lines without a
        // write call each. On a terminal every write shows at once, in order with stderr.
        if (Console.IsOutputRedirected)
            Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false });
        var output = AnsiConsole.Console;
        // Spectre judges interactivity by stdout; stderr (progress) is interactive when it is itself a terminal.
        var error = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Yes,
        });
        // Redirected output (CI logs, MSBuild's Exec) should not wrap at the default 80 columns.
        if (Console.IsOutputRedirected) output.Profile.Width = Math.Max(output.Profile.Width, 240);
        if (Console.IsErrorRedirected) error.Profile.Width = Math.Max(error.Profile.Width, 240);
        var exit = Cli.Run(args, new CliConsoles(output, error));
        try
        {
            Console.Out.Flush();
        }
        catch (IOException)
        {
            // The reader went away (e.g. `| head`): nothing more can be shown; the exit code still tells.
        }
        return exit;
    }
}
