using LeadPlugins.Cli;
using Spectre.Console;

namespace LeadPlugins.Solution.Tests;

[TestClass]
public sealed class CliTests
{
    /// <summary>Runs the CLI in-process with one console for stdout and stderr (240 columns, no colours).</summary>
    internal static (int Exit, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        var exit = Cli.Cli.Run(args, console);
        return (exit, writer.ToString());
    }

    [TestMethod]
    [DataRow("pack")]
    [DataRow("verify")]
    public void Every_command_has_help(string command)
    {
        var (exit, output) = Run(command, "--help");
        Assert.AreEqual(0, exit);
        StringAssert.Contains(output, "Usage:");
        StringAssert.Contains(output, command);
    }

    [TestMethod]
    public void Pack_then_verify_succeed_and_print_the_zip()
    {
        var output = TestRepo.NewTempDirectory();
        var pack = Run("pack", "--config", TestRepo.ConfigPath, "-c", TestRepo.Configuration, "-o", output, "--assembly", TestRepo.FixtureAssembly);
        Assert.AreEqual(0, pack.Exit, pack.Output);
        var zip = Path.Combine(output, TestRepo.Config.ZipFileName(false));
        StringAssert.Contains(pack.Output, zip);

        var verify = Run("verify", zip);
        Assert.AreEqual(0, verify.Exit, verify.Output);
        StringAssert.Contains(verify.Output, "0 error(s)");
    }

    [TestMethod]
    public void Verify_exits_1_and_lists_each_finding_with_file_line_and_severity()
    {
        var good = TestRepo.Pack();
        var broken = TestRepo.RewriteText(File.ReadAllBytes(good.ZipPath!), "customizations.xml",
            x => x.Replace("<FilteringAttributes>statecode,statuscode</FilteringAttributes>", "<FilteringAttributes></FilteringAttributes>", StringComparison.Ordinal));
        var path = Path.Combine(TestRepo.NewTempDirectory(), "broken.zip");
        File.WriteAllBytes(path, broken);

        var (exit, output) = Run("verify", path, "--format", "Lines");
        Assert.AreEqual(1, exit, output);
        StringAssert.Matches(output, new System.Text.RegularExpressions.Regex(@"error LP0301 customizations\.xml:\d+: "));

        var msbuild = Run("verify", path, "--format", "Msbuild");
        StringAssert.Matches(msbuild.Output, new System.Text.RegularExpressions.Regex(@"customizations\.xml\(\d+\): error LP0301: "));
    }

    [TestMethod]
    public void Verify_lists_its_rules()
    {
        var (exit, output) = Run("verify", "--rules");
        Assert.AreEqual(0, exit);
        foreach (var rule in new[] { FindingCodes.UpdateWithoutFilteringAttributes, FindingCodes.PreImageOnCreate, FindingCodes.CustomizationsSchema })
            StringAssert.Contains(output, rule);
    }

    [TestMethod]
    public void A_missing_zip_is_an_error_not_a_crash()
    {
        var (exit, output) = Run("verify", Path.Combine(TestRepo.NewTempDirectory(), "nope.zip"));
        Assert.AreEqual(1, exit);
        StringAssert.Contains(output, "file not found");
    }
}
