using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using static LeadPlugins.Nurture.Tests.TestData;

namespace LeadPlugins.Nurture.Tests;

[TestClass]
public sealed class ActivityStateTests
{
    [TestMethod]
    [DataRow(NurtureActivityType.Task, "task", 2, 6)]
    [DataRow(NurtureActivityType.PhoneCall, "phonecall", 2, 3)]
    [DataRow(NurtureActivityType.Email, "email", 2, 5)]
    public void Cancel_pairs_and_logical_names(NurtureActivityType type, string logicalName, int state, int status)
    {
        Assert.AreEqual(logicalName, NurtureActivityStates.LogicalName(type));
        Assert.AreEqual(type, NurtureActivityStates.FromLogicalName(logicalName));
        Assert.AreEqual(new ActivityStateStatus(state, status), NurtureActivityStates.Canceled(type));
        CollectionAssert.AreEqual(new[] { new ActivityStateStatus(state, status) }, NurtureActivityStates.CanceledStatuses(type).ToArray());
    }

    [TestMethod]
    public void Completed_pairs_per_activity()
    {
        CollectionAssert.AreEqual(new[] { "1/5" }, Pairs(NurtureActivityType.Task));
        CollectionAssert.AreEqual(new[] { "1/2", "1/4" }, Pairs(NurtureActivityType.PhoneCall));
        CollectionAssert.AreEqual(new[] { "1/2", "1/3", "1/4", "1/6", "1/7" }, Pairs(NurtureActivityType.Email));

        static string[] Pairs(NurtureActivityType type) => NurtureActivityStates.CompletedStatuses(type).Select(p => p.ToString()).ToArray();
    }

    [TestMethod]
    public void Classification_goes_by_state_code()
    {
        Assert.AreEqual(ActivityClosure.Open, NurtureActivityStates.Classify(0));
        Assert.AreEqual(ActivityClosure.Completed, NurtureActivityStates.Classify(1));
        Assert.AreEqual(ActivityClosure.Canceled, NurtureActivityStates.Classify(2));
        Assert.AreEqual(ActivityClosure.Unknown, NurtureActivityStates.Classify(3));
        Assert.IsNull(NurtureActivityStates.FromLogicalName("appointment"));
        Assert.IsNull(NurtureActivityStates.FromLogicalName(null));
    }

    [TestMethod]
    public void Priority_codes()
    {
        Assert.AreEqual(0, NurtureActivityStates.PriorityCode(StepPriority.Low));
        Assert.AreEqual(1, NurtureActivityStates.PriorityCode(StepPriority.Normal));
        Assert.AreEqual(2, NurtureActivityStates.PriorityCode(StepPriority.High));
        Assert.AreEqual(1, NurtureActivityStates.PriorityCode((StepPriority)5));
    }

    private static NurtureActivitySnapshot Task(int state, int status, DateTime? due = null) => new(NurtureActivityType.Task, state, status, due);
    private static NurtureActivitySnapshot Call(int state, int status, DateTime? due = null) => new(NurtureActivityType.PhoneCall, state, status, due);
    private static NurtureActivitySnapshot Mail(int state, int status, DateTime? due = null) => new(NurtureActivityType.Email, state, status, due);

    [TestMethod]
    public void An_active_enrolment_is_completed_when_every_activity_is_completed_or_canceled()
    {
        var activities = new[] { Task(1, 5), Call(1, 2), Call(2, 3), Mail(1, 3), Mail(2, 5) };

        var progress = NurtureCompletionRule.Evaluate(EnrollmentStatus.Active, activities);

        Assert.IsTrue(NurtureCompletionRule.AreAllClosed(activities));
        Assert.IsTrue(progress.AllClosed);
        Assert.AreEqual(EnrollmentStatus.Completed, progress.Status);
        Assert.IsTrue(progress.StatusChanged);
        Assert.AreEqual(5, progress.Total);
        Assert.AreEqual(3, progress.Completed);
        Assert.AreEqual(2, progress.Canceled);
        Assert.AreEqual(0, progress.Open);
        Assert.IsNull(progress.NextDueDateUtc);
    }

    [TestMethod]
    public void One_open_activity_keeps_the_enrolment_active_and_gives_the_next_due_date()
    {
        var activities = new[]
        {
            Task(1, 5, Utc(2026, 3, 3, 17)),
            Mail(0, 1, Utc(2026, 3, 10, 17)),
            Call(0, 1, Utc(2026, 3, 6, 17)),
        };

        var progress = NurtureCompletionRule.Evaluate(EnrollmentStatus.Active, activities);

        Assert.IsFalse(NurtureCompletionRule.AreAllClosed(activities));
        Assert.AreEqual(EnrollmentStatus.Active, progress.Status);
        Assert.IsFalse(progress.StatusChanged);
        Assert.AreEqual(2, progress.Open);
        Assert.AreEqual(Utc(2026, 3, 6, 17), progress.NextDueDateUtc);
    }

    [TestMethod]
    public void An_unknown_state_is_not_closed()
    {
        Assert.IsFalse(NurtureCompletionRule.AreAllClosed(new[] { Task(1, 5), Task(3, 99) }));
        Assert.AreEqual(EnrollmentStatus.Active, NurtureCompletionRule.Evaluate(EnrollmentStatus.Active, new[] { Task(3, 99) }).Status);
    }

    [TestMethod]
    [DataRow(EnrollmentStatus.Stopped)]
    [DataRow(EnrollmentStatus.Skipped)]
    [DataRow(EnrollmentStatus.Completed)]
    public void Only_an_active_enrolment_changes_status(EnrollmentStatus current)
    {
        var progress = NurtureCompletionRule.Evaluate(current, new[] { Task(2, 6) });

        Assert.AreEqual(current, progress.Status);
        Assert.IsFalse(progress.StatusChanged);
    }

    [TestMethod]
    public void No_activities_is_nothing_to_judge()
    {
        Assert.IsFalse(NurtureCompletionRule.AreAllClosed(null));
        Assert.IsFalse(NurtureCompletionRule.AreAllClosed(Array.Empty<NurtureActivitySnapshot>()));
        Assert.AreEqual(EnrollmentStatus.Active, NurtureCompletionRule.Evaluate(EnrollmentStatus.Active, null).Status);
    }

    [TestMethod]
    [DataRow(1, "Lead qualified")]
    [DataRow(2, "Lead disqualified")]
    public void Closing_the_lead_stops_an_active_enrolment(int leadState, string reason)
    {
        var decision = NurtureStopRule.Evaluate(leadState, EnrollmentStatus.Active, stopOnQualifyOrDisqualify: true);

        Assert.IsTrue(decision.ShouldStop);
        Assert.AreEqual(reason, decision.Reason);
    }

    [TestMethod]
    public void The_stop_rule_leaves_open_leads_other_statuses_and_opted_out_sequences_alone()
    {
        Assert.IsFalse(NurtureStopRule.Evaluate(0, EnrollmentStatus.Active, true).ShouldStop);
        Assert.IsFalse(NurtureStopRule.Evaluate(1, EnrollmentStatus.Completed, true).ShouldStop);
        Assert.IsFalse(NurtureStopRule.Evaluate(2, EnrollmentStatus.Stopped, true).ShouldStop);

        var optedOut = NurtureStopRule.Evaluate(1, EnrollmentStatus.Active, false);
        Assert.IsFalse(optedOut.ShouldStop);
        StringAssert.StartsWith(optedOut.Reason, "Lead qualified, but the sequence keeps running");
    }
}
