using System.Reflection;
using LeadPlugins.Plugins.Domain.Enrichment;

namespace LeadPlugins.Reliability.Tests;

/// <summary>
/// MarketplacePayload.TryRead scans clean JSON without building a tree and hands anything else to the tolerant reader: on
/// every corpus payload (and on the generator's, see GeneratedInputTests) both paths must give the same payload.
/// </summary>
[TestClass]
public sealed class PayloadScannerTests
{
    private static readonly PropertyInfo ReadByScanner = typeof(MarketplacePayload).GetProperty("ReadByScanner", BindingFlags.NonPublic | BindingFlags.Instance)!;

    [TestMethod]
    public void Every_corpus_payload_reads_the_same_through_the_scanner_and_the_tolerant_reader()
    {
        int scanned = 0;
        var texts = Corpus.PayloadTexts();
        foreach (var text in texts)
        {
            foreach (var limits in new[] { JsonReadLimits.Default, new JsonReadLimits(3, 120, 5) })
            {
                var fast = MarketplacePayload.TryRead(text, limits);
                var tolerant = MarketplacePayload.TryReadWithTolerantReader(text, limits);
                Assert.IsNull(GeneratedInputTests.PayloadDifference(fast, tolerant), LeadInvariants.Escape(text));
                if (fast != null && (bool)ReadByScanner.GetValue(fast)!) scanned++;
            }
        }
        Assert.IsGreaterThanOrEqualTo(10, scanned, "the clean payloads of the corpus take the scanner");
    }

    [TestMethod]
    [DataRow("{\"UserDetails\":{\"FirstName\":\"Ana\",\"LastName\":\" Silva \",\"Email\":\"ana@adatum.com\"},\"LeadSource\":\"AppSource (SPZA)\",\"ActionCode\":\"PLT\",\"OfferTitle\":\"Contoso\",\"Description\":\"  call me  \"}")]
    [DataRow("{\"CustomerInfo\":\"{\\\"FirstName\\\":\\\"Li\\\",\\\"Email\\\":\\\"li@contoso.com\\\"}\",\"LeadSource\":\"AzureMarketplace\",\"ActionCode\":\"INS\"}")]
    [DataRow("{\"Description\":\"{\\\"mktcmpid\\\":\\\"spring\\\"}\",\"LeadSource\":\"AzureMarketplace\",\"Email\":\"x@y.com\"}")]
    [DataRow("{\"FirstName\":\"Flat\",\"Email\":\"flat@contoso.com\",\"Phone\":4255550100,\"Title\":true,\"LeadSource\":\"SPZA\",\"Extra\":[1,{\"a\":null}]}")]
    [DataRow("{\"userdetails\":{\"firstname\":\"caf\\u00e9\",\"EMAIL\":\"A@B.COM\"},\"leadsource\":\"AppSource\",\"actioncode\":\"ins\"}")]
    [DataRow("{\"UserDetails\":null,\"LeadSource\":\"AzureMarketplace\",\"ActionCode\":\"INS\",\"OfferTitle\":\"NotProvidedFromAzureMarketPlace\"}")]
    public void Clean_payloads_are_scanned_and_read_as_the_tolerant_reader_reads_them(string text)
    {
        var fast = MarketplacePayload.TryRead(text);
        var tolerant = MarketplacePayload.TryReadWithTolerantReader(text, JsonReadLimits.Default);

        Assert.IsNotNull(fast);
        Assert.IsTrue((bool)ReadByScanner.GetValue(fast)!, "clean JSON takes the scanner");
        Assert.IsNull(GeneratedInputTests.PayloadDifference(fast, tolerant));
        Assert.IsFalse(fast.IsMalformed);
    }

    [TestMethod]
    [DataRow("{\"Email\":\"a@x.com\",\"email\":\"b@x.com\",\"LeadSource\":\"SPZA\"}")]
    [DataRow("{\"UserDetails\":{\"FirstName\":\"Ana\"},\"CustomerInfo\":{\"FirstName\":\"Eve\"},\"LeadSource\":\"SPZA\"}")]
    [DataRow("{\"LeadSource\":\"SPZA\",\"Phone\":1e5}")]
    [DataRow("{\"LeadSource\":\"SPZA\",\"Title\":TRUE}")]
    [DataRow("{\"LeadSource\":\"SPZA\",}")]
    [DataRow("{\"Lead\\u0053ource\":\"SPZA\"}")]
    public void Anything_the_tolerant_reader_would_note_or_that_is_rare_goes_to_it(string text)
    {
        var fast = MarketplacePayload.TryRead(text);
        var tolerant = MarketplacePayload.TryReadWithTolerantReader(text, JsonReadLimits.Default);

        Assert.IsNotNull(fast);
        Assert.IsFalse((bool)ReadByScanner.GetValue(fast)!);
        Assert.IsNull(GeneratedInputTests.PayloadDifference(fast, tolerant));
    }
}
