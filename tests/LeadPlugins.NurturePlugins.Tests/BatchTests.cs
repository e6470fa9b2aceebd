using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>
/// A CreateMultiple of 1,000 leads with the enrolment step registered on CreateMultiple (the shipped registration is
/// Create; Target and Targets share one code path): one job, one sequence query, one duplicate-of query, and
/// 1 + number of steps Creates per enrolled lead.
/// </summary>
[TestClass]
public sealed class BatchTests : NurtureTestBase
{
    private static readonly LeadAction[] Actions = { LeadAction.ContactMe, LeadAction.GetItNow, LeadAction.Create, LeadAction.TestDrive };

    [TestMethod]
    public void A_batch_of_1000_leads_is_enrolled_in_one_job_within_the_round_trip_budget()
    {
        var dataverse = NewDataverse();
        dataverse.RegisterStep<EnrollLeadInNurture>(EnrolOnCreateMultiple());
        var service = dataverse.GetOrganizationService();

        // Five leads enrolled earlier, one at a time (no step fires for a single Create here).
        var earlier = Enumerable.Range(0, 5).Select(i => Guid.NewGuid()).ToList();
        service.Execute(new CreateMultipleRequest
        {
            Targets = new EntityCollection(earlier.Select(id => WithId(EnrichedLead(Storefront.AppSource, LeadAction.ContactMe), id)).ToList()) { EntityName = "lead" },
        });
        dataverse.DrainAsync();
        Assert.HasCount(5, dataverse.Query(NurtureEnrollmentTable.LogicalName));

        var leads = new List<Entity>();
        var expectedCreates = 0;
        var expectedEnrolled = 0;
        var expectedActivities = 0;
        var expectedSkipped = 0;
        for (var i = 0; i < 1000; i++)
        {
            var storefront = i % 2 == 0 ? Storefront.AppSource : Storefront.AzureMarketplace;
            var action = Actions[(i / 2) % Actions.Length];
            var lead = WithId(EnrichedLead(storefront, action, firstName: "Lead" + i, company: "Company " + i), Guid.NewGuid());
            if (i % 100 == 7)
            {
                lead[LeadTable.Columns.IsMarketplace] = false; // not from the marketplace: no row at all
            }
            else if (i % 50 == 3)
            {
                lead[LeadTable.Columns.IsTestLead] = true; // Skipped row
                expectedCreates++;
                expectedSkipped++;
            }
            else if (i % 200 == 11)
            {
                lead[LeadTable.Columns.DuplicateOf] = new EntityReference("lead", earlier[i / 200]); // repeat of an earlier enrolment
                expectedCreates++;
                expectedSkipped++;
            }
            else if (i % 200 == 13)
            {
                lead[LeadTable.Columns.DuplicateOf] = new EntityReference("lead", leads[i - 1].Id); // repeat of a lead in this batch
                expectedCreates++;
                expectedSkipped++;
            }
            else
            {
                var steps = BuiltInNurtureSequences.For(storefront == Storefront.AzureMarketplace ? CampaignType.DemandGeneration : CampaignType.Nurture, action).Steps.Count;
                expectedCreates += 1 + steps;
                expectedActivities += steps;
                expectedEnrolled++;
            }
            leads.Add(lead);
        }
        var countersBefore = dataverse.Counters.FromPlugins;

        service.Execute(new CreateMultipleRequest { Targets = new EntityCollection(leads) { EntityName = "lead" } });
        var jobs = dataverse.DrainAsync();

        Assert.HasCount(1, jobs, "one async job for the whole batch");
        Assert.AreEqual(AsyncJobStatus.Succeeded, jobs[0].Status, jobs[0].Error);
        var execution = jobs[0].Executions.Single();
        Assert.AreEqual("CreateMultiple", execution.MessageName);
        Assert.AreEqual(2, Calls(execution, "RetrieveMultiple"), "configured sequences + enrolments of the duplicate-of leads outside the batch");
        Assert.AreEqual(expectedCreates, Calls(execution, "Create"), "1 + steps per enrolled lead, 1 per Skipped row");
        Assert.AreEqual(5, Calls(execution, "Update"), "one repeat-engagement line per earlier enrolment");
        Assert.AreEqual(0, Calls(execution, "Retrieve"));
        Assert.AreEqual(execution.ServiceCalls, dataverse.Counters.FromPlugins - countersBefore);

        var enrollments = dataverse.Query(NurtureEnrollmentTable.LogicalName);
        Assert.AreEqual(5 + expectedEnrolled + expectedSkipped, enrollments.Count);
        Assert.AreEqual(5 + expectedEnrolled, enrollments.Count(e => Status(e) == EnrollmentStatus.Active));
        Assert.AreEqual(expectedSkipped, enrollments.Count(e => Status(e) == EnrollmentStatus.Skipped));
        var earlierActivities = 5 * 6;
        Assert.AreEqual(earlierActivities + expectedActivities, new[] { "task", "phonecall", "email" }.Sum(t => dataverse.Query(t).Count));

        // In-batch repeat: lead 12's new enrolment was created with lead 13's line, no extra write.
        var original = enrollments.Single(e => e.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.LeadId).Id == leads[12].Id);
        StringAssert.Contains(original.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason), "repeat engagement: lead " + leads[13].Id.ToString("D"));
        var earlierEnrolment = enrollments.Single(e => e.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.LeadId).Id == earlier[0]);
        StringAssert.Contains(earlierEnrolment.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason), "repeat engagement: lead " + leads[11].Id.ToString("D"));
    }

    [TestMethod]
    public void A_batch_without_duplicates_makes_only_the_sequence_query()
    {
        var dataverse = NewDataverse();
        dataverse.RegisterStep<EnrollLeadInNurture>(EnrolOnCreateMultiple());
        var leads = Enumerable.Range(0, 10).Select(i => EnrichedLead(Storefront.AzureMarketplace, LeadAction.TestDrive, firstName: "L" + i)).ToList();

        dataverse.GetOrganizationService().Execute(new CreateMultipleRequest { Targets = new EntityCollection(leads) { EntityName = "lead" } });
        var execution = dataverse.DrainAsync().Single().Executions.Single();

        Assert.AreEqual(1, Calls(execution, "RetrieveMultiple"));
        Assert.AreEqual(10 * (1 + 5), Calls(execution, "Create"));
        Assert.AreEqual(10 * (1 + 5) + 1, execution.ServiceCalls);
    }

    private static Entity WithId(Entity lead, Guid id)
    {
        lead.Id = id;
        return lead;
    }
}
