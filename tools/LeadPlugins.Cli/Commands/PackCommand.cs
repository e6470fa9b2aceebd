using System.CommandLine;
using LeadPlugins.Cli.Output;
using LeadPlugins.Solution;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>`leadplugins pack`: builds LeadPlugins_&lt;version&gt;.zip from pac.config, Solution/src and the built assemblies.</summary>
public sealed class PackCommand : ICliCommand
{
    public Command Build(CliConsoles consoles)
    {
        var console = consoles.Out;
        var output = new Option<string?>("--output", "-o") { Description = "Zip file, or folder for LeadPlugins_<version>.zip (default: pac.config paths.output, i.e. artifacts/)" };
        var managed = new Option<bool>("--managed") { Description = "Mark the solution managed (default: pac.config solution.managed, unmanaged)" };
        var configuration = new Option<string>("--configuration", "-c") { Description = "Build configuration whose net462 assemblies are packed", DefaultValueFactory = _ => "Release" };
        var config = new Option<string?>("--config") { Description = "Path to pac.config (default: found above the current directory)" };
        var assemblies = new Option<string[]>("--assembly") { Description = "Pack these assemblies instead of pac.config paths.assemblies (repeatable)", AllowMultipleArgumentsPerToken = true };
        var format = new Option<FindingFormat>("--format") { Description = "How findings are printed: table, lines or msbuild", DefaultValueFactory = _ => FindingFormat.Table, CustomParser = r => OptionValues.Enum<FindingFormat>(r) ?? FindingFormat.Table };
        var verbose = OptionValues.Verbose();

        var command = new Command("pack", "Build the importable solution zip (validated like `verify` before it is written).")
        {
            output, managed, configuration, config, assemblies, format, verbose,
        };
        command.SetAction(parse =>
        {
            var given = parse.GetValue(assemblies);
            var result = SolutionPacker.Pack(new PackOptions
            {
                ConfigPath = parse.GetValue(config),
                Configuration = parse.GetValue(configuration) ?? "Release",
                Managed = parse.GetResult(managed) != null ? parse.GetValue(managed) : null,
                Output = parse.GetValue(output),
                AssemblyPaths = given is { Length: > 0 } ? given : null,
            });
            FindingPrinter.Print(console, result.Findings, parse.GetValue(format), includeInfo: false);
            if (result.ZipPath != null)
            {
                var steps = result.Solution?.Assemblies.Sum(a => a.Steps.Count()) ?? 0;
                var types = result.Solution?.Assemblies.Sum(a => a.Types.Count) ?? 0;
                console.MarkupLine("[green]Packed[/] " + Markup.Escape(Output.SafeText.ForDisplay(result.ZipPath, 1000)) + " (" + (result.Solution?.Assemblies.Count ?? 0) + " assemblies, " + types + " types, " + steps + " steps)");
            }
            FindingPrinter.Summary(console, result.ZipPath != null ? "pack" : "pack failed", result.Findings);
            return result.HasErrors ? Cli.Failure : Cli.Success;
        });
        return command;
    }
}
