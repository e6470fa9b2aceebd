using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>Which sequence a lead gets: offer override, configured rows (priority, filters, active), else built-in.</summary>
[TestClass]
public sealed class SequenceSelectionTests : NurtureTestBase
{
    [TestMethod]
    public void The_highest_priority_active_matching_configured_sequence_wins_over_the_built_in()
    {
        SeedSequence("Nurture low", CampaignType.Nurture, priority: 5);
        var best = SeedSequence("Nurture high", CampaignType.Nurture, priority: 50,
            steps: new[] { (1, NurtureActivityType.PhoneCall, 1, "Call {firstname} about {offertitle}"), (2, NurtureActivityType.Email, 3, "Hello from {storefront}") });
        SeedSequence("Nurture inactive", CampaignType.Nurture, priority: 900, active: false);
        SeedSequence("Demand generation", CampaignType.DemandGeneration, priority: 1000);

        var leadId = CreateLead(Storefront.AppSource, LeadAction.ContactMe);
        Dataverse.DrainAsync();

        var enrollment = EnrollmentOf(leadId);
        Assert.AreEqual(new EntityReference(NurtureSequenceTable.LogicalName, best), enrollment.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId));
        Assert.AreEqual("Nurture high", enrollment.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.SequenceName));
        Assert.AreEqual(2, enrollment.GetAttributeValue<int>(NurtureEnrollmentTable.Columns.StepsScheduled));
        var activities = ActivitiesOf(enrollment.Id);
        CollectionAssert.AreEqual(new[] { "phonecall", "email" }, activities.Select(a => a.LogicalName).ToArray());
        Assert.AreEqual("Call Ada about Contoso Analytics", activities[0].GetAttributeValue<string>("subject"));
        Assert.AreEqual("Hello from AppSource", activities[1].GetAttributeValue<string>("subject"));
        Assert.AreEqual(Utc(2026, 3, 5, 17), activities[1].GetAttributeValue<DateTime>("scheduledend"), "offset 3 business days");
        StringAssert.Contains(enrollment.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason), "priority 50");
        Assert.AreEqual(1, Calls(SingleExecutionOf<EnrollLeadInNurture>(), "RetrieveMultiple"), "sequences and steps in one query");
    }

    [TestMethod]
    public void Storefront_and_action_filters_narrow_the_match()
    {
        var azureOnly = SeedSequence("Nurture for Azure leads", CampaignType.Nurture, priority: 900, storefront: Storefront.AzureMarketplace);
        var trialsOnly = SeedSequence("Nurture trials", CampaignType.Nurture, priority: 800, actions: new[] { LeadAction.TestDrive, LeadAction.FreeTrial });
        var appSourceContact = SeedSequence("AppSource contact", CampaignType.Nurture, priority: 10, storefront: Storefront.AppSource, actions: new[] { LeadAction.ContactMe });

        var contactLead = CreateLead(Storefront.AppSource, LeadAction.ContactMe);
        var trialLead = CreateLead(Storefront.AppSource, LeadAction.TestDrive);
        var getItNowLead = CreateLead(Storefront.AppSource, LeadAction.GetItNow);
        Dataverse.DrainAsync();

        Assert.AreEqual(appSourceContact, EnrollmentOf(contactLead).GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId).Id);
        Assert.AreEqual(trialsOnly, EnrollmentOf(trialLead).GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId).Id);
        Assert.IsNull(EnrollmentOf(getItNowLead).GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId), "no configured match: built-in");
        Assert.AreEqual("Built-in Nurture: Get it now", EnrollmentOf(getItNowLead).GetAttributeValue<string>(NurtureEnrollmentTable.Columns.SequenceName));
        Assert.IsFalse(Dataverse.Query(NurtureEnrollmentTable.LogicalName).Any(e => e.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId)?.Id == azureOnly));
    }

    [TestMethod]
    public void Inactive_sequences_and_inactive_steps_are_ignored()
    {
        SeedSequence("Retired", CampaignType.Nurture, priority: 1000, active: false);
        var sequence = SeedSequence("Current", CampaignType.Nurture, priority: 1,
            steps: new[] { (1, NurtureActivityType.Task, 0, "Kept"), (2, NurtureActivityType.Task, 1, "Retired step") });
        var retiredStep = Dataverse.Query(NurtureStepTable.LogicalName).Single(s => s.GetAttributeValue<string>(NurtureStepTable.Columns.SubjectTemplate) == "Retired step");
        Service.Update(new Entity(NurtureStepTable.LogicalName, retiredStep.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });

        var leadId = CreateLead();
        Dataverse.DrainAsync();

        var enrollment = EnrollmentOf(leadId);
        Assert.AreEqual(sequence, enrollment.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId).Id);
        CollectionAssert.AreEqual(new[] { "Kept" }, ActivitiesOf(enrollment.Id).Select(a => a.GetAttributeValue<string>("subject")).ToArray());
    }

    [TestMethod]
    public void The_offer_override_on_the_lead_beats_a_higher_priority_match()
    {
        SeedSequence("Everyone", CampaignType.Nurture, priority: 1000);
        var special = SeedSequence("Contoso Analytics launch", CampaignType.Nurture, priority: 0,
            steps: new[] { (1, NurtureActivityType.Email, 0, "{offertitle} launch offer") });

        var leadId = CreateLead(more: l => l[NurtureSequenceTable.Columns.NurtureSequenceId] = new EntityReference(NurtureSequenceTable.LogicalName, special));
        Dataverse.DrainAsync();

        var enrollment = EnrollmentOf(leadId);
        Assert.AreEqual(special, enrollment.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId).Id);
        StringAssert.StartsWith(enrollment.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason), "Offer override");
        Assert.AreEqual("Contoso Analytics launch offer", ActivitiesOf(enrollment.Id).Single().GetAttributeValue<string>("subject"));
    }

    [TestMethod]
    public void An_inactive_offer_override_is_ignored_with_a_trace_line()
    {
        var retired = SeedSequence("Old launch", CampaignType.Nurture, priority: 0, active: false);

        var leadId = CreateLead(more: l => l[NurtureSequenceTable.Columns.NurtureSequenceId] = new EntityReference(NurtureSequenceTable.LogicalName, retired));
        Dataverse.DrainAsync();

        Assert.AreEqual("Built-in Nurture: Contact me", EnrollmentOf(leadId).GetAttributeValue<string>(NurtureEnrollmentTable.Columns.SequenceName));
        StringAssert.Contains(TracesOf<EnrollLeadInNurture>(), "Offer override sequence 'Old launch' (" + retired.ToString("D") + ") is inactive; ignored.");
    }

    [TestMethod]
    public void An_invalid_configured_sequence_is_skipped_and_reported()
    {
        SeedSequence("Broken", CampaignType.Nurture, priority: 1000,
            steps: new[] { (1, NurtureActivityType.Task, 0, "One"), (1, NurtureActivityType.Task, 2, "Same order") });

        var leadId = CreateLead();
        Dataverse.DrainAsync();

        AssertAllStepsSucceeded();
        Assert.AreEqual("Built-in Nurture: Contact me", EnrollmentOf(leadId).GetAttributeValue<string>(NurtureEnrollmentTable.Columns.SequenceName));
        StringAssert.Contains(TracesOf<EnrollLeadInNurture>(), "Order 1 is used by 2 steps");
    }

    [TestMethod]
    public void Unknown_template_tokens_stay_in_the_text_and_are_reported_in_the_trace()
    {
        SeedSequence("Tokens", CampaignType.Nurture, steps: new[] { (1, NurtureActivityType.Task, 0, "Call {FirstName} {lastname} at {companyname}") });

        var leadId = CreateLead();
        Dataverse.DrainAsync();

        var task = ActivitiesOf(EnrollmentOf(leadId).Id).Single();
        Assert.AreEqual("Call Ada {lastname} at Contoso", task.GetAttributeValue<string>("subject"));
        StringAssert.Contains(TracesOf<EnrollLeadInNurture>(), "Step 1 'Step 1': unknown token(s) left in the subject: {lastname}.");
    }

    [TestMethod]
    public void A_sequence_that_keeps_running_after_qualify_is_copied_to_the_enrolment()
    {
        SeedSequence("Customer success", CampaignType.Nurture, stopOnQualify: false);

        var leadId = CreateLead();
        Dataverse.DrainAsync();

        Assert.IsFalse(EnrollmentOf(leadId).GetAttributeValue<bool>(NurtureEnrollmentTable.Columns.StopOnQualify));
    }
}
