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
    /// <remarks>A window's rows live until it ends, so the GC copies them into older generations; 250 leads (about 5 MB)
    /// cut GC pauses by half and CPU by 10-15 % against 1,000, at 50 MB less peak RSS (docs/performance.md, ninth round).</remarks>
    public const int DefaultDiscardWindow = 250;

    /// <summary>Inputs longer than this get a progress bar (when it cannot garble the output, see <see cref="ShowProgress"/>).</summary>
    public const int ProgressThreshold = 1_000;

    /// <summary>
    /// Largest --batch-size. Dataverse sets no record count for CreateMultiple on standard tables, only the payload
    /// (116.85 MB with plug-ins) and time limits, and advises fewer records before longer timeouts; 1,000 is also
    /// ExecuteMultiple's maximum per request. The simulation holds a whole batch in memory.
    /// </summary>
    public const int MaxBatchSize = 1_000;

    /// <summary>Largest --discard window (about 90 KB per lead kept: under 1 GB); --keep-all keeps everything.</summary>
    public const int MaxDiscardWindow = 10_000;

    public Command Build(CliConsoles consoles)
    {
        var file = new Argument<string>("file") { Description = "Leads to simulate: JSON (lines, an array or pretty-printed; HTTPS-endpoint payloads or lead rows), CSV (lead columns, Dynamics display names or the Partner Center Leads download) or .xlsx; - reads standard input" };
        var input = new InputCommandLine();
        var format = input.Format;
        var json = new Option<bool>("--json") { Description = "Write one JSON object per lead (and per rejected line) to stdout instead of tables" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Include the plug-ins' trace lines (and, in tables, each step and activity)" };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Leads per request, 1 to " + MaxBatchSize.ToString("N0", CultureInfo.InvariantCulture) + ": 1 = one Create each; more = CreateMultiple batches",
            DefaultValueFactory = _ => 1,
            HelpName = "N",
            CustomParser = r => OptionValues.Int(r, 1, MaxBatchSize) ?? 1,
        };
        var seedConfig = new Option<string?>("--seed-config") { Description = "JSON with the caller and configuration rows (storefront settings, campaigns, offers, routing rules, nurture sequences)", HelpName = "file" };
        var now = new Option<DateTime?>("--now") { Description = "When the leads arrive, ISO 8601 from 2000-01-01 to 2100-12-31 (default: now); fixes createdon and due dates", HelpName = "iso", CustomParser = OptionValues.Date };
        var discard = new Option<int?>("--discard")
        {
            Description = "Memory stays flat: every N leads (default " + DefaultDiscardWindow.ToString("N0", CultureInfo.InvariantCulture) + ", also without this option) start a fresh in-memory Dataverse, keeping only the oldest lead per e-mail and its enrolment for duplicate matching",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "N",
            CustomParser = r => OptionValues.Int(r, 1, MaxDiscardWindow),
        };
        var keepAll = new Option<bool>("--keep-all") { Description = "Keep every lead, activity and trace in one in-memory Dataverse (memory grows about 90 KB per lead)" };
        var noProgress = new Option<bool>("--no-progress") { Description = "Never show the progress bar (or, without a terminal, the progress line every 10 s)" };
        var allowRejects = new Option<bool>("--allow-rejects") { Description = "Exit 0 even when lines were rejected or plug-in steps failed (the summary still counts them)" };
        var wide = new Option<bool>("--wide") { Description = "Tables show every column, wrapping cells (default: the columns that fit the terminal width)" };

        var command = new Command("simulate", "Run leads through the real plug-ins in the in-memory Dataverse and print each lead as stored, with its nurture enrolment and activities.")
        {
            file, json, verbose, batchSize, seedConfig, now, discard, keepAll, noProgress, allowRejects, wide,
        };
        foreach (var option in input.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            // A fresh in-memory Dataverse can only start between batches: a window smaller than a batch would not be a window.
            if (parse.GetResult(discard) is { Implicit: false } && parse.GetValue(discard) is { } window)
            {
                var conflict = parse.GetValue(keepAll)
                    ? "--discard and --keep-all contradict each other: --keep-all keeps every lead in one in-memory Dataverse"
                    : window < parse.GetValue(batchSize)
                        ? "--discard " + window + " is smaller than --batch-size " + parse.GetValue(batchSize) + ": memory can only be released between batches; use --discard " + parse.GetValue(batchSize) + " or more"
                        : null;
                if (conflict != null)
                {
                    CliErrors.Print(consoles.Error, conflict);
                    return Cli.UsageError;
                }
            }
            var environment = LoadEnvironment(consoles.Error);
            if (environment == null) return Cli.Failure;
            SeedConfiguration? seed = null;
            var seedPath = parse.GetValue(seedConfig);
            if (seedPath != null)
            {
                if (CliErrors.PathProblem(seedPath) is { } seedProblem)
                {
                    CliErrors.Print(consoles.Error, "--seed-config: " + seedProblem);
                    return Cli.Failure;
                }
                try
                {
                    seed = SeedConfiguration.Load(seedPath, environment.Values);
                }
                catch (UnusableInputException e)
                {
                    CliErrors.Print(consoles.Error, CliErrors.OneLine(e.Message));
                    return Cli.Failure;
                }
            }
            var options = new SimulationOptions
            {
                Format = parse.GetValue(format),
                Input = input.Read(parse, message => consoles.Error.MarkupLine("[yellow]warning:[/] " + Markup.Escape(SafeText.ForDisplay(message, 400)))),
                BatchSize = parse.GetValue(batchSize),
                Verbose = parse.GetValue(verbose),
                Now = parse.GetValue(now) ?? DateTime.UtcNow,
                Seed = seed,
                DiscardEvery = parse.GetValue(keepAll) ? null : parse.GetValue(discard) ?? DefaultDiscardWindow,
            };
            var reportPath = parse.GetValue(input.Report);
            var report = reportPath == null ? null : new ReportCollector();
            var exit = Simulate(consoles, environment, parse.GetValue(file)!, options, parse.GetValue(json), allowProgress: !parse.GetValue(noProgress), report: report,
                allowRejects: parse.GetValue(allowRejects), wide: parse.GetValue(wide));
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
            CliErrors.Print(error, "cannot load the solution schema: " + CliErrors.OneLine(e.Message));
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
    /// <returns>0 when every line ran and no plug-in step failed (or <paramref name="allowRejects"/>), else 1.</returns>
    internal static int Simulate(CliConsoles consoles, SimulationEnvironment environment, string path, SimulationOptions options, bool json, bool allowProgress,
        string? displayName = null, ReportCollector? report = null, bool allowRejects = false, bool wide = false)
    {
        var fromStdin = path == "-";
        if (!fromStdin && CliErrors.PathProblem(path) is { } problem)
        {
            CliErrors.Print(consoles.Error, problem);
            return Cli.Failure;
        }
        ISimulationOutput output = json
            ? new JsonLinesOutput(consoles.Out.Profile.Out.Writer, options.Verbose)
            : new TableOutput(consoles.Out, consoles.Error, options.Verbose, wide);
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
                        var task = context.AddTask(Markup.Escape(SafeText.ForDisplay(Path.GetFileName(path))), maxValue: lines);
                        summary = simulator.Run(reader, sink, records => task.Value = records);
                    });
            }
            else if (allowProgress && !errorIsTerminal)
            {
                // In a log (no terminal), a line every 10 s shows the run is alive.
                var log = new ProgressLog(consoles.Error.Profile.Out.Writer, fromStdin ? "stdin" : displayName ?? path);
                summary = simulator.Run(reader, sink, log.Report);
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
            CliErrors.Print(consoles.Error, SafeText.ForDisplay(path) + ": unusable input: " + CliErrors.OneLine(e.Message));
            return Cli.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CliErrors.Print(consoles.Error, "cannot read " + SafeText.ForDisplay(path) + ": " + CliErrors.OneLine(e.Message));
            return Cli.Failure;
        }
        (output as TableOutput)?.Flush();
        consoles.Out.Profile.Out.Writer.Flush();
        report?.EndSource(summary);
        PrintSummary(consoles.Error, fromStdin ? "stdin" : displayName ?? path, summary, options);
        return ExitCode(consoles.Error, summary, allowRejects);
    }

    /// <summary>1 when lines were rejected or plug-in steps failed (a script can tell), unless --allow-rejects; the last stderr line says why.</summary>
    internal static int ExitCode(IAnsiConsole error, SimulationSummary summary, bool allowRejects)
    {
        var failedSteps = summary.FailedStepExecutions + summary.FailedAsyncJobs;
        if (summary.Rejected == 0 && failedSteps == 0) return Cli.Success;
        var counts = summary.Rejected.ToString("N0", CultureInfo.InvariantCulture) + " line(s) rejected, "
            + failedSteps.ToString("N0", CultureInfo.InvariantCulture) + " plug-in step(s) failed";
        if (allowRejects)
        {
            error.Profile.Out.Writer.WriteLine("  " + counts + ": accepted (--allow-rejects)");
            error.Profile.Out.Writer.Flush();
            return Cli.Success;
        }
        error.Profile.Out.Writer.WriteLine("  exit 1: " + counts + " (--allow-rejects accepts them)");
        error.Profile.Out.Writer.Flush();
        return Cli.Failure;
    }

    internal static void PrintSummary(IAnsiConsole error, string source, SimulationSummary s, SimulationOptions options)
    {
        static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
        static string Mb(long bytes) => N(bytes / 1024.0 / 1024.0, "N0") + " MB";
        var rejected = s.Rejected == 0 ? "0 rejected" : "[red]" + s.Rejected + " rejected[/] (line " + string.Join(", ", s.RejectedLines) + (s.Rejected > s.RejectedLines.Count ? ", ..." : string.Empty) + ")";
        error.MarkupLine(Markup.Escape(SafeText.ForDisplay(source)) + " [grey](" + InputFormats.Name(s.Format) + ")[/]: " + N(s.Leads) + " lead(s) simulated, " + rejected
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
        foreach (var gap in s.HarnessGaps) error.MarkupLine("[yellow]  not simulated:[/] " + Markup.Escape(SafeText.ForDisplay(gap)));
        if (s.RegisteredSteps == 0)
            error.MarkupLine("[yellow]  LeadPlugins.Plugins registers no [[PluginStep]] yet: leads are stored as given (not enriched, not enrolled).[/]");
    }

    private static string Breakdown(Dictionary<string, int> byMessage)
        => byMessage.Count == 0 ? string.Empty : " (" + string.Join(", ", byMessage.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Markup.Escape(p.Key) + " " + p.Value.ToString("N0", CultureInfo.InvariantCulture))) + ")";
}
