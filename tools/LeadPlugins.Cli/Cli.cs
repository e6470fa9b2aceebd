using System.CommandLine;
using LeadPlugins.Cli.Commands;
using Spectre.Console;

namespace LeadPlugins.Cli;

/// <summary>Builds the command tree (System.CommandLine) and runs it; output goes through Spectre.Console.</summary>
public static class Cli
{
    public const int Success = 0;
    /// <summary>The command ran and found errors, or its input cannot be used.</summary>
    public const int Failure = 1;
    /// <summary>The command line itself is wrong (unknown option, bad value, missing argument).</summary>
    public const int UsageError = 2;

    /// <summary>Every sub-command, in the order `--help` lists them.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } = new ICliCommand[]
    {
        new DemoCommand(),
        new SimulateCommand(),
        new PackCommand(),
        new VerifyCommand(),
        new SequencesCommand(),
        new ChartsCommand(),
        new DoctorCommand(),
        new ExportCommand(),
        new BackfillCommand(),
        new EmulatorCommand(),
    };

    public static RootCommand BuildRoot(CliConsoles consoles)
    {
        var root = new RootCommand("leadplugins: build, check and exercise the LeadPlugins Dataverse solution.");
        foreach (var command in Commands)
            root.Subcommands.Add(command.Build(consoles));
        return root;
    }

    /// <summary>Runs with one console for everything (tests, tools that capture one stream).</summary>
    public static int Run(string[] args, IAnsiConsole console) => Run(args, new CliConsoles(console, console));

    /// <summary>
    /// Parses and runs. A command line that does not parse is one "error: ..." line on stderr and exit 2 (no help
    /// dump); an unexpected exception is one "error: ..." line and exit 1 (--verbose adds the stack trace).
    /// </summary>
    public static int Run(string[] args, CliConsoles consoles)
    {
        var verbose = args.Any(a => a is "--verbose" or "-v");
        try
        {
            var parse = BuildRoot(consoles).Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
            {
                var command = parse.CommandResult.Command;
                var help = command is RootCommand ? "leadplugins --help" : "leadplugins " + command.Name + " --help";
                // "Required command was not provided" says less than the unrecognized word that caused it.
                var first = parse.Errors.OrderBy(e => e.Message.StartsWith("Required command", StringComparison.Ordinal) ? 1 : 0).First();
                CliErrors.Print(consoles.Error, CliErrors.OneLine(first.Message) + " (" + help + " lists the options)");
                return UsageError;
            }
            return parse.Invoke(new InvocationConfiguration
            {
                Output = new ConsoleWriter(consoles.Out, error: false),
                Error = new ConsoleWriter(consoles.Error, error: true),
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            CliErrors.Unexpected(consoles, e, verbose);
            return Failure;
        }
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
