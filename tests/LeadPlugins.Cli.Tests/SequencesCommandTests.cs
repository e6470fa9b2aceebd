namespace LeadPlugins.Cli.Tests;

/// <summary>`leadplugins sequences`: the built-in sequences, and one lead's timeline.</summary>
[TestClass]
public sealed class SequencesCommandTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var result = CliRunner.Run(args);
        return (result.Exit, result.Out + result.Error);
    }

    [TestMethod]
    public void Sequences_prints_the_eight_built_in_sequences_exactly_as_the_formatter_does()
    {
        var (exit, output) = Run("sequences");

        Assert.AreEqual(0, exit);
        Assert.AreEqual(LeadPlugins.Cli.Sequences.NurtureSequenceFormatter.FormatBuiltIns(), output, "raw text, no wrapping or markup");
        Assert.AreEqual(8, output.Split('\n').Count(l => l.StartsWith("== mpl_nurturesequence: Built-in ", StringComparison.Ordinal)));
        StringAssert.Contains(output, "mpl_subjecttemplate     : Discovery call: {firstname} at {companyname} asked about {offertitle}");
    }

    [TestMethod]
    public void Sequences_with_campaign_and_action_prints_one_leads_timeline_with_due_dates()
    {
        var (exit, output) = Run("sequences", "--campaign", "DemandGeneration", "--action", "ContactMe", "--created", "2026-03-06T16:30:00Z",
            "--time-zone", "W. Europe Standard Time", "--first-name", "Li", "--company", "Contoso", "--offer", "Contoso SaaS Analytics");

        Assert.AreEqual(0, exit, output);
        var lines = output.Split('\n');
        Assert.AreEqual("Enrolment: Built-in Demand generation: Contact me: Li", lines[0]);
        StringAssert.Contains(lines[1], "steps 6, next due Tue 2026-03-10 17:00");
        StringAssert.Contains(output, "     1    1  Tue 2026-03-10 17:00  Phone call   High      Technical discovery call: Li at Contoso asked about Contoso SaaS Analytics");
        StringAssert.Contains(output, "     6   15  Mon 2026-03-30 17:00  Task         High      Qualify or disqualify: Contoso (Contoso SaaS Analytics)");
        Assert.AreEqual(2, lines.Count(l => l.Contains("E-mail draft", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Sequences_has_help_and_rejects_an_unknown_action()
    {
        var help = Run("sequences", "--help");
        Assert.AreEqual(0, help.Exit);
        StringAssert.Contains(help.Output, "--time-zone");

        var bad = Run("sequences", "--action", "Teleport");
        Assert.AreNotEqual(0, bad.Exit);
    }
}
