using System.CommandLine;
using System.Text.Json;
using LeadPlugins.Cli.Live;
using LeadPlugins.Solution;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>`leadplugins doctor`: is the solution healthy in this environment? Exit 0 healthy, 1 with findings.</summary>
public sealed class DoctorCommand : ICliCommand
{
    public Command Build(CliConsoles consoles)
    {
        var live = new LiveOptions();
        var days = new Option<int>("--days") { Description = "How many days of leads, jobs and traces to read", DefaultValueFactory = _ => 30, HelpName = "N" };
        days.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--days must be at least 1."); });
        var command = new Command("doctor", "Check an environment: solution and version, steps registered and enabled, the Marketplace Lead Writer, recent leads by enrichment status, enrolments, failed system jobs and plug-in traces. Reads only; exit 1 when something needs doing.")
        {
            days,
        };
        live.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            using var service = live.Connect(parse, consoles.Error);
            if (service == null) return Cli.Failure;
            string solutionName = "LeadPlugins";
            string? localVersion = null;
            try
            {
                var config = PacConfig.Load();
                solutionName = config.Solution.UniqueName;
                localVersion = config.Solution.Version;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or JsonException)
            {
                consoles.Error.WriteLine("pac.config not found: the installed version is not compared with a local one.");
            }
            try
            {
                var checks = await new EnvironmentDoctor(service, solutionName, localVersion, typeof(LeadPlugins.Plugins.EnrichMarketplaceLead).Assembly)
                    .RunAsync(parse.GetValue(days), token);
                if (parse.GetValue(live.Json))
                {
                    var writer = consoles.Out.Profile.Out.Writer;
                    foreach (var check in checks)
                        writer.WriteLine(JsonSerializer.Serialize(new { check = check.Check, healthy = check.Healthy, detail = check.Detail, action = check.Action }));
                    writer.Flush();
                }
                else
                {
                    var table = new Table().AddColumns("check", "", "detail", "what to do");
                    foreach (var check in checks)
                        table.AddRow(Markup.Escape(check.Check), check.Healthy ? "[green]ok[/]" : "[red]finding[/]", Markup.Escape(check.Detail), Markup.Escape(check.Action ?? string.Empty));
                    consoles.Out.Write(table);
                }
                var findings = checks.Count(c => !c.Healthy);
                consoles.Error.WriteLine(findings == 0 ? "healthy" : findings + " finding(s)");
                return findings == 0 ? Cli.Success : Cli.Failure;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return LiveOptions.Fail(consoles.Error, e);
            }
        });
        return command;
    }
}
