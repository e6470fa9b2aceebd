using System.Text;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Schema;

namespace LeadPlugins.Domain.Tests.Enrichment;

[TestClass]
public sealed class RobustnessTests
{
    private static readonly string[] Pieces =
    {
        "AzureMarketplace", "AppSource (SPZA)", "SPZA", "AzurePortal", "TestDrive", "INS", "PLT", "DNC", "Create", "StartTestDrive", "Contact me",
        "-", "|", ".", " ", "\n", "{", "}", "\"", ":", ",", "MSFT_TEST_", "636573304831318844", "Referral ID: ", "8a4f0f43-2b52-4f1c-9e8b-54f7c2f1a111",
        "Qualification", "SalesQualified", "@", "gmail.com", "contoso", "\U0001F600", "\u202e", "\0", "UserDetails", "LeadSource", "ActionCode", "\\u",
    };

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        int parts = random.Next(0, 12);
        for (int i = 0; i < parts; i++) sb.Append(Pieces[random.Next(Pieces.Length)]);
        return sb.ToString();
    }

    [TestMethod]
    public void Random_lead_text_never_throws_and_always_gives_a_consistent_result()
    {
        var random = new Random(7);
        var reference = new EnrichmentReferenceData(EnrichmentSettings.Parse("{\"extraSourceColumns\":[\"x_a\"]}"), null,
            new[] { new OfferEntry("contoso", "contoso", storefront: Storefront.AppSource) }, new[] { new RoutingRule("any", 1, assignUserId: Guid.NewGuid()) });
        var batch = new List<ParsedLead>();
        for (int run = 0; run < 3000; run++)
        {
            var fields = new LeadFields
            {
                Subject = RandomText(random), Description = RandomText(random), LeadSource = RandomText(random), ActionCode = RandomText(random),
                FirstName = RandomText(random), Email = RandomText(random), Country = RandomText(random), JobTitle = RandomText(random),
                ExtraSourceValues = new List<string?> { RandomText(random), null },
            };
            var parsed = MarketplaceLeadParser.Parse(fields, reference.Settings);
            batch.Add(parsed);
            var result = MarketplaceLeadEnricher.Complete(parsed, reference, null);
            Assert.IsNotNull(result.Message);
            Assert.IsTrue(result.Message.Length <= LeadTable.MaxLength.EnrichmentMessage);
            Assert.IsTrue(result.Score is null or >= 0 and <= 100);
            Assert.AreEqual(result.Status == EnrichmentStatus.Partial, result.Problems.Count > 0 && result.Status != EnrichmentStatus.Test);
            Assert.IsTrue(result.CountryCode is null || result.CountryCode.Length == 2);
            _ = result.BuildTrace();
        }
        var results = MarketplaceLeadEnricher.EnrichBatch(batch, reference, new[] { new OpenLead(Guid.NewGuid(), "a@gmail.com", DateTime.UtcNow) });
        Assert.AreEqual(batch.Count, results.Length);
    }
}
