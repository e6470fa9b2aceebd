using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>Enrolment through the real EnrollLeadInNurture step (Create of lead, async): what is written, to whom, when.</summary>
[TestClass]
public sealed class EnrollmentTests : NurtureTestBase
{
    [TestMethod]
    [DataRow(Storefront.AppSource, LeadAction.ContactMe, "Built-in Nurture: Contact me")]
    [DataRow(Storefront.AppSource, LeadAction.GetItNow, "Built-in Nurture: Get it now")]
    [DataRow(Storefront.AppSource, LeadAction.Create, "Built-in Nurture: Get it now")]
    [DataRow(Storefront.AppSource, LeadAction.TestDrive, "Built-in Nurture: Trial")]
    [DataRow(Storefront.AzureMarketplace, LeadAction.ContactMe, "Built-in Demand generation: Contact me")]
    [DataRow(Storefront.AzureMarketplace, LeadAction.GetItNow, "Built-in Demand generation: Get it now")]
    [DataRow(Storefront.AzureMarketplace, LeadAction.Create, "Built-in Demand generation: Get it now")]
    [DataRow(Storefront.AzureMarketplace, LeadAction.TestDrive, "Built-in Demand generation: Trial")]
    public void Each_storefront_and_action_gets_its_built_in_sequence_as_activities_regarding_the_lead(Storefront storefront, LeadAction action, string sequenceName)
    {
        var leadId = CreateLead(storefront, action);
        Assert.IsEmpty(Dataverse.Query(NurtureEnrollmentTable.LogicalName), "asynchronous: nothing before the async queue runs");

        Dataverse.DrainAsync();

        AssertAllStepsSucceeded();
        var enrollment = EnrollmentOf(leadId);
        var campaign = storefront == Storefront.AzureMarketplace ? CampaignType.DemandGeneration : CampaignType.Nurture;
        var expected = BuiltInNurtureSequences.For(campaign, action);
        Assert.AreEqual(sequenceName, expected.Name, "the domain's choice for this campaign and action");
        Assert.AreEqual(EnrollmentStatus.Active, Status(enrollment));
        Assert.AreEqual(sequenceName, enrollment.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.SequenceName));
        Assert.IsNull(enrollment.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId), "built-in: no sequence row");
        Assert.AreEqual(sequenceName + ": Ada Lovelace", enrollment.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Name));
        Assert.AreEqual(T0, enrollment.GetAttributeValue<DateTime>(NurtureEnrollmentTable.Columns.StartedOn), "started on = the lead's createdon");
        Assert.IsTrue(enrollment.GetAttributeValue<bool>(NurtureEnrollmentTable.Columns.StopOnQualify));
        Assert.AreEqual(expected.Steps.Count, enrollment.GetAttributeValue<int>(NurtureEnrollmentTable.Columns.StepsScheduled));
        StringAssert.Contains(enrollment.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason), "built-in sequence '" + sequenceName + "'");

        var activities = ActivitiesOf(enrollment.Id);
        Assert.HasCount(expected.Steps.Count, activities);
        for (var i = 0; i < activities.Count; i++)
        {
            var step = expected.Steps[i];
            var activity = activities[i];
            Assert.AreEqual(NurtureActivityStates.LogicalName(step.ActivityType), activity.LogicalName, step.Name);
            Assert.AreEqual(step.Order, activity.GetAttributeValue<int>(TaskTable.Columns.NurtureStepNumber));
            Assert.AreEqual(new EntityReference("lead", leadId), activity.GetAttributeValue<EntityReference>("regardingobjectid"));
            Assert.AreEqual(NurtureActivityStates.PriorityCode(step.Priority), Option(activity, "prioritycode"));
            Assert.AreEqual(0, Option(activity, "statecode"), "open");
            Assert.AreEqual(new BusinessCalendar().DueDateUtc(T0, step.OffsetBusinessDays), activity.GetAttributeValue<DateTime>("scheduledend"));
            Assert.DoesNotContain("{", activity.GetAttributeValue<string>("subject"), "tokens rendered: " + activity.GetAttributeValue<string>("subject"));
        }
        Assert.AreEqual(activities.Min(a => a.GetAttributeValue<DateTime>("scheduledend")), enrollment.GetAttributeValue<DateTime>(NurtureEnrollmentTable.Columns.NextDueDate));
        // Every built-in ends with the qualify task on business day 15: Monday 2026-03-02 + 15 = Monday 2026-03-23, 17:00 UTC.
        Assert.AreEqual("task", activities[^1].LogicalName);
        Assert.AreEqual(Utc(2026, 3, 23, 17), activities[^1].GetAttributeValue<DateTime>("scheduledend"));
        Assert.AreEqual("Qualify or disqualify: Contoso (Contoso Analytics)", activities[^1].GetAttributeValue<string>("subject"));
    }

    [TestMethod]
    public void Contact_me_gets_a_discovery_call_within_one_business_day_with_rendered_templates()
    {
        var leadId = CreateLead(Storefront.AppSource, LeadAction.ContactMe, firstName: "Grace", company: "Fabrikam", offer: "Fabrikam Flow");
        Dataverse.DrainAsync();

        var activities = ActivitiesOf(EnrollmentOf(leadId).Id);
        var call = activities[0];
        Assert.AreEqual("phonecall", call.LogicalName);
        Assert.AreEqual("Discovery call: Grace at Fabrikam asked about Fabrikam Flow", call.GetAttributeValue<string>("subject"));
        StringAssert.StartsWith(call.GetAttributeValue<string>("description"), "Grace at Fabrikam pressed \"Contact me\" on Fabrikam Flow in AppSource.");
        Assert.AreEqual(Utc(2026, 3, 3, 17), call.GetAttributeValue<DateTime>("scheduledend"), "Tuesday 17:00 UTC");
        Assert.AreEqual(2, Option(call, "prioritycode"), "High");
        CollectionAssert.AreEqual(
            new[] { Utc(2026, 3, 3, 17), Utc(2026, 3, 4, 17), Utc(2026, 3, 9, 17), Utc(2026, 3, 13, 17), Utc(2026, 3, 18, 17), Utc(2026, 3, 23, 17) },
            activities.Select(a => a.GetAttributeValue<DateTime>("scheduledend")).ToArray(),
            "business days 1, 2, 5, 9, 12, 15: weekends skipped");
    }

    [TestMethod]
    public void E_mails_are_drafts_addressed_to_the_lead_and_nothing_is_sent()
    {
        var leadId = CreateLead(Storefront.AppSource, LeadAction.ContactMe);
        Dataverse.DrainAsync();

        var emails = Dataverse.Query("email");
        Assert.HasCount(2, emails, "Contact me has two e-mail steps");
        foreach (var email in emails)
        {
            Assert.AreEqual(0, Option(email, "statecode"), "open");
            Assert.AreEqual(1, Option(email, "statuscode"), "Draft");
            Assert.IsTrue(email.GetAttributeValue<bool>("directioncode"), "outgoing");
            var to = email.GetAttributeValue<EntityCollection>("to");
            Assert.HasCount(1, to.Entities);
            Assert.AreEqual(new EntityReference("lead", leadId), to.Entities[0].GetAttributeValue<EntityReference>("partyid"));
            StringAssert.Contains(email.GetAttributeValue<string>("description"), "<br />", "HTML body with line breaks");
            StringAssert.StartsWith(email.GetAttributeValue<string>("description"), "Hi Ada,");
        }
        var parties = Dataverse.Query("activityparty").Where(p => Option(p, "participationtypemask") == 2).ToList();
        Assert.HasCount(2, parties, "one To party row per draft");
        Assert.IsTrue(parties.All(p => p.GetAttributeValue<EntityReference>("partyid").Id == leadId));
        Assert.AreEqual(0, Dataverse.Counters["SendEmail"], "no SendEmail request");
    }

    [TestMethod]
    public void The_enrolment_and_activities_belong_to_the_leads_owner_user()
    {
        var seller = Dataverse.AddUser("Sam Seller", email: "sam@contoso.example");
        var leadId = CreateLead(more: l => l["ownerid"] = new EntityReference("systemuser", seller));
        Dataverse.DrainAsync();

        var enrollment = EnrollmentOf(leadId);
        Assert.AreEqual(new EntityReference("systemuser", seller), enrollment.GetAttributeValue<EntityReference>("ownerid"));
        var activities = ActivitiesOf(enrollment.Id);
        Assert.IsNotEmpty(activities);
        Assert.IsTrue(activities.All(a => a.GetAttributeValue<EntityReference>("ownerid").Equals(new EntityReference("systemuser", seller))),
            "not the calling user " + Dataverse.CallerId);
    }

    [TestMethod]
    public void The_enrolment_and_activities_belong_to_the_leads_owner_team()
    {
        var team = SeedTeam("Marketplace sellers");
        var leadId = CreateLead(Storefront.AzureMarketplace, LeadAction.GetItNow, l => l["ownerid"] = new EntityReference("team", team));
        Dataverse.DrainAsync();

        var enrollment = EnrollmentOf(leadId);
        Assert.AreEqual(new EntityReference("team", team), enrollment.GetAttributeValue<EntityReference>("ownerid"));
        Assert.AreEqual(team, enrollment.GetAttributeValue<EntityReference>("owningteam").Id);
        foreach (var activity in ActivitiesOf(enrollment.Id))
            Assert.AreEqual(new EntityReference("team", team), activity.GetAttributeValue<EntityReference>("ownerid"), activity.LogicalName);
    }

    [TestMethod]
    public void Round_trips_are_one_sequence_query_plus_one_create_per_row_and_no_retrieve()
    {
        var leadId = CreateLead(Storefront.AppSource, LeadAction.ContactMe);
        Dataverse.DrainAsync();

        var execution = SingleExecutionOf<EnrollLeadInNurture>();
        Assert.AreEqual(ExecutionMode.Asynchronous, (ExecutionMode)execution.Mode);
        Assert.AreEqual(1, Calls(execution, "RetrieveMultiple"), "configured sequences with their steps: one query");
        Assert.AreEqual(1 + 6, Calls(execution, "Create"), "enrolment + 6 activities");
        Assert.AreEqual(0, Calls(execution, "Retrieve"), "the post image, not a Retrieve");
        Assert.AreEqual(8, execution.ServiceCalls, "1 + (1 + number of steps)");
        Assert.HasCount(6, ActivitiesOf(EnrollmentOf(leadId).Id));
    }

    [TestMethod]
    public void A_lead_created_on_friday_evening_starts_on_monday()
    {
        Now = Utc(2026, 3, 6, 18); // Friday 18:00 UTC, after the 17:00 end of day
        var leadId = CreateLead(Storefront.AppSource, LeadAction.GetItNow);
        Dataverse.DrainAsync();

        var activities = ActivitiesOf(EnrollmentOf(leadId).Id);
        Assert.AreEqual("email", activities[0].LogicalName, "Get it now starts with the welcome e-mail on day 0");
        Assert.AreEqual(Utc(2026, 3, 9, 17), activities[0].GetAttributeValue<DateTime>("scheduledend"), "day 0 = Monday");
        Assert.AreEqual(Utc(2026, 3, 6, 18), EnrollmentOf(leadId).GetAttributeValue<DateTime>(NurtureEnrollmentTable.Columns.StartedOn));
    }

    [TestMethod]
    public void Empty_lead_values_fall_back_and_the_trace_says_so()
    {
        var leadId = Service.Create(EnrichedLead(Storefront.AppSource, LeadAction.ContactMe, l =>
        {
            l["firstname"] = null;
            l["companyname"] = null;
            l[LeadTable.Columns.OfferTitle] = null;
        }));
        Dataverse.DrainAsync();

        var call = ActivitiesOf(EnrollmentOf(leadId).Id)[0];
        // A seller's call: no "there" mid-sentence, no "your company"; the offer id (in the post-image) names the product.
        Assert.AreEqual("Discovery call: the contact at the company asked about Analytics", call.GetAttributeValue<string>("subject"));
        StringAssert.Contains(TracesOf<EnrollLeadInNurture>(), "Empty lead values replaced by fallbacks: firstname, companyname, offertitle.");
    }
}
