using System.CommandLine;
using System.Globalization;
using LeadPlugins.Cli.Output;
using LeadPlugins.Cli.Report;
using LeadPlugins.Cli.Simulation;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>`leadplugins simulate &lt;file&gt;`: runs leads through the real plug-ins in the in-memory Dataverse.</summary>
public sealed class SimulateCommand : ICliCommand
{
    /// <summary>By default (and for --discard without a number) a fresh in-memory Dataverse starts every this many leads, so memory stays flat.</summary>
    public const int DefaultDiscardWindow = 1_000;

    /// <summary>Inputs longer than this get a progress bar (when it cannot garble the output, see <see cref="ShowProgress"/>).</summary>
    public const int ProgressThreshold = 1_000;

    public Command Build(CliConsoles consoles)
    {
        var file = new Argument<string>("file") { Description = "Leads to simulate: JSON (lines, an array or pretty-printed; HTTPS-endpoint payloads or lead rows), CSV (lead columns, Dynamics display names or the Partner Center Leads download) or .xlsx; - reads standard input" };
        var input = new InputCommandLine();
        var format = input.Format;
        var json = new Option<bool>("--json") { Description = "Write one JSON object per lead (and per rejected line) to stdout instead of tables" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Include the plug-ins' trace lines (and, in tables, each step and activity)" };
        var batchSize = new Option<int>("--batch-size") { Description = "Leads per request: 1 = one Create each; more = CreateMultiple batches", DefaultValueFactory = _ => 1, HelpName = "N" };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--batch-size must be at least 1.");
        });
        var seedConfig = new Option<string?>("--seed-config") { Description = "JSON with the caller and configuration rows (storefront settings, campaigns, offers, routing rules, nurture sequences)", HelpName = "file" };
        var now = new Option<DateTimeOffset?>("--now") { Description = "When the leads arrive, ISO 8601 (default: now); fixes createdon and due dates", HelpName = "iso" };
        var discard = new Option<int?>("--discard")
        {
            Description = "Memory stays flat: every N leads (default " + DefaultDiscardWindow.ToString("N0", CultureInfo.InvariantCulture) + ", also without this option) start a fresh in-memory Dataverse, keeping only the oldest lead per e-mail and its enrolment for duplicate matching",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "N",
        };
        discard.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.GetValueOrDefault<int?>() is < 1) result.AddError("--discard must be at least 1.");
        });
        var keepAll = new Option<bool>("--keep-all") { Description = "Keep every lead, activity and trace in one in-memory Dataverse (memory grows about 90 KB per lead)" };
        var noProgress = new Option<bool>("--no-progress") { Description = "Never show the progress bar" };

        var command = new Command("simulate", "Run leads through the real plug-ins in the in-memory Dataverse and print each lead as stored, with its nurture enrolment and activities.")
        {
            file, json, verbose, batchSize, seedConfig, now, discard, keepAll, noProgress,
        };
        foreach (var option in input.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var environment = LoadEnvironment(consoles.Error);
            if (environment == null) return Cli.Failure;
            SeedConfiguration? seed = null;
            var seedPath = parse.GetValue(seedConfig);
            if (seedPath != null)
            {
                try
                {
                    seed = SeedConfiguration.Load(seedPath, environment.Values);
                }
                catch (UnusableInputException e)
                {
                    consoles.Error.MarkupLine("[red]" + Markup.Escape(e.Message) + "[/]");
                    return Cli.Failure;
                }
            }
            var options = new SimulationOptions
            {
                Format = parse.GetValue(format),
                Input = input.Read(parse, message => consoles.Error.MarkupLine("[yellow]warning:[/] " + Markup.Escape(SafeText.ForDisplay(message, 400)))),
                BatchSize = parse.GetValue(batchSize),
                Verbose = parse.GetValue(verbose),
                Now = (parse.GetValue(now) ?? DateTimeOffset.UtcNow).UtcDateTime,
                Seed = seed,
                DiscardEvery = parse.GetValue(keepAll) ? null : parse.GetValue(discard) ?? DefaultDiscardWindow,
            };
            var reportPath = parse.GetValue(input.Report);
            var report = reportPath == null ? null : new ReportCollector();
            var exit = Simulate(consoles, environment, parse.GetValue(file)!, options, parse.GetValue(json), allowProgress: !parse.GetValue(noProgress), report: report);
            if (report != null && report.Sources.Count > 0)
            {
                var failed = HtmlReport.TryWrite(reportPath!, report, "Dry run: " + Path.GetFileName(parse.GetValue(file)!), options.Now);
                if (failed != null) consoles.Error.MarkupLine("[red]" + Markup.Escape(failed) + "[/]");
                else consoles.Error.MarkupLine("[grey]report:[/] " + Markup.Escape(SafeText.ForDisplay(Path.GetFullPath(reportPath!), 400)));
                if (failed != null) return Cli.Failure;
            }
            return exit;
        });
        return command;
    }

    /// <summary>The solution source, schema and labels; null (after a message) when Solution/src cannot be found or read.</summary>
    internal static SimulationEnvironment? LoadEnvironment(IAnsiConsole error)
    {
        try
        {
            return SimulationEnvironment.Load();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidDataException or System.Xml.XmlException)
        {
            error.MarkupLine("[red]cannot load the solution schema:[/] " + Markup.Escape(e.Message));
            return null;
        }
    }

    /// <summary>
    /// A progress bar only helps, and only stays readable, when the input is long, stderr is a terminal and stdout is
    /// not the same terminal (rows scrolling past already show progress, and two live streams garble each other).
    /// </summary>
    public static bool ShowProgress(long lines, bool errorIsTerminal, bool outputRedirected)
        => lines > ProgressThreshold && errorIsTerminal && outputRedirected;

    /// <summary>Simulates one file (or stdin for "-"); prints leads as it goes and a summary on the error console.</summary>
    internal static int Simulate(CliConsoles consoles, SimulationEnvironment environment, string path, SimulationOptions options, bool json, bool allowProgress, string? displayName = null,
        ReportCollector? report = null)
    {
        var fromStdin = path == "-";
        if (!fromStdin && !File.Exists(path))
        {
            consoles.Error.MarkupLine("[red]input not found:[/] " + Markup.Escape(path));
            return Cli.Failure;
        }
        ISimulationOutput output = json
            ? new JsonLinesOutput(consoles.Out.Profile.Out.Writer, options.Verbose)
            : new TableOutput(consoles.Out, consoles.Error, options.Verbose);
        var simulator = new LeadSimulator(environment, options);
        report?.BeginSource(fromStdin ? "stdin" : displayName ?? path);
        var sink = report?.Wrap(output) ?? output;
        SimulationSummary summary;
        try
        {
            using var reader = fromStdin ? Console.OpenStandardInput() : File.OpenRead(path);
            var errorIsTerminal = !Console.IsErrorRedirected && consoles.Error.Profile.Capabilities.Interactive;
            // Counting the lines is one more streaming pass over the file, only made when a bar could be shown.
            var lines = allowProgress && !fromStdin && errorIsTerminal && Console.IsOutputRedirected ? File.ReadLines(path).LongCount() : 0;
            if (ShowProgress(lines, errorIsTerminal, Console.IsOutputRedirected))
            {
                summary = null!;
                consoles.Error.Progress().AutoClear(true).HideCompleted(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(context =>
                    {
                        var task = context.AddTask(Path.GetFileName(path), maxValue: lines);
                        summary = simulator.Run(reader, sink, records => task.Value = records);
                    });
            }
            else
            {
                summary = simulator.Run(reader, sink);
            }
        }
        catch (UnusableInputException e)
        {
            (output as TableOutput)?.Flush();
            consoles.Out.Profile.Out.Writer.Flush();
            consoles.Error.MarkupLine("[red]" + Markup.Escape(path) + ": unusable input:[/] " + Markup.Escape(e.Message));
            return Cli.Failure;
        }
        catch (IOException e)
        {
            consoles.Error.MarkupLine("[red]cannot read " + Markup.Escape(path) + ":[/] " + Markup.Escape(e.Message));
            return Cli.Failure;
        }
        (output as TableOutput)?.Flush();
        consoles.Out.Profile.Out.Writer.Flush();
        report?.EndSource(summary);
        PrintSummary(consoles.Error, fromStdin ? "stdin" : displayName ?? path, summary, options);
        return Cli.Success;
    }

    internal static void PrintSummary(IAnsiConsole error, string source, SimulationSummary s, SimulationOptions options)
    {
        static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
        static string Mb(long bytes) => N(bytes / 1024.0 / 1024.0, "N0") + " MB";
        var rejected = s.Rejected == 0 ? "0 rejected" : "[red]" + s.Rejected + " rejected[/] (line " + string.Join(", ", s.RejectedLines) + (s.Rejected > s.RejectedLines.Count ? ", ..." : string.Empty) + ")";
        error.MarkupLine(Markup.Escape(source) + " [grey](" + InputFormats.Name(s.Format) + ")[/]: " + N(s.Leads) + " lead(s) simulated, " + rejected
            + " in " + N(s.Elapsed.TotalSeconds, "N2") + " s: [bold]" + N(s.LeadsPerSecond) + " leads/s[/]"
            + " [grey](setup " + N(s.Setup.TotalSeconds, "N2") + " s, " + (options.BatchSize > 1 ? "CreateMultiple batches of " + options.BatchSize : "one Create per lead")
            + (s.FallbackBatches > 0 ? ", " + s.FallbackBatches + " batch(es) retried one by one" : string.Empty)
            + (s.Recycles > 0 ? ", " + s.Recycles + " fresh in-memory Dataverse(s), " + N(s.CarriedAddresses) + " e-mail address(es) kept for duplicate matching" : string.Empty) + ")[/]");
        error.MarkupLine("[grey]  plug-ins: " + s.RegisteredSteps + " step(s) registered, " + N(s.StepExecutions) + " execution(s)"
            + (s.FailedStepExecutions > 0 ? ", " + s.FailedStepExecutions + " failed" : string.Empty)
            + (s.FailedAsyncJobs > 0 ? ", " + s.FailedAsyncJobs + " async job(s) failed" : string.Empty)
            + ", " + N(s.PluginRequests.Values.Sum()) + " service call(s)" + Breakdown(s.PluginRequests)
            + "; caller requests" + Breakdown(s.CallerRequests) + "[/]");
        error.MarkupLine("[grey]  memory: peak working set " + Mb(s.PeakWorkingSet) + ", managed heap peak " + Mb(s.PeakManagedHeap)
            + ", GC gen0/1/2 " + GC.CollectionCount(0) + "/" + GC.CollectionCount(1) + "/" + GC.CollectionCount(2) + "[/]");
        foreach (var gap in s.HarnessGaps) error.MarkupLine("[yellow]  not simulated:[/] " + Markup.Escape(gap));
        if (s.RegisteredSteps == 0)
            error.MarkupLine("[yellow]  LeadPlugins.Plugins registers no [[PluginStep]] yet: leads are stored as given (not enriched, not enrolled).[/]");
    }

    private static string Breakdown(Dictionary<string, int> byMessage)
        => byMessage.Count == 0 ? string.Empty : " (" + string.Join(", ", byMessage.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Markup.Escape(p.Key) + " " + p.Value.ToString("N0", CultureInfo.InvariantCulture))) + ")";
}
