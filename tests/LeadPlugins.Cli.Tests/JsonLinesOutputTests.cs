using LeadPlugins.Cli.Simulation;
using Newtonsoft.Json;

namespace LeadPlugins.Cli.Tests;

/// <summary>--json reuses one JSON writer for the run: each line must equal what a fresh writer per lead gives.</summary>
[TestClass]
public sealed class JsonLinesOutputTests
{
    [TestMethod]
    public void Leads_written_through_one_writer_match_a_fresh_writer_per_lead()
    {
        var leads = new[]
        {
            new SimulatedLead { Input = 1, Name = "Ann \"A\" \u00e9", Email = "ann@example.com", OfferTitle = "Offer", Owner = "Contoso", Notes = new[] { "n1" } },
            new SimulatedLead { Input = 3, Name = null, Email = "b@example.com\u2028", IsMarketplace = true },
            new SimulatedLead { Input = 4 },
        };
        foreach (var verbose in new[] { false, true })
        {
            var output = new StringWriter();
            var json = new JsonLinesOutput(output, verbose);
            json.Lead(leads[0]);
            json.Rejected(2, "bad line");
            json.Lead(leads[1]);
            json.Lead(leads[2]);

            var expected = new StringWriter();
            foreach (var (lead, i) in leads.Select((l, i) => (l, i)))
            {
                if (i == 1) expected.WriteLine("{\"input\":2,\"rejected\":true,\"error\":\"bad line\"}");
                var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                lead.WriteJson(new JsonTextWriter(line) { Formatting = Formatting.None }, verbose);
                expected.WriteLine(line.ToString());
            }
            Assert.AreEqual(expected.ToString(), output.ToString());
            Assert.AreEqual(4, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
    }
}
