using System.CommandLine;
using LeadPlugins.Cli.Output;
using LeadPlugins.Solution;
using Spectre.Console;

namespace LeadPlugins.Cli.Commands;

/// <summary>`leadplugins verify &lt;zip&gt;`: runs every check on any solution zip; exit 1 when one fails.</summary>
public sealed class VerifyCommand : ICliCommand
{
    public Command Build(CliConsoles consoles)
    {
        var console = consoles.Out;
        var zip = new Argument<string?>("zip") { Description = "The solution zip to check", Arity = ArgumentArity.ZeroOrOne };
        var schemas = new Option<string?>("--schemas") { Description = "Folder of Microsoft's Dataverse XSDs; when given, only this one (default: LEADPLUGINS_SCHEMAS, then ../shared/schemas/dataverse)" };
        var references = new Option<string[]>("--reference", "-r") { Description = "Folder holding assemblies the zip's DLLs reference, e.g. Microsoft.Xrm.Sdk.dll (repeatable)", AllowMultipleArgumentsPerToken = true };
        var format = new Option<FindingFormat>("--format") { Description = "How findings are printed: table, lines or msbuild", DefaultValueFactory = _ => FindingFormat.Table, CustomParser = r => OptionValues.Enum<FindingFormat>(r) ?? FindingFormat.Table };
        var info = new Option<bool>("--info") { Description = "Also print informational findings" };
        var rules = new Option<bool>("--rules") { Description = "List every check (rule code and meaning) and exit" };
        var verbose = OptionValues.Verbose();

        var command = new Command("verify", "Check a solution zip: layout, XSDs, solution.xml, root components, plug-in registration against its DLLs.")
        {
            zip, schemas, references, format, info, rules, verbose,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(rules))
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumn("Rule").AddColumn("Checks that there is no ...");
                foreach (var (code, description) in FindingCodes.Descriptions)
                    table.AddRow(new Text(code), new Text(description));
                console.Write(table);
                return Cli.Success;
            }
            var path = parse.GetValue(zip);
            if (string.IsNullOrEmpty(path))
            {
                CliErrors.Print(consoles.Error, "verify needs a zip path (leadplugins verify --help lists the options)");
                return Cli.UsageError;
            }
            if (parse.GetValue(schemas) is { } schemaDirectory && !Directory.Exists(schemaDirectory))
            {
                CliErrors.Print(consoles.Error, "--schemas: no such directory: " + Output.SafeText.ForDisplay(schemaDirectory, 1000) + " (expected the folder holding " + DataverseSchemaLocator.RootSchema + ")");
                return Cli.UsageError;
            }
            var report = SolutionVerifier.Verify(path, new VerifyOptions
            {
                SchemaDirectory = parse.GetValue(schemas),
                ReferenceDirectories = parse.GetValue(references) ?? Array.Empty<string>(),
            });
            FindingPrinter.Print(console, report.Findings, parse.GetValue(format), parse.GetValue(info));
            FindingPrinter.Summary(console, "verify " + path, report.Findings);
            return report.HasErrors ? Cli.Failure : Cli.Success;
        });
        return command;
    }
}
