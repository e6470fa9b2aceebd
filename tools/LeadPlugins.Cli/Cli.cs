using System.CommandLine;
using LeadPlugins.Cli.Commands;
using Spectre.Console;

namespace LeadPlugins.Cli;

/// <summary>A `leadplugins` sub-command. Add one by implementing this and listing it in <see cref="Cli.Commands"/>.</summary>
public interface ICliCommand
{
    Command Build(IAnsiConsole console);
}

/// <summary>Builds the command tree (System.CommandLine) and runs it; output goes through Spectre.Console.</summary>
public static class Cli
{
    public const int Success = 0;
    public const int Failure = 1;

    /// <summary>Every sub-command, in the order `--help` lists them.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } = new ICliCommand[]
    {
        new PackCommand(),
        new VerifyCommand(),
        new SequencesCommand(),
    };

    public static RootCommand BuildRoot(IAnsiConsole console)
    {
        var root = new RootCommand("leadplugins: build, check and exercise the LeadPlugins Dataverse solution.");
        foreach (var command in Commands)
            root.Subcommands.Add(command.Build(console));
        return root;
    }

    public static int Run(string[] args, IAnsiConsole console)
    {
        var parse = BuildRoot(console).Parse(args);
        return parse.Invoke(new InvocationConfiguration
        {
            Output = new ConsoleWriter(console, error: false),
            Error = new ConsoleWriter(console, error: true),
        });
    }

    /// <summary>Routes System.CommandLine's help and parse errors to the same console (so tests can capture them).</summary>
    private sealed class ConsoleWriter : TextWriter
    {
        private readonly IAnsiConsole _console;
        private readonly bool _error;

        public ConsoleWriter(IAnsiConsole console, bool error)
        {
            _console = console;
            _error = error;
        }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (_error) _console.Write(new Text(value, new Style(Color.Red)));
            else _console.Write(new Text(value));
        }
    }
}
