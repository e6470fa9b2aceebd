using System.CommandLine;
using System.Reflection;
using LeadPlugins.Cli.Output;
using LeadPlugins.Cli.Report;
using LeadPlugins.Cli.Simulation;
using LeadPlugins.Solution;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>
/// `leadplugins demo`: the README's main command. Packs the importable solution zip (and verifies it), then runs
/// every sample in samples/ through the real plug-ins in the in-memory Dataverse.
/// </summary>
public sealed class DemoCommand : ICliCommand
{
    /// <summary>The configuration this CLI was built in; its net462 assemblies are built with it (see the project file).</summary>
    public static string BuiltConfiguration
        => typeof(DemoCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Release";

    public Command Build(CliConsoles consoles)
    {
        var configuration = new Option<string>("--configuration", "-c") { Description = "Build configuration whose net462 assemblies are packed (default: the CLI's own, " + BuiltConfiguration + ")", DefaultValueFactory = _ => BuiltConfiguration };
        var output = new Option<string?>("--output", "-o") { Description = "Zip file, or folder for LeadPlugins_<version>.zip (default: pac.config paths.output, i.e. artifacts/)" };
        var config = new Option<string?>("--config") { Description = "Path to pac.config (default: found above the current directory, then above the CLI)" };
        var samples = new Option<string?>("--samples") { Description = "Folder of leads to simulate: *.jsonl, *.json, *.csv, *.xlsx (default: samples/ next to pac.config)" };
        var report = new Option<string?>("--report") { Description = "Where the HTML report of every sample goes (default: artifacts/report.html next to pac.config)", HelpName = "file.html" };
        var now = new Option<DateTime?>("--now") { Description = "When the leads arrive, ISO 8601 from 2000-01-01 to 2100-12-31 (default: now)", CustomParser = OptionValues.Date };
        var verbose = OptionValues.Verbose();

        var command = new Command("demo", "Build the importable solution zip, verify it, and simulate every sample in samples/ through the real plug-ins.")
        {
            configuration, output, config, samples, now, report, verbose,
        };
        command.SetAction(parse => Run(consoles, parse.GetValue(configuration) ?? BuiltConfiguration, parse.GetValue(output), parse.GetValue(config),
            parse.GetValue(samples), parse.GetValue(now) ?? DateTime.UtcNow, parse.GetValue(report)));
        return command;
    }

    /// <summary>The extensions of the sample files the demo simulates.</summary>
    public static readonly IReadOnlyList<string> SampleExtensions = new[] { ".jsonl", ".json", ".csv", ".xlsx" };

    private static int Run(CliConsoles consoles, string configuration, string? output, string? configPath, string? samplesDirectory, DateTime now, string? reportPath)
    {
        var console = consoles.Out;
        PacConfig pacConfig;
        try
        {
            pacConfig = PacConfig.Load(configPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or System.Text.Json.JsonException)
        {
            CliErrors.Print(consoles.Error, CliErrors.OneLine(e.Message));
            return Cli.Failure;
        }

        // 1. The solution zip, exactly as `pack` builds it, then `verify` on the written file.
        console.Write(new Rule("[bold]1. Importable solution zip[/]").LeftJustified());
        var packed = SolutionPacker.Pack(new PackOptions { ConfigPath = pacConfig.RootDirectory, Configuration = configuration, Output = output });
        FindingPrinter.Print(console, packed.Findings, FindingFormat.Table, includeInfo: false);
        var exit = Cli.Success;
        if (packed.ZipPath == null)
        {
            FindingPrinter.Summary(console, "pack failed", packed.Findings);
            exit = Cli.Failure;
        }
        else
        {
            var steps = packed.Solution?.Assemblies.Sum(a => a.Steps.Count()) ?? 0;
            console.MarkupLine("[green]Packed[/] " + Markup.Escape(Output.SafeText.ForDisplay(packed.ZipPath, 1000)) + " (" + (packed.Solution?.Assemblies.Count ?? 0) + " plug-in assemblies, " + steps + " steps)");
            var report = SolutionVerifier.Verify(packed.ZipPath, new VerifyOptions
            {
                SchemaDirectory = pacConfig.SchemaDirectory,
                ReferenceDirectories = pacConfig.AssemblyPaths(configuration).Select(p => Path.GetDirectoryName(p)!).ToList(),
            });
            FindingPrinter.Print(console, report.Findings.Where(f => f.Severity == Severity.Error).ToList(), FindingFormat.Table, includeInfo: false);
            FindingPrinter.Summary(console, "verify " + Path.GetFileName(packed.ZipPath), report.Findings);
            if (report.HasErrors) exit = Cli.Failure;
            console.MarkupLine("[grey]Import it: pac solution import --path " + Markup.Escape(Output.SafeText.ForDisplay(Shown(Directory.GetCurrentDirectory(), packed.ZipPath), 1000)) + " --publish-changes[/]");
        }

        // 2. Every sample through the real plug-ins.
        var directory = samplesDirectory ?? Path.Combine(pacConfig.RootDirectory, "samples");
        var files = Directory.Exists(directory)
            ? Directory.GetFiles(directory).Where(f => SampleExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal).ToList()
            : new List<string>();
        if (files.Count == 0)
        {
            CliErrors.Print(consoles.Error, "no *.jsonl, *.json, *.csv or *.xlsx samples in " + Output.SafeText.ForDisplay(directory, 1000));
            return Cli.Failure;
        }
        var environment = SimulateCommand.LoadEnvironment(consoles.Error);
        if (environment == null) return Cli.Failure;
        var collector = new ReportCollector();
        for (var i = 0; i < files.Count; i++)
        {
            var relative = Shown(pacConfig.RootDirectory, files[i]);
            console.WriteLine();
            console.Write(new Rule("[bold]" + (i + 2) + ". simulate " + Markup.Escape(Output.SafeText.ForDisplay(relative, 1000)) + "[/]").LeftJustified());
            var options = new SimulationOptions { Now = now };
            console.Profile.Out.Writer.Flush(); // the heading before this file's rejections on stderr
            // The samples hold deliberately bad lines (malformed.jsonl): their rejections are the demo, not a failure.
            if (SimulateCommand.Simulate(consoles, environment, files[i], options, json: false, allowProgress: false, displayName: relative, report: collector, allowRejects: true) != Cli.Success) exit = Cli.Failure;
        }
        console.WriteLine();
        var reportFile = reportPath ?? Path.Combine(pacConfig.RootDirectory, "artifacts", "report.html");
        if (HtmlReport.TryWrite(reportFile, collector, "Dry run of the samples", now) is { } failed)
        {
            consoles.Error.MarkupLine("[red]" + Markup.Escape(failed) + "[/]");
            return Cli.Failure;
        }
        console.MarkupLine("[green]Report[/] " + Markup.Escape(SafeText.ForDisplay(Shown(Directory.GetCurrentDirectory(), reportFile), 400)) + " [grey](open it in a browser: one self-contained file)[/]");
        console.MarkupLine("[grey]Next: dotnet run --project tools/LeadPlugins.Cli -c Release -- simulate samples/marketplace-payloads.jsonl --json --verbose[/]");
        return exit;
    }

    /// <summary>A path relative to <paramref name="root"/> when it is inside it, else the full path.</summary>
    private static string Shown(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path) : relative;
    }
}
