using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>
/// The services as the custom workflow activities will call them ("Enrol in nurture sequence", "Stop nurture"): an
/// organization service, a tracing service and options, no plug-in context. No plug-in is registered here.
/// </summary>
[TestClass]
public sealed class ServiceApiTests : PluginFreeTestBase
{
    [TestMethod]
    public void Enrol_reads_the_lead_and_enrols_it_then_a_second_call_returns_the_same_enrolment_without_writing()
    {
        var leadId = PlainService.Create(EnrichedLead(Storefront.AzureMarketplace, LeadAction.Create));
        var enrolment = new NurtureEnrollmentService(PlainService, Tracing, new NurtureOptions(utcNow: () => Now));
        Plain.Counters.Reset();

        var first = enrolment.Enroll(new EntityReference("lead", leadId));

        Assert.AreEqual(NurtureEnrollmentResult.Enrolled, first.Result, Tracing.ToString());
        Assert.AreEqual("Built-in Demand generation: Get it now", first.SequenceName);
        Assert.AreEqual(5, first.ActivitiesCreated);
        Assert.AreEqual(new EntityReference(NurtureEnrollmentTable.LogicalName, NurtureRecordIds.Enrollment(leadId)), first.Enrollment);
        Assert.AreEqual(1, Plain.Counters["Retrieve"], "the lead, with explicit columns");
        Assert.AreEqual(2, Plain.Counters["RetrieveMultiple"], "existing enrolment check + sequences");
        Assert.AreEqual(6, Plain.Counters["Create"]);

        Plain.Counters.Reset();
        var second = enrolment.Enroll(new EntityReference("lead", leadId));

        Assert.AreEqual(NurtureEnrollmentResult.AlreadyEnrolled, second.Result);
        Assert.AreEqual(first.Enrollment, second.Enrollment);
        StringAssert.Contains(second.Reason, "(Active)");
        Assert.AreEqual(0, Plain.Counters["Create"], "no write, so no duplicate-key fault inside a real-time workflow's transaction");
        Assert.HasCount(5, new[] { "task", "phonecall", "email" }.SelectMany(Plain.Query).ToList());
    }

    [TestMethod]
    public void Enrol_with_a_requested_sequence_uses_it()
    {
        Dataverse = Plain; // SeedSequence seeds into Dataverse
        var requested = SeedSequence("Partner launch", CampaignType.DemandGeneration, priority: 0,
            steps: new[] { (1, NurtureActivityType.PhoneCall, 2, "Launch call with {companyname}") });
        SeedSequence("Default demand generation", CampaignType.DemandGeneration, priority: 100);
        var leadId = PlainService.Create(EnrichedLead(Storefront.AzureMarketplace, LeadAction.ContactMe));

        var outcome = new NurtureEnrollmentService(PlainService, Tracing)
            .Enroll(new EntityReference("lead", leadId), new EntityReference(NurtureSequenceTable.LogicalName, requested));

        Assert.AreEqual(NurtureEnrollmentResult.Enrolled, outcome.Result);
        Assert.AreEqual("Partner launch", outcome.SequenceName);
        Assert.AreEqual("Launch call with Contoso", Plain.Query("phonecall").Single().GetAttributeValue<string>("subject"));
        StringAssert.Contains(Tracing.ToString(), "requested by the caller");
    }

    [TestMethod]
    public void Enrol_batch_outcomes_come_back_in_the_order_of_the_leads()
    {
        var marketplace = PlainService.Create(EnrichedLead());
        var other = PlainService.Create(new Entity("lead") { ["lastname"] = "Walk-in" });
        var test = PlainService.Create(EnrichedLead(more: l => l[LeadTable.Columns.IsTestLead] = true));
        var columns = new Microsoft.Xrm.Sdk.Query.ColumnSet(NurtureEnrollmentService.LeadColumns);
        var rows = new[] { marketplace, other, test }.Select(id => PlainService.Retrieve("lead", id, columns)).ToList();

        var outcomes = new NurtureEnrollmentService(PlainService, Tracing).EnrollLeads(rows);

        CollectionAssert.AreEqual(new[] { marketplace, other, test }, outcomes.Select(o => o.LeadId).ToArray());
        CollectionAssert.AreEqual(new[] { NurtureEnrollmentResult.Enrolled, NurtureEnrollmentResult.NotApplicable, NurtureEnrollmentResult.Skipped },
            outcomes.Select(o => o.Result).ToArray());
        Assert.IsNull(outcomes[1].Enrollment);
    }

