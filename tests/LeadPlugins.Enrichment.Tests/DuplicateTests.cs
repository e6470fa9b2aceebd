using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Services.Enrichment;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Enrichment.Tests;

/// <summary>Duplicate pairing through the real plug-in: open leads in Dataverse and leads of the same CreateMultiple batch.</summary>
[TestClass]
public sealed class DuplicateTests : EnrichmentTestBase
{
    private Guid SeedLead(string email, DateTime createdOn, LeadAction? action = null, bool closed = false)
    {
        var lead = new Entity("lead", Guid.NewGuid()) { ["lastname"] = "Existing", ["emailaddress1"] = email, ["createdon"] = createdOn };
        if (action.HasValue) lead[LeadTable.Columns.LeadAction] = Choice(action.Value);
        if (closed) lead["statecode"] = new OptionSetValue(1);
        Dataverse.Seed(lead);
        return lead.Id;
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void A_new_lead_points_to_the_oldest_open_lead_with_its_e_mail_and_earns_the_repeat_bonus(Registration registration)
    {
        Start(registration);
        SeedLead("grace.hopper@tailspintoys.com", T0.AddDays(-90), LeadAction.ContactMe, closed: true);   // oldest, but qualified
        var oldestOpen = SeedLead("grace.hopper@tailspintoys.com", T0.AddDays(-5), LeadAction.ContactMe);
        SeedLead("Grace.Hopper@TailspinToys.com", T0.AddDays(-1), LeadAction.GetItNow);
        SeedLead("someone.else@tailspintoys.com", T0.AddDays(-9), LeadAction.ContactMe);

        var rows = Save(
            WriterLead("AzureMarketplace-INS|bitnami.openedxcypress", email: "  GRACE.HOPPER@tailspintoys.com "),
            WriterLead("AzureMarketplace-INS|bitnami.openedxcypress", email: "new.customer@tailspintoys.com"));

        var duplicate = rows[0];
        Assert.AreEqual(oldestOpen, duplicate.GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf).Id);
        // 78 for this lead on its own (Get it now 40, Azure 5, business 10, phone 5, company 5, manager 8, country 5) + 15 repeat.
        Assert.AreEqual(93, duplicate.GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        StringAssert.Contains(duplicate.GetAttributeValue<string>(LeadTable.Columns.ScoreReason), "Repeat engagement (was Contact me) +15");
        StringAssert.Contains(Message(duplicate), "Duplicate of an earlier lead (repeat engagement).");
        Assert.AreEqual("GRACE.HOPPER@tailspintoys.com", duplicate.GetAttributeValue<string>("emailaddress1"), "trimmed, never lower-cased in place");
        AssertStatus(EnrichmentStatus.Enriched, duplicate);

        Assert.IsFalse(rows[1].Contains(LeadTable.Columns.DuplicateOf));
        Assert.AreEqual(78, rows[1].GetAttributeValue<int>(LeadTable.Columns.LeadScore));
        Assert.AreEqual(4 + 2, Dataverse.Query("lead").Count, "never merged or deleted");
    }

    [TestMethod]
    [DataRow(Registration.Create)]
    [DataRow(Registration.CreateMultiple)]
    public void No_bonus_when_the_customer_did_not_move_forward_and_closed_leads_are_ignored(Registration registration)
    {
        Start(registration);
        var earlier = SeedLead("mette.jensen@fabrikam.dk", T0.AddDays(-3), LeadAction.GetItNow);
        SeedLead("only.closed@fabrikam.dk", T0.AddDays(-3), LeadAction.ContactMe, closed: true);

        var rows = Save(
            WriterLead("AppSource (SPZA)-PLT|contoso.crm-app", email: "mette.jensen@fabrikam.dk"),
            WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "only.closed@fabrikam.dk"));

        Assert.AreEqual(earlier, rows[0].GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf).Id);
        Assert.AreEqual(68, rows[0].GetAttributeValue<int>(LeadTable.Columns.LeadScore), "Contact me after Get it now is no repeat engagement");
        StringAssert.Contains(Message(rows[0]), "Duplicate of an earlier lead.");
        Assert.IsFalse(rows[1].Contains(LeadTable.Columns.DuplicateOf), "closed leads are not duplicates");
    }

    [TestMethod]
    public void Leads_of_one_CreateMultiple_batch_pair_with_the_first_of_their_address_once()
    {
        Start(Registration.CreateMultiple);
        var open = SeedLead("known@contoso.com", T0.AddDays(-2), LeadAction.ContactMe);

        var ids = CreateLeads(
            WriterLead("AppSource (SPZA)-PLT|contoso.crm-app", email: "ana.silva@adatum.com.br"),
            WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "Ana.Silva@adatum.com.br"),
            WriterLead("AzureMarketplace-StartTestDrive|contoso.vm", email: "ana.silva@adatum.com.br"),
            WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "known@contoso.com"),
            WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "known@contoso.com"),
            WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "not-an-address"),
            WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "not-an-address"));
        var rows = ids.Select(Stored).ToArray();

        Assert.IsFalse(rows[0].Contains(LeadTable.Columns.DuplicateOf), "the first of an address is nobody's duplicate");
        Assert.AreEqual(ids[0], rows[1].GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf).Id, "the Target's id from PreOperation");
        Assert.AreEqual(ids[0], rows[2].GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf).Id, "one pair each, always to the first");
        StringAssert.Contains(rows[1].GetAttributeValue<string>(LeadTable.Columns.ScoreReason), "Repeat engagement (was Contact me) +15");
        StringAssert.Contains(rows[2].GetAttributeValue<string>(LeadTable.Columns.ScoreReason), "Repeat engagement (was Contact me) +15");
        Assert.AreEqual(open, rows[3].GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf).Id, "an open lead beats an earlier batch lead");
        Assert.AreEqual(open, rows[4].GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf).Id);
        Assert.IsFalse(rows[5].Contains(LeadTable.Columns.DuplicateOf) || rows[6].Contains(LeadTable.Columns.DuplicateOf), "invalid e-mails are never matched");
        Assert.AreEqual((int)EmailStatus.Invalid, Option(rows[5], LeadTable.Columns.EmailStatus));
        Assert.AreEqual(1, EnrichmentExecutions.Count);
        // Settings, offers, routing rules and open leads: one query each for the whole batch.
        Assert.AreEqual(4, EnrichmentExecutions[0].ServiceCallsByMessage["RetrieveMultiple"]);
    }

    [TestMethod]
    public void With_the_shipped_Create_registration_a_CreateMultiple_batch_is_enriched_lead_by_lead_without_same_batch_pairs()
    {
        // Each execution sees one Target, so earlier leads of the batch are invisible to it (here: not yet inserted). Bulk
        // imports that need same-batch pairing register the CreateMultiple step instead (README).
        Start(Registration.Create);
        var ids = CreateLeads(Registration.CreateMultiple,
            WriterLead("AppSource (SPZA)-PLT|contoso.crm-app", email: "ana.silva@adatum.com.br"),
            WriterLead("AppSource (SPZA)-INS|contoso.crm-app", email: "ana.silva@adatum.com.br"));
        var rows = ids.Select(Stored).ToArray();

        Assert.AreEqual(2, EnrichmentExecutions.Count);
        Assert.IsTrue(EnrichmentExecutions.All(e => e.MessageName == "Create"));
        Assert.IsTrue(rows.All(r => Status(r) == EnrichmentStatus.Enriched));
        Assert.IsFalse(rows[1].Contains(LeadTable.Columns.DuplicateOf));
    }
}

