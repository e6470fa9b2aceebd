using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Enrichment;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Enrichment.Tests;

/// <summary>
/// <see cref="EnrichmentOutcomeBuilder"/> on its own: a parsed lead plus the batch's lookups and failed reads become the
/// status, message, column changes and summary line enrichment writes; no I/O.
/// </summary>
[TestClass]
public sealed class EnrichmentOutcomeBuilderTests
{
    private const string AppSourceSubject = "AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator";
    private static readonly DateTime Now = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    [TestMethod]
    public void A_lead_with_every_lookup_read_is_enriched_and_stamped_with_the_batch_time()
    {
        var leads = Leads(WriterRow(AppSourceSubject));
        var builder = Builder(leads, new ReadFailures());

        builder.Complete(0, Parse(leads[0]), EnrichmentReferenceData.Default, null);

        var outcome = builder.All()[0];
        Assert.AreEqual(EnrichmentStatus.Enriched, outcome.Status, outcome.Message);
        Assert.AreEqual(Now, outcome.Changes.GetAttributeValue<DateTime>(LeadTable.Columns.EnrichedOn));
        Assert.AreEqual(outcome.Message, outcome.Changes.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage));
        StringAssert.StartsWith(outcome.Summary, "#0 " + leads[0].Id.ToString("D") + ": Enriched | AppSource/");
    }

    [TestMethod]
    public void Unreadable_routing_rules_make_the_lead_partial_say_so_and_leave_the_owner_alone()
    {
        var leads = Leads(WriterRow(AppSourceSubject));
        var failures = new ReadFailures { RoutingRules = "OrganizationServiceFault -2147220960: denied" };
        var builder = Builder(leads, failures);
        var everyoneToTeam = new RoutingRule("All", 1, assignTeamId: Guid.NewGuid());

        builder.Complete(0, Parse(leads[0]), new EnrichmentReferenceData(null, null, null, new[] { everyoneToTeam }), null);

        var outcome = builder.All()[0];
        Assert.AreEqual(EnrichmentStatus.Partial, outcome.Status);
        StringAssert.Contains(outcome.Message, "Defaults used: routing rules could not be read (OrganizationServiceFault -2147220960: denied): owner left unchanged.");
        Assert.IsFalse(outcome.Changes.Contains(LeadTable.Columns.OwnerId), "no owner is written without the rules");
        StringAssert.Contains(outcome.Summary, "owner unchanged (rules unreadable)");
    }

    [TestMethod]
    public void A_duplicate_of_an_earlier_batch_lead_without_an_id_is_not_linked_and_the_message_says_why()
    {
        var first = WriterRow(AppSourceSubject);
        first.Id = Guid.Empty;
        var leads = Leads(first, WriterRow(AppSourceSubject));
        var builder = Builder(leads, new ReadFailures());

        builder.Complete(1, Parse(leads[1]), EnrichmentReferenceData.Default, new DuplicateMatch(null, 0, null, false));

        var outcome = builder.All()[1];
        Assert.AreEqual(EnrichmentStatus.Partial, outcome.Status);
        StringAssert.Contains(outcome.Message, "duplicate of batch lead #0 not linked (that lead has no id yet)");
        Assert.IsNull(outcome.DuplicateOf);
    }

    [TestMethod]
    public void After_a_defect_every_unfinished_lead_fails_and_a_missing_entity_is_reported_as_such()
    {
        var leads = new List<Entity> { WriterRow(AppSourceSubject), null!, WriterRow(AppSourceSubject) };
        var builder = Builder(leads, new ReadFailures());
        builder.Complete(0, Parse(leads[0]), EnrichmentReferenceData.Default, null);

        builder.FailUnfinished(new InvalidOperationException("boom"));

        var outcomes = builder.All();
        Assert.AreEqual(EnrichmentStatus.Enriched, outcomes[0].Status, "a finished lead keeps its outcome");
        Assert.AreEqual("no entity", outcomes[1].Error);
        Assert.AreEqual(EnrichmentStatus.Failed, outcomes[2].Status);
        Assert.AreEqual("Enrichment failed: InvalidOperationException: boom. The lead was saved without enrichment.", outcomes[2].Message);
        Assert.AreEqual((int)EnrichmentStatus.Failed, outcomes[2].Changes.GetAttributeValue<OptionSetValue>(LeadTable.Columns.EnrichmentStatus).Value);
    }

    private static EnrichmentOutcomeBuilder Builder(IList<Entity> leads, ReadFailures failures)
        => new(leads, EnrichmentSettings.Default, failures, new LeadEnrichmentOptions { NowUtc = Now });

    private static List<Entity> Leads(params Entity[] rows) => rows.ToList();

    private static ParsedLead Parse(Entity lead)
        => MarketplaceLeadParser.Parse(new LeadFields
        {
            LeadId = lead.Id == Guid.Empty ? null : lead.Id,
            Subject = lead.GetAttributeValue<string>("subject"),
            FirstName = "Grace",
            LastName = "Hopper",
            Email = lead.GetAttributeValue<string>("emailaddress1"),
            CompanyName = "Tailspin Toys",
            Country = "US",
        }, EnrichmentSettings.Default);

    private static Entity WriterRow(string subject) => new("lead", Guid.NewGuid())
    {
        ["subject"] = subject,
        ["firstname"] = "Grace",
        ["lastname"] = "Hopper",
        ["emailaddress1"] = "grace.hopper@tailspintoys.com",
        ["companyname"] = "Tailspin Toys",
        ["address1_country"] = "US",
    };
}
