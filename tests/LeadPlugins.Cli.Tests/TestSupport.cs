using System.Reflection;
using LeadPlugins.Cli;
using LeadPlugins.Cli.Simulation;
using Spectre.Console;

namespace LeadPlugins.Cli.Tests;

/// <summary>Paths of the repository the tests run in, and the shared (loaded once) simulation environment.</summary>
internal static class Repo
{
    public static string Configuration { get; } =
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value ?? "Debug";

    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Sample(string name) => Path.Combine(Samples, name);

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static SimulationEnvironment Environment { get; } = SimulationEnvironment.Load();

    public static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "leadplugins-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static string WriteTemp(string fileName, string content)
    {
        var path = Path.Combine(NewTempDirectory(), fileName);
        File.WriteAllText(path, content);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "pac.config"))) return dir.FullName;
        throw new DirectoryNotFoundException("pac.config not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Runs the CLI with stdout and stderr captured separately.</summary>
internal static class CliRunner
{
    public sealed record Result(int Exit, string Out, string Error);

    public static Result Run(params string[] args) => RunAt(240, args);

    /// <summary>Runs with consoles of <paramref name="width"/> columns (a terminal of that width).</summary>
    public static Result RunAt(int width, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Cli.Run(args, new CliConsoles(Console(output, width), Console(error, width)));
        return new Result(exit, output.ToString(), error.ToString());
    }

    private static IAnsiConsole Console(TextWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}

/// <summary>Collects what the simulator hands out, in order.</summary>
internal sealed class RecordingOutput : ISimulationOutput
{
    public List<SimulatedLead> Leads { get; } = new();
    public List<(int Line, string Reason)> Rejections { get; } = new();
    /// <summary>Input line numbers in the order they were handed out (leads and rejections).</summary>
    public List<int> Order { get; } = new();
    public int Batches { get; private set; }
    public Action<SimulatedLead>? OnLead { get; init; }

    public void Lead(SimulatedLead lead)
    {
        Leads.Add(lead);
        Order.Add(lead.Input);
        OnLead?.Invoke(lead);
    }

    public void Rejected(int line, string reason)
    {
        Rejections.Add((line, reason));
        Order.Add(line);
    }

    public void EndBatch() => Batches++;
}