/// <summary>Re-evaluating stored leads (what the Score and Route workflow activities do) through the same service.</summary>
[TestClass]
public sealed class StoredLeadDuplicateTests : EnrichmentTestBase
{
    [TestMethod]
    public void A_stored_lead_is_never_paired_with_a_newer_lead_but_the_newer_one_points_back_to_it()
    {
        var dataverse = NewDataverse();
        Entity StoredLead(DateTime createdOn, string subject) => new("lead", Guid.NewGuid())
        {
            ["subject"] = subject, ["lastname"] = "Hopper", ["emailaddress1"] = "grace.hopper@tailspintoys.com", ["createdon"] = createdOn,
        };
        var older = StoredLead(T0.AddDays(-10), "AppSource (SPZA)-PLT|contoso.crm-app");
        older[LeadTable.Columns.LeadAction] = Choice(LeadAction.ContactMe); // as enrichment stored it
        var newer = StoredLead(T0.AddDays(-1), "AppSource (SPZA)-INS|contoso.crm-app");
        dataverse.Seed(older, newer);
        var service = new LeadEnrichmentService(dataverse.GetOrganizationService(), new TraceRecorder(), null);
        Entity Read(Guid id) => dataverse.GetOrganizationService().Retrieve("lead", id, new Microsoft.Xrm.Sdk.Query.ColumnSet(service.InputColumns.ToArray()));

        var olderOutcome = service.Evaluate(new List<Entity> { Read(older.Id) }, new LeadEnrichmentOptions { NowUtc = T0 }).Leads[0];
        var newerOutcome = service.Evaluate(new List<Entity> { Read(newer.Id) }, new LeadEnrichmentOptions { NowUtc = T0 }).Leads[0];

        Assert.IsNull(olderOutcome.DuplicateOf, "the older lead is the original, not a duplicate of the newer one");
        Assert.IsFalse((olderOutcome.Result?.ScoreReason ?? "").Contains("Repeat engagement", StringComparison.Ordinal));
        Assert.AreEqual(older.Id, newerOutcome.DuplicateOf?.Id);
        StringAssert.Contains(newerOutcome.Result?.ScoreReason, "Repeat engagement (was Contact me) +15");
    }
}
