using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Cli.Sequences;
using LeadPlugins.Schema;

namespace LeadPlugins.Nurture.Tests;

[TestClass]
public sealed class FormatterTests
{
    [TestMethod]
    public void The_printout_of_the_built_ins_reads_back_into_the_same_rows()
    {
        var text = NurtureSequenceFormatter.FormatBuiltIns();
        var parsed = Parse(text);
        var builtIns = BuiltInNurtureSequences.All();

        Assert.AreEqual(builtIns.Count, parsed.Count);
        for (var i = 0; i < builtIns.Count; i++)
        {
            var sequence = builtIns[i];
            var (fields, steps) = parsed[i];
            Assert.AreEqual(sequence.Name, fields[NurtureEnrollmentTable.Columns.Name]);
            Assert.AreEqual($"{Label(sequence.CampaignType)} ({(int)sequence.CampaignType})", fields[LeadTable.Columns.CampaignType]);
            Assert.AreEqual("(empty = any storefront)", fields[LeadTable.Columns.Storefront]);
            Assert.AreEqual(sequence.LeadActions.Count == 0 ? "(empty = any action)"
                : string.Join("; ", sequence.LeadActions.Select(a => $"{NurtureLabels.Of(a)} ({(int)a})")), fields[NurtureSequenceTable.Columns.LeadActions]);
            Assert.AreEqual(sequence.Priority.ToString(), fields[NurtureSequenceTable.Columns.Priority]);
            Assert.AreEqual("Yes", fields[NurtureSequenceTable.Columns.StopOnQualify]);
            Assert.AreEqual("Active (0)", fields["statecode"]);

            Assert.AreEqual(sequence.Steps.Count, steps.Count);
            for (var s = 0; s < steps.Count; s++)
            {
                var step = sequence.Steps[s];
                Assert.AreEqual(step.Name, steps[s][NurtureEnrollmentTable.Columns.Name]);
                Assert.AreEqual(sequence.Name, steps[s][NurtureEnrollmentTable.Columns.SequenceId]);
                Assert.AreEqual(step.Order.ToString(), steps[s][NurtureStepTable.Columns.Order]);
                Assert.AreEqual($"{NurtureLabels.Of(step.ActivityType)} ({(int)step.ActivityType})", steps[s][NurtureStepTable.Columns.ActivityType]);
                Assert.AreEqual(step.OffsetBusinessDays.ToString(), steps[s][NurtureStepTable.Columns.OffsetDays]);
                Assert.AreEqual($"{NurtureLabels.Of(step.Priority)} ({(int)step.Priority})", steps[s][NurtureStepTable.Columns.Priority]);
                Assert.AreEqual(step.SubjectTemplate, steps[s][NurtureStepTable.Columns.SubjectTemplate]);
                Assert.AreEqual(step.DescriptionTemplate, steps[s][NurtureStepTable.Columns.DescriptionTemplate]);
            }
        }
        StringAssert.StartsWith(text, "# Built-in nurture sequences");
        StringAssert.Contains(text, "{firstname}, {companyname}, {offertitle}, {storefront}, {campaigntype}");
    }

    [TestMethod]
    public void A_configured_sequence_prints_its_storefront_id_and_state()
    {
        var id = Guid.Parse("5f0c0a4e-1111-2222-3333-444455556666");
        var sequence = new NurtureSequenceDefinition("Azure trials", CampaignType.DemandGeneration,
            new[] { new NurtureStepDefinition(1, NurtureActivityType.PhoneCall, "Call {firstname}", null, 2) },
            id, Storefront.AzureMarketplace, new[] { LeadAction.TestDrive }, 20, isActive: false, stopOnQualifyOrDisqualify: false);

        var text = NurtureSequenceFormatter.Format(sequence);

        StringAssert.Contains(text, "mpl_storefront          : Azure Marketplace (712540001)");
        StringAssert.Contains(text, "mpl_leadactions         : Test drive (712540004)");
        StringAssert.Contains(text, "mpl_stoponqualify       : No");
        StringAssert.Contains(text, "statecode               : Inactive (1)");
        StringAssert.Contains(text, "mpl_nurturesequenceid   : 5f0c0a4e-1111-2222-3333-444455556666");
        StringAssert.Contains(text, "mpl_name                : Step 1: Phone call");
        StringAssert.Contains(text, "mpl_descriptiontemplate : \n");
    }

    private static string Label(CampaignType type) => NurtureLabels.Of(type);

    // Reads the printout: "== ... ==" starts a sequence, "  [n]" a step, "name : value" a field, "name : |" a block
    // whose lines are indented four more spaces than the field.
    private static List<(Dictionary<string, string> Fields, List<Dictionary<string, string>> Steps)> Parse(string text)
    {
        var result = new List<(Dictionary<string, string>, List<Dictionary<string, string>>)>();
        Dictionary<string, string>? current = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                current = new Dictionary<string, string>();
                result.Add((current, new List<Dictionary<string, string>>()));
                continue;
            }
            if (current == null || line.Length == 0 || line.TrimStart().StartsWith("--", StringComparison.Ordinal)) continue;
            if (line.StartsWith("  [", StringComparison.Ordinal))
            {
                current = new Dictionary<string, string>();
                result[^1].Item2.Add(current);
                continue;
            }
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0) colon = line.LastIndexOf(':');
            var indent = line.Length - line.TrimStart().Length;
            var name = line[..colon].Trim();
            var value = colon + 2 <= line.Length ? line[(colon + 2)..] : string.Empty;
            if (value == "|")
            {
                var block = new List<string>();
                var prefix = new string(' ', indent + 4);
                while (i + 1 < lines.Length && lines[i + 1].StartsWith(prefix, StringComparison.Ordinal))
                    block.Add(lines[++i][prefix.Length..]);
                value = string.Join("\n", block);
            }
            current[name] = value;
        }
        return result;
    }
}
