using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Domain.Nurture;
using LeadPlugins.Schema;
using static LeadPlugins.Nurture.Tests.TestData;

namespace LeadPlugins.Nurture.Tests;

[TestClass]
public sealed class PlannerTests
{
    [TestMethod]
    public void A_contact_me_plan_has_dated_rendered_activities_in_step_order()
    {
        var sequence = BuiltInNurtureSequences.For(CampaignType.Nurture, LeadAction.ContactMe);
        var enrolled = Utc(2026, 3, 4, 10);   // Wednesday

        var plan = new NurturePlanner().Plan(sequence, Mette(), enrolled);

        Assert.AreEqual(6, plan.StepsScheduled);
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5, 6 }, plan.Activities.Select(a => a.StepOrder).ToArray());
        CollectionAssert.AreEqual(new[] { "phonecall", "email", "task", "email", "phonecall", "task" }, plan.Activities.Select(a => a.LogicalName).ToArray());
        CollectionAssert.AreEqual(new[]
        {
            Utc(2026, 3, 5, 17), Utc(2026, 3, 6, 17), Utc(2026, 3, 11, 17), Utc(2026, 3, 17, 17), Utc(2026, 3, 20, 17), Utc(2026, 3, 25, 17),
        }, plan.Activities.Select(a => a.DueDateUtc).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 1, 1, 1, 1, 2 }, plan.Activities.Select(a => a.PriorityCode).ToArray());

        Assert.AreEqual("Discovery call: Mette at Fabrikam A/S asked about Contoso Field Service Accelerator", plan.Activities[0].Subject);
        Assert.AreEqual("Qualify or disqualify: Fabrikam A/S (Contoso Field Service Accelerator)", plan.Activities[5].Subject);
        StringAssert.Contains(plan.Activities[5].Description, "Nurture lead from AppSource");
        Assert.AreEqual(0, plan.Diagnostics.Count, string.Join("\n", plan.Diagnostics));
    }

    [TestMethod]
    public void The_enrolment_summary_carries_the_sequence_the_next_due_date_and_a_name()
    {
        var sequence = BuiltInNurtureSequences.For(CampaignType.DemandGeneration, LeadAction.GetItNow);

        var plan = new NurturePlanner().Plan(sequence, Mette(), Utc(2026, 3, 4, 10));

        Assert.AreEqual("Built-in Demand generation: Get it now", plan.SequenceName);
        Assert.IsNull(plan.SequenceId);
        Assert.IsTrue(plan.IsBuiltIn);
        Assert.IsTrue(plan.StopOnQualifyOrDisqualify);
        Assert.AreEqual(EnrollmentStatus.Active, plan.Status);
        Assert.AreEqual(Utc(2026, 3, 4, 10), plan.EnrolledOnUtc);
        Assert.AreEqual(Utc(2026, 3, 4, 17), plan.NextDueDateUtc, "welcome e-mail due the same day");
        Assert.AreEqual("Built-in Demand generation: Get it now: Mette Jensen", plan.EnrollmentName);
    }

    [TestMethod]
    public void Step_priorities_map_to_activity_priority_codes()
    {
        var id = Guid.NewGuid();
        var sequence = new NurtureSequenceDefinition("Priorities", CampaignType.Nurture, new[]
        {
            Step(1, priority: StepPriority.Low), Step(2, priority: StepPriority.Normal), Step(3, priority: StepPriority.High),
        }, id, stopOnQualifyOrDisqualify: false);

        var plan = new NurturePlanner().Plan(sequence, Mette(), Utc(2026, 3, 2, 9));

        CollectionAssert.AreEqual(new[] { 0, 1, 2 }, plan.Activities.Select(a => a.PriorityCode).ToArray());
        CollectionAssert.AreEqual(new[] { StepPriority.Low, StepPriority.Normal, StepPriority.High }, plan.Activities.Select(a => a.StepPriority).ToArray());
        Assert.AreEqual(id, plan.SequenceId);
        Assert.IsFalse(plan.StopOnQualifyOrDisqualify);
    }

    [TestMethod]
    public void Due_dates_follow_the_calendar_time_zone()
    {
        var berlin = BusinessCalendar.FromTimeZoneId("W. Europe Standard Time").Calendar;
        var sequence = Sequence("Two", steps: new[] { Step(1, offset: 0), Step(2, offset: 1) });

        var plan = new NurturePlanner(berlin).Plan(sequence, Mette(), Utc(2026, 3, 27, 9));

        CollectionAssert.AreEqual(new[] { Utc(2026, 3, 27, 16), Utc(2026, 3, 30, 15) }, plan.Activities.Select(a => a.DueDateUtc).ToArray());
    }

    [TestMethod]
    public void Emails_get_an_html_body_with_encoded_customer_text()
    {
        var lead = Mette();
        lead.FirstName = "<script>alert(1)</script>";
        var sequence = Sequence("Mail", steps: new[]
        {
            Step(1, type: NurtureActivityType.Email, description: "Hi {firstname},\nThanks & welcome"),
            Step(2, type: NurtureActivityType.Task, description: "Call {firstname}"),
        });

        var plan = new NurturePlanner().Plan(sequence, lead, Utc(2026, 3, 2, 9));

        Assert.AreEqual("Hi &lt;script&gt;alert(1)&lt;/script&gt;,<br />Thanks &amp; welcome", plan.Activities[0].DescriptionHtml);
        Assert.AreEqual("Hi <script>alert(1)</script>,\nThanks & welcome", plan.Activities[0].Description);
        Assert.IsNull(plan.Activities[1].DescriptionHtml);
    }

    [TestMethod]
    public void Unknown_tokens_truncation_and_fallbacks_become_diagnostics()
    {
        var lead = new NurtureLeadContext { OfferTitle = new string('o', 300) };
        var sequence = Sequence("Diag", steps: new[] { Step(1, subject: "{offertitle} for {lastname}", description: "Hi {firstname} {Title}", name: "First") });

        var plan = new NurturePlanner().Plan(sequence, lead, Utc(2026, 3, 2, 9));

        CollectionAssert.AreEqual(new[]
        {
            "Step 1 'First': unknown token(s) left in the subject: {lastname}.",
            "Step 1 'First': subject cut to 200 characters.",
            "Step 1 'First': unknown token(s) left in the description: {Title}.",
            "Empty lead values replaced by fallbacks: firstname.",
        }, plan.Diagnostics.ToArray());
        Assert.AreEqual(200, plan.Activities[0].Subject.Length);
    }

    [TestMethod]
    public void An_empty_rendered_subject_gets_a_readable_default()
    {
        var sequence = Sequence("Quiet", steps: new[] { Step(1, subject: " \n ", name: "Check in") });

        var plan = new NurturePlanner().Plan(sequence, Mette(), Utc(2026, 3, 2, 9));

        Assert.AreEqual("Quiet: Check in", plan.Activities[0].Subject);
    }

    [TestMethod]
    public void A_bad_sequence_is_planned_as_far_as_possible_without_throwing()
    {
        var sequence = Sequence("Bad", steps: new[]
        {
            new NurtureStepDefinition(1, (NurtureActivityType)99, "Odd", null, 1, StepPriority.Normal, "Odd"),
            Step(2, offset: -4, name: "Past"),
        });

        var plan = new NurturePlanner().Plan(sequence, Mette(), Utc(2026, 3, 2, 9));

        Assert.AreEqual(1, plan.StepsScheduled);
        Assert.AreEqual(Utc(2026, 3, 2, 17), plan.Activities[0].DueDateUtc);
        Assert.AreEqual(0, plan.Activities[0].OffsetBusinessDays);
        CollectionAssert.AreEqual(new[]
        {
            "Step 1 'Odd' skipped: activity type 99 is not a known option.",
            "Step 2 'Past': offset -4 counts as 0.",
        }, plan.Diagnostics.ToArray());
    }

    [TestMethod]
    public void A_sequence_without_steps_plans_nothing_and_is_skipped()
    {
        var plan = new NurturePlanner().Plan(Sequence("None", steps: Array.Empty<NurtureStepDefinition>()), null, Utc(2026, 3, 2, 9));

        Assert.AreEqual(0, plan.StepsScheduled);
        Assert.IsNull(plan.NextDueDateUtc);
        Assert.AreEqual(EnrollmentStatus.Skipped, plan.Status);
        StringAssert.EndsWith(plan.Diagnostics[^1], "has no step to schedule.");
        Assert.AreEqual("None", plan.EnrollmentName);
    }

    [TestMethod]
    public void The_same_input_gives_the_same_plan()
    {
        var sequence = BuiltInNurtureSequences.For(CampaignType.Nurture, LeadAction.TestDrive);
        var planner = new NurturePlanner(BusinessCalendar.FromTimeZoneId("Eastern Standard Time").Calendar);

        var first = planner.Plan(sequence, Mette(), Utc(2026, 3, 6, 20));
        var second = planner.Plan(BuiltInNurtureSequences.For(CampaignType.Nurture, LeadAction.TestDrive), Mette(), Utc(2026, 3, 6, 20));

        CollectionAssert.AreEqual(
            first.Activities.Select(a => $"{a.StepOrder}|{a.LogicalName}|{a.Subject}|{a.Description}|{a.DueDateUtc:o}|{a.PriorityCode}").ToArray(),
            second.Activities.Select(a => $"{a.StepOrder}|{a.LogicalName}|{a.Subject}|{a.Description}|{a.DueDateUtc:o}|{a.PriorityCode}").ToArray());
    }

    [TestMethod]
    public void Enrolment_names_fit_the_column()
    {
        Assert.AreEqual(200, NurturePlanner.EnrollmentName(new string('s', 150), new string('l', 150)).Length);
        Assert.AreEqual("Nurture", NurturePlanner.EnrollmentName(null, null));
    }

    [TestMethod]
    public void E_mail_html_breaks_every_kind_of_line_end_once_and_encodes_each_line()
    {
        Assert.AreEqual("", NurturePlanner.ToHtml(null));
        Assert.AreEqual("a<br />b<br />c<br />d", NurturePlanner.ToHtml("a\r\nb\rc\nd"));
        Assert.AreEqual("<br />a<br /><br />", NurturePlanner.ToHtml("\na\r\n\n"));
        Assert.AreEqual("<br /><br />", NurturePlanner.ToHtml("\r\r"), "two carriage returns are two line ends");
        Assert.AreEqual("x &lt; y<br />&quot;q&quot; &amp; &#39;s&#39;", NurturePlanner.ToHtml("x < y\n\"q\" & 's'"));
        Assert.AreEqual("plain", NurturePlanner.ToHtml("plain"));
    }
    [TestMethod]
    public void A_plan_cleans_control_characters_in_templates_as_the_renderer_does()
    {
        // The step works out once whether its templates need cleaning; the plan must still give the renderer's texts.
        var subject = "Call\t{companyname}\nnow";
        var description = "Line 1\n{companyname}\u0000\nLine 3\tend";
        var plain = "Notes\n\tfor {firstname}";
        var sequence = new NurtureSequenceDefinition("Control characters", CampaignType.Nurture, new[]
        {
            new NurtureStepDefinition(1, NurtureActivityType.Task, subject, description, 1),
            new NurtureStepDefinition(2, NurtureActivityType.Task, "Plain {firstname}", plain, 2),
        });

        var plan = new NurturePlanner().Plan(sequence, Mette(), Utc(2026, 3, 2, 9));

        Assert.AreEqual(NurtureTemplateRenderer.RenderSubject(subject, Mette(), NurtureTemplateAudience.Seller).Text, plan.Activities[0].Subject);
        Assert.AreEqual(NurtureTemplateRenderer.RenderDescription(description, Mette(), NurtureTemplateAudience.Seller).Text, plan.Activities[0].Description);
        Assert.AreEqual("Line 1\nFabrikam A/S\nLine 3\tend", plan.Activities[0].Description);
        Assert.AreEqual("Call Fabrikam A/S now", plan.Activities[0].Subject);
        Assert.AreEqual("Notes\n\tfor Mette", plan.Activities[1].Description);
    }
}
