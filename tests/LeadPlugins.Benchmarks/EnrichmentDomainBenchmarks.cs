using BenchmarkDotNet.Attributes;
using LeadPlugins.Plugins.Domain.Enrichment;

namespace LeadPlugins.Benchmarks;

/// <summary>
/// In-process cost of parse + classify + score (+ route) for one lead, no service calls: the work the
/// synchronous enrichment step adds to every lead save. Budget: under 5 microseconds and 2 KB per lead.
/// </summary>
[MemoryDiagnoser]
public class EnrichmentDomainBenchmarks
{
    private readonly EnrichmentReferenceData _reference = new(EnrichmentSettings.Default,
        storefrontSettings: null, offers: null,
        routingRules: new[]
        {
            new RoutingRule("Azure US", 10, storefront: LeadPlugins.Schema.Storefront.AzureMarketplace,
                countryCodes: "US,CA", assignUserId: Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")),
        });

    private readonly LeadFields _combinedSource = new()
    {
        Subject = "AzureMarketplace-INS|bitnami.openedxcypress",
        FirstName = "Grace", LastName = "Hopper", Email = "grace.hopper@tailspintoys.com",
        Phone = "12065550100", CompanyName = "Tailspin Toys", JobTitle = "Chief Technology Officer", Country = "US",
    };

    private readonly LeadFields _separateFields = new()
    {
        LeadSource = "AppSource (SPZA)", ActionCode = "PLT", Subject = "Contoso Field Service Accelerator",
        FirstName = "Sofia", LastName = "Rossi", Email = "sofia.rossi@fabrikam.it", CompanyName = "Fabrikam Italia",
        JobTitle = "Operations Director", Country = "Italy",
    };

    private readonly LeadFields _jsonPayload = new()
    {
        Subject = "Contoso Field Service Accelerator",
        Description = "{\"UserDetails\":{\"FirstName\":\"Mette\",\"LastName\":\"Jensen\",\"Email\":\"mette.jensen@fabrikam.dk\",\"Phone\":\"\",\"Country\":\"DK\",\"Company\":\"Fabrikam A/S\",\"Title\":\"Head of Sales Operations\"},\"LeadSource\":\"AppSource (SPZA)\",\"ActionCode\":\"PLT\",\"OfferTitle\":\"Contoso Field Service Accelerator\",\"Description\":\"Please call after 14:00 CET.\"}",
    };

    private readonly LeadFields _notMarketplace = new()
    {
        Subject = "Website enquiry: pricing", FirstName = "Jon", LastName = "Doe", Email = "jon@example.org", Country = "US",
    };

    [Benchmark(Baseline = true)]
    public EnrichmentResult Combined_source_lead() => MarketplaceLeadEnricher.Enrich(_combinedSource, _reference);

    [Benchmark]
    public EnrichmentResult Separate_fields_lead() => MarketplaceLeadEnricher.Enrich(_separateFields, _reference);

    [Benchmark]
    public EnrichmentResult Json_payload_lead() => MarketplaceLeadEnricher.Enrich(_jsonPayload, _reference);

    [Benchmark]
    public EnrichmentResult Not_marketplace_lead() => MarketplaceLeadEnricher.Enrich(_notMarketplace, _reference);
}
