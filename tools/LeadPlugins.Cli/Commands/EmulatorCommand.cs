using System.CommandLine;
using System.Globalization;
using LeadPlugins.Cli.Simulation;
using LeadPlugins.Emulator;
using LeadPlugins.InMemory;
using Microsoft.Xrm.Sdk;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>`leadplugins emulator`: the in-memory Dataverse over the Web API on 127.0.0.1, for the live commands' tests and demos.</summary>
public sealed class EmulatorCommand : ICliCommand
{
    public Command Build(CliConsoles consoles)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = any free one)", DefaultValueFactory = _ => 5555, HelpName = "N" };
        var seed = new Option<string?>("--seed") { Description = "Lead rows to load as they were before the solution (any simulate input format; no plug-in runs)", HelpName = "file" };
        var install = new Option<string?>("--install") { Description = "Solution zip: its steps are registered by plug-in type name, so leads created over HTTP are enriched", HelpName = "zip" };
        var throttle = new Option<int?>("--throttle") { Description = "Answer 429 with Retry-After beyond N requests per 5 s", HelpName = "N" };
        var failRate = new Option<double>("--fail-rate") { Description = "Fraction of requests answered 503 or dropped (0 to 1)", DefaultValueFactory = _ => 0, HelpName = "P" };
        failRate.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 1) r.AddError("--fail-rate must be between 0 and 1."); });
        var writer = new Option<bool>("--writer") { Description = "Show the Microsoft Marketplace Lead Writer solution as installed" };
        var command = new Command("emulator", "Serve the in-memory Dataverse over the Dataverse Web API v9.2 on 127.0.0.1 (never another address) until Ctrl+C.")
        {
            port, seed, install, throttle, failRate, writer,
        };
        command.SetAction(async (parse, token) =>
        {
            var environment = SimulateCommand.LoadEnvironment(consoles.Error);
            if (environment == null) return Cli.Failure;
            var dataverse = new InMemoryDataverse(new InMemoryDataverseOptions { SchemaSource = environment.SchemaSource });
            var emulator = new DataverseEmulator(dataverse, new EmulatorOptions
            {
                Port = parse.GetValue(port),
                ThrottleRequests = parse.GetValue(throttle),
                FailRate = parse.GetValue(failRate),
            });
            try
            {
                if (parse.GetValue(seed) is string seedPath)
                {
                    var loaded = Seed(dataverse, environment, seedPath, consoles.Error);
                    if (loaded < 0) return Cli.Failure;
                    consoles.Error.WriteLine("seeded " + loaded.ToString("N0", CultureInfo.InvariantCulture) + " lead(s) from " + seedPath);
                }
                if (parse.GetValue(install) is string zip)
                {
                    if (!File.Exists(zip))
                    {
                        consoles.Error.MarkupLine("[red]solution zip not found:[/] " + Markup.Escape(zip));
                        return Cli.Failure;
                    }
                    foreach (var problem in emulator.Install(zip, typeof(LeadPlugins.Plugins.EnrichMarketplaceLead).Assembly))
                        consoles.Error.MarkupLine("[yellow]install:[/] " + Markup.Escape(problem));
                    consoles.Error.WriteLine("installed " + zip + ": " + dataverse.Steps.Count + " step(s) registered");
                }
                if (parse.GetValue(writer)) emulator.AddSolution("MicrosoftMarketplacesLeadIntegration", "1.0.0.0", "Microsoft Marketplace Lead Writer");
                await emulator.StartAsync(token);
                consoles.Out.WriteLine("Dataverse Web API emulator on " + emulator.Url + "api/data/v9.2/ (Ctrl+C stops it)");
                consoles.Out.WriteLine("try: leadplugins doctor --url " + emulator.Url);
                consoles.Out.Profile.Out.Writer.Flush();
                // Ctrl+C reaches the host's console lifetime (which stops it) or the command's token, whichever listens first.
                await Task.WhenAny(Task.Delay(Timeout.Infinite, token), emulator.WaitForShutdownAsync(CancellationToken.None));
                consoles.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"served {emulator.Requests:N0} request(s), {emulator.Throttled:N0} throttled, {emulator.Failed:N0} failed on purpose"));
                return Cli.Success;
            }
            catch (IOException e)
            {
                consoles.Error.MarkupLine("[red]cannot start the emulator:[/] " + Markup.Escape(e.Message));
                return Cli.Failure;
            }
            finally
            {
                await emulator.DisposeAsync();
            }
        });
        return command;
    }

    /// <summary>Loads lead rows with simulate's readers, as stored before the solution: no pipeline. Returns -1 after a message.</summary>
    internal static int Seed(InMemoryDataverse dataverse, SimulationEnvironment environment, string path, IAnsiConsole error)
    {
        if (!File.Exists(path))
        {
            error.MarkupLine("[red]seed file not found:[/] " + Markup.Escape(path));
            return -1;
        }
        var leads = new List<Entity>();
        using var reader = new StreamReader(path);
        foreach (var record in new LeadInput(environment.Values).Read(reader, InputFormat.Auto))
        {
            if (record.Lead != null) leads.Add(record.Lead);
            else error.MarkupLine("[yellow]seed line " + record.Line + ":[/] " + Markup.Escape(record.Error ?? "unreadable"));
        }
        dataverse.Seed(leads.ToArray());
        return leads.Count;
    }
}