    [TestMethod]
    public void Record_ids_are_RFC_4122_version_5_uuids()
    {
        // Source: RFC 4122 §4.3 with its DNS namespace; the expected value is Python's uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com").
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.AreEqual(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NurtureRecordIds.Create(dns, "www.example.com"));
    }

    [TestMethod]
    public void The_record_id_digest_is_the_frameworks_SHA1_for_every_length()
    {
        // Source: FIPS 180-4 (padding to 64-byte blocks): lengths 0 to 200 cross one, two and four block boundaries.
        var random = new Random(20261206);
        for (var length = 0; length <= 200; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
#pragma warning disable CA5350 // the reference digest of an identifier, not security
            var expected = System.Security.Cryptography.SHA1.HashData(data);
#pragma warning restore CA5350
            CollectionAssert.AreEqual(expected, LeadPlugins.Plugins.Services.Nurture.Sha1Digest.Compute(data), "length " + length);
        }
    }

    [TestMethod]
    public void A_trace_date_written_in_place_reads_as_the_formatted_one()
    {
        // Source: the format the enrolment line used before ("{0:yyyy-MM-dd HH:mm} UTC", invariant culture), at the
        // calendar's ends, a year below 1000 and each kind of date (local and unspecified dates are read as UTC first).
        var dates = new[]
        {
            DateTime.MinValue, DateTime.MaxValue, new DateTime(987, 6, 5, 4, 3, 2, DateTimeKind.Utc), new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 3, 29, 23, 59, 59, DateTimeKind.Unspecified), new DateTime(2026, 7, 14, 12, 30, 0, DateTimeKind.Local),
        };
        foreach (var date in dates)
        {
            var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm} UTC", LeadPlugins.Plugins.Services.DataverseValues.Utc(date));
            Assert.AreEqual(expected, LeadPlugins.Plugins.Services.DataverseValues.AppendTraceDate(new System.Text.StringBuilder(), date).ToString(), date.ToString("O"));
        }
        Assert.AreEqual("(none)", LeadPlugins.Plugins.Services.DataverseValues.AppendTraceDate(new System.Text.StringBuilder(), null).ToString());
    }

    [TestMethod]
    public void Record_ids_are_name_based_and_stable()
    {
        var lead = new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

        Assert.AreEqual(NurtureRecordIds.Enrollment(lead), NurtureRecordIds.Enrollment(lead));
        Assert.AreNotEqual(NurtureRecordIds.Activity(lead, 1), NurtureRecordIds.Activity(lead, 2));
        Assert.AreNotEqual(NurtureRecordIds.Enrollment(lead), NurtureRecordIds.Activity(lead, 0));
        Assert.AreEqual(5, NurtureRecordIds.Enrollment(lead).ToByteArray()[7] >> 4, "RFC 4122 version 5");
        // RFC 4122 appendix B style check: the DNS namespace and "www.example.com" give this well-known version-5 id.
        Assert.AreEqual(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"),
            NurtureRecordIds.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));
        // Ids already written must never change (a retry would create copies). Expected values: Python's uuid.uuid5.
        Assert.AreEqual(new Guid("6fac8c3e-7cb6-5d9f-8fd3-4e17eb076a6e"), NurtureRecordIds.Enrollment(lead));
        Assert.AreEqual(new Guid("2f60a466-61d7-5320-94a8-ae608e7b02d1"), NurtureRecordIds.Activity(lead, 2));
        Assert.AreEqual(new Guid("a993eead-c095-5eb8-bd9e-73e1b47d817e"), NurtureRecordIds.Create(NurtureRecordIds.Namespace, "café ☕ " + new string('x', 120)),
            "multi-byte UTF-8 over three blocks");
    }
}
