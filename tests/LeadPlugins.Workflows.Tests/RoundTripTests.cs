using LeadPlugins.Plugins.Domain;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Workflows.Tests;

/// <summary>The service calls each activity makes (README: workflows, round trips), counted by the in-memory Dataverse.</summary>
[TestClass]
public sealed class RoundTripTests : WorkflowServiceTestBase
{
    private string Calls()
    {
        var byMessage = Dataverse.Counters.ByMessage.Where(p => p.Value > 0).OrderBy(p => p.Key, StringComparer.Ordinal);
        return string.Join(", ", byMessage.Select(p => p.Key + " " + p.Value));
    }

    [TestMethod]
    public void Score_reads_the_lead_and_the_four_enrichment_lookups()
    {
        var leadId = CreateWriterLead();
        Dataverse.Counters.Reset();

        Leads.Score(LeadRef(leadId));

        Assert.AreEqual("Retrieve 1, RetrieveMultiple 4", Calls());
    }

    [TestMethod]
    public void Route_with_assign_now_adds_one_Update()
    {
        AddRoutingRule("Everything", 1, AddUser("Seller"));
        var leadId = CreateWriterLead();
        Dataverse.Counters.Reset();

        Leads.Route(LeadRef(leadId), assignNow: true);

        Assert.AreEqual("Retrieve 1, RetrieveMultiple 4, Update 1", Calls());
    }

    [TestMethod]
    public void Enrol_first_and_second_time()
    {
        var leadId = CreateEnrichedLead();
        Dataverse.Counters.Reset();
        Leads.Enroll(LeadRef(leadId), null);
        // lead check + the service's lead read; existing-enrolment query + sequences; enrolment + 6 activities.
        Assert.AreEqual("Create 7, Retrieve 2, RetrieveMultiple 2", Calls());

        Dataverse.Counters.Reset();
        Leads.Enroll(LeadRef(leadId), null);
        // lead check + lead read + existing enrolment's step count; existing-enrolment query.
        Assert.AreEqual("Retrieve 3, RetrieveMultiple 1", Calls());
    }

    [TestMethod]
    public void Enrol_with_a_requested_sequence_checks_it_with_one_more_query()
    {
        var sequence = SeedSequence("Partner launch", CampaignType.Nurture, true, (1, NurtureActivityType.Task, 0, "Task"));
        var leadId = CreateEnrichedLead();
        Dataverse.Counters.Reset();

        Leads.Enroll(LeadRef(leadId), new EntityReference(NurtureSequenceTable.LogicalName, sequence));

        Assert.AreEqual("Create 2, Retrieve 2, RetrieveMultiple 3", Calls());
    }

    [TestMethod]
    public void Stop_with_six_open_activities()
    {
        var leadId = CreateEnrichedLead();
        Leads.Enroll(LeadRef(leadId), null);
        Dataverse.Counters.Reset();

        Leads.Stop(LeadRef(leadId), "Paused");

        // lead check; active enrolment + open tasks, phone calls, e-mails; 6 activities + the enrolment.
        Assert.AreEqual("Retrieve 1, RetrieveMultiple 4, Update 7", Calls());
    }
}
