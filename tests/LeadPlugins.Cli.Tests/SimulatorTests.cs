using LeadPlugins.Cli.Simulation;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Tests;

[TestClass]
public sealed class SimulatorTests
{
    private static (SimulationSummary Summary, RecordingOutput Output, LeadSimulator Simulator) Run(TextReader input, SimulationOptions? options = null, RecordingOutput? output = null)
    {
        options ??= new SimulationOptions();
        options = new SimulationOptions
        {
            Format = options.Format,
            BatchSize = options.BatchSize,
            Verbose = options.Verbose,
            Now = Repo.Now,
            Seed = options.Seed,
            DiscardEvery = options.DiscardEvery,
            Overlap = options.Overlap,
            PluginAssemblies = options.PluginAssemblies,
            Configure = options.Configure,
        };
        output ??= new RecordingOutput();
        var simulator = new LeadSimulator(Repo.Environment, options);
        var summary = simulator.Run(input, output);
        return (summary, output, simulator);
    }

    private static string Rows(int count, Func<int, string>? email = null)
        => string.Join("\n", Enumerable.Range(1, count).Select(i => "{\"lastname\":\"Lead " + i + "\",\"emailaddress1\":\"" + (email?.Invoke(i) ?? "lead" + i + "@contoso.com") + "\"}"));

    [TestMethod]
    public void Each_lead_is_created_read_back_and_handed_out_in_input_order()
    {
        var (summary, output, simulator) = Run(new StringReader(Rows(3)));
        Assert.AreEqual(3, summary.Leads);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, output.Order);
        Assert.AreEqual(3, simulator.Dataverse.Query("lead").Count);
        var second = output.Leads[1];
        Assert.AreEqual("Lead 2", second.Name);
        Assert.AreEqual("lead2@contoso.com", second.Email);
        Assert.AreEqual("Sam Seller", second.Owner, "created as the default seller");
        Assert.AreEqual("Lead 2", simulator.Dataverse.Get("lead", second.LeadId)!.GetAttributeValue<string>("lastname"));
        Assert.AreEqual(3, summary.CallerRequests["Create"]);
        Assert.IsFalse(summary.CallerRequests.ContainsKey("CreateMultiple"));
    }

    [TestMethod]
    public void Bad_lines_are_reported_with_their_numbers_and_the_others_still_run()
    {
        var (summary, output, simulator) = Run(new StreamReader(Repo.Sample("malformed.jsonl")));
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, output.Rejections.Select(r => r.Line).ToArray());
        StringAssert.StartsWith(output.Rejections[0].Reason, "invalid JSON");
        CollectionAssert.AreEqual(new[] { 4, 5, 6, 7 }, output.Leads.Select(l => l.Input).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5, 6, 7 }, output.Order, "reported in input order");
        Assert.AreEqual(4, simulator.Dataverse.Query("lead").Count);
        Assert.AreEqual(3, summary.Rejected);
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, summary.RejectedLines);
    }

    [TestMethod]
    public void A_value_the_in_memory_Dataverse_rejects_is_a_bad_line_with_the_server_message()
    {
        // lead.mobilephone holds 20 characters. (Over-long text in the columns a marketplace writer fills, such as
        // subject, is cut by the enrichment plug-in so the lead is saved: see the Reliability tests.)
        var tooLong = new string('9', 21);
        var input = "{\"lastname\":\"A\"}\n{\"lastname\":\"B\",\"mobilephone\":\"" + tooLong + "\"}\n{\"lastname\":\"C\",\"mpl_leadscore\":\"101\"}\n{\"lastname\":\"D\"}";
        var (summary, output, _) = Run(new StringReader(input));
        CollectionAssert.AreEqual(new[] { 1, 4 }, output.Leads.Select(l => l.Input).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 3 }, output.Rejections.Select(r => r.Line).ToArray());
        StringAssert.Contains(output.Rejections[0].Reason, "rejected by Dataverse (80044331)");
        StringAssert.Contains(output.Rejections[0].Reason, "mobilephone");
        StringAssert.Contains(output.Rejections[1].Reason, LeadTable.Columns.LeadScore);
        Assert.AreEqual(2, summary.Rejected);
    }

    [TestMethod]
    public void Plugin_faults_reject_their_line_or_show_on_the_lead_and_the_run_goes_on()
    {
        var input = "{\"lastname\":\"Ok\"}\n{\"lastname\":\"Boom\"}\n{\"lastname\":\"Crash\"}\n{\"lastname\":\"Gap\"}\n{\"lastname\":\"Fine\"}";
        var (summary, output, _) = Run(new StringReader(input), new SimulationOptions { PluginAssemblies = Array.Empty<System.Reflection.Assembly>(), Configure = Faulty.Register });

        var rejected = output.Rejections.Single();
        Assert.AreEqual(2, rejected.Line);
        StringAssert.Contains(rejected.Reason, "Boom is not a customer");
        CollectionAssert.AreEqual(new[] { 1, 3, 4, 5 }, output.Leads.Select(l => l.Input).ToArray());

        var crash = output.Leads.Single(l => l.Input == 3).PluginSteps.Single(p => p.Plugin == nameof(AsyncFailsForCrash));
        Assert.AreEqual("Failed", crash.Outcome);
        StringAssert.Contains(crash.Error, "async crash");
        Assert.IsTrue(crash.Async);
        Assert.AreEqual(1, summary.FailedAsyncJobs);
        StringAssert.Contains(summary.HarnessGaps.Single(), "mpl_NotAMessage");
        var gap = output.Leads.Single(l => l.Input == 4).PluginSteps.Single(p => p.Plugin == nameof(AsyncAsksTheUnsimulated));
        Assert.AreEqual("Failed", gap.Outcome);
        Assert.AreEqual("Succeeded", output.Leads.Single(l => l.Input == 5).PluginSteps.Single(p => p.Plugin == nameof(AsyncFailsForCrash)).Outcome);
    }

    [TestMethod]
    public void A_windowed_run_that_forgets_each_batchs_history_still_counts_the_failed_async_job()
    {
        // The CLI's default: a fresh store every N leads, and each batch's executions forgotten once read.
        var input = "{\"lastname\":\"Ok\"}\n{\"lastname\":\"Crash\"}\n{\"lastname\":\"Fine\"}";
        var (summary, output, _) = Run(new StringReader(input), new SimulationOptions { PluginAssemblies = Array.Empty<System.Reflection.Assembly>(), Configure = Faulty.Register, DiscardEvery = 2 });

        Assert.AreEqual(3, output.Leads.Count);
        Assert.AreEqual("Failed", output.Leads.Single(l => l.Input == 2).PluginSteps.Single(p => p.Plugin == nameof(AsyncFailsForCrash)).Outcome);
        Assert.AreEqual(1, summary.FailedAsyncJobs);
    }

    [TestMethod]
    public void Batch_mode_creates_through_CreateMultiple()
    {
        var (summary, output, simulator) = Run(new StringReader(Rows(10)), new SimulationOptions { BatchSize = 4 });
        Assert.AreEqual(3, summary.CallerRequests["CreateMultiple"]);
        Assert.IsFalse(summary.CallerRequests.ContainsKey("Create"));
        Assert.AreEqual(3, summary.Batches);
        Assert.AreEqual(3, output.Batches);
        Assert.AreEqual(10, simulator.Dataverse.Query("lead").Count);
        CollectionAssert.AreEqual(Enumerable.Range(1, 10).ToArray(), output.Order);
    }

    [TestMethod]
    public void A_CreateMultiple_batch_the_server_rejects_is_retried_one_lead_at_a_time()
    {
        var input = "{\"lastname\":\"A\"}\n{\"lastname\":\"B\",\"mpl_leadscore\":\"500\"}\n{\"lastname\":\"C\"}\n{\"lastname\":\"D\"}";
        var (summary, output, simulator) = Run(new StringReader(input), new SimulationOptions { BatchSize = 3 });
        Assert.AreEqual(1, summary.FallbackBatches);
        CollectionAssert.AreEqual(new[] { 1, 3, 4 }, output.Leads.Select(l => l.Input).ToArray());
        Assert.AreEqual(2, output.Rejections.Single().Line);
        Assert.AreEqual(3, simulator.Dataverse.Query("lead").Count, "nothing of the failed CreateMultiple survives: only the retried leads");
        Assert.AreEqual(2, summary.CallerRequests["CreateMultiple"]);
        Assert.AreEqual(3, summary.CallerRequests["Create"]);
    }

    [TestMethod]
    [DataRow(false, 0)]
    [DataRow(true, LeadSimulator.ReadAheadRecords + LeadSimulator.OutputQueueLength)]
    public void Input_is_streamed_not_loaded(bool overlap, int queued)
    {
        const int lines = 5_000;
        const int batch = 100;
        var input = new GeneratedLeads(lines);
        var maxAhead = 0;
        var output = new RecordingOutput { OnLead = lead => maxAhead = Math.Max(maxAhead, input.LinesRead - lead.Input) };
        var (summary, _, _) = Run(input, new SimulationOptions { BatchSize = batch, Overlap = overlap }, output);
        Assert.AreEqual(lines, summary.Leads);
        Assert.AreEqual(lines, input.LinesRead);
        // Inline, the reader is at most one batch ahead of the output; overlapped, the two bounded queues (and what
        // each thread holds in hand: a batch, a taken queue) add to that.
        var bound = batch + 2 * queued;
        Assert.IsTrue(maxAhead < bound, "read at most " + bound + " lines ahead of the output, read " + maxAhead);
        Assert.AreEqual(lines / batch, output.Batches);
    }

    [TestMethod]
    public void Discard_starts_fresh_in_memory_Dataverses_keeping_one_lead_per_email_for_duplicate_matching()
    {
        // 2,500 leads over 500 addresses: every address comes back in later windows.
        var input = new StringReader(Rows(2_500, i => "customer" + (i % 500) + "@contoso.com"));
        var (summary, output, simulator) = Run(input, new SimulationOptions { BatchSize = 250, DiscardEvery = 1_000, PluginAssemblies = Array.Empty<System.Reflection.Assembly>(), Configure = StandIns.Register });
        Assert.AreEqual(2_500, summary.Leads);
        Assert.AreEqual(2, summary.Recycles);
        var stored = simulator.Dataverse.Query("lead");
        Assert.AreEqual(500 + 500, stored.Count, "the carried oldest lead per address plus the last window (leads 2001-2500)");
        Assert.AreEqual(500 + 500, simulator.Dataverse.Query(NurtureEnrollmentTable.LogicalName).Count, "carried leads come with their enrolment");
        Assert.AreEqual(0, simulator.Dataverse.Query("task").Count(t => t.GetAttributeValue<int>(TaskTable.Columns.NurtureStepNumber) > 0 && stored.All(l => l.Id != t.GetAttributeValue<EntityReference>("regardingobjectid").Id)),
            "activities are not carried over");
        var last = output.Leads.Single(l => l.Input == 2_500); // customer0, first seen on line 500
        Assert.AreEqual(500, last.DuplicateOf, "matched against a lead carried over from the first window");
        Assert.AreEqual(1, output.Leads.Single(l => l.Input == 2_001).DuplicateOf);
    }

    [TestMethod]
    public void Lead_ids_and_matches_do_not_depend_on_the_window()
    {
        // Every fresh store keeps the first one's organization, business unit and users, so only created rows take ids
        // from the sequence: the window (--discard) changes memory, not what a run prints.
        string Run(int? every)
        {
            var input = new StringReader(string.Join("\n", Enumerable.Range(1, 12).Select(i =>
                "{\"subject\":\"AppSource (SPZA)-PLT|contoso.offer1\",\"lastname\":\"Lead " + i + "\",\"emailaddress1\":\"customer" + (i % 4) + "@company.com\"}")));
            var (_, output, _) = SimulatorTests.Run(input, new SimulationOptions { DiscardEvery = every });
            return string.Join("\n", output.Leads.Select(l => l.Input + " " + l.LeadId + " " + l.Owner + " duplicate of " + l.DuplicateOf + ", " + l.NurtureSteps.Count + " steps"));
        }

        var keepAll = Run(null);
        StringAssert.Contains(keepAll, "duplicate of , 6 steps", "the first lead per address is enrolled");
        StringAssert.Contains(keepAll, "duplicate of 4, 0 steps", "lead 8 matches lead 4 (in a windowed run, carried over from an earlier window)");
        Assert.AreEqual(keepAll, Run(5));
        Assert.AreEqual(keepAll, Run(2));
    }

    [TestMethod]
    public void A_carried_lead_closed_in_a_later_window_stops_matching_and_the_open_duplicate_is_carried_instead()
    {
        // Three windows of 100 over the same 100 addresses. In the second, the odd leads ("Close ...") disqualify the
        // carried lead they duplicate, so the third window's leads of those addresses match the second window's lead.
        var input = new StringReader(string.Join("\n", Enumerable.Range(1, 300).Select(i =>
            "{\"lastname\":\"" + (i > 100 && i <= 200 && i % 2 == 1 ? "Close " : "Lead ") + i + "\",\"emailaddress1\":\"customer" + ((i - 1) % 100) + "@contoso.com\"}")));
        var (summary, output, _) = Run(input, new SimulationOptions
        {
            BatchSize = 50,
            DiscardEvery = 100,
            PluginAssemblies = Array.Empty<System.Reflection.Assembly>(),
            Configure = dataverse =>
            {
                StandIns.Register(dataverse);
                dataverse.RegisterStep<CloseDuplicatedLead>(new LeadPlugins.Plugins.Registration.PluginStepAttribute("Create", "lead",
                    LeadPlugins.Plugins.Registration.PipelineStage.PostOperation, LeadPlugins.Plugins.Registration.ExecutionMode.Synchronous));
            },
        });
        Assert.AreEqual(300, summary.Leads);
        Assert.AreEqual(3, summary.Recycles, "after every 100 leads, the last one included");
        Assert.AreEqual(1, output.Leads.Single(l => l.Input == 101).DuplicateOf, "the second window matches the carried first lead");
        Assert.AreEqual(101, output.Leads.Single(l => l.Input == 201).DuplicateOf, "lead 1 was disqualified in the second window: lead 101 is carried instead");
        Assert.AreEqual(2, output.Leads.Single(l => l.Input == 202).DuplicateOf, "lead 2 stayed open and carried");
        Assert.AreEqual(50, output.Leads.Count(l => l.Input > 200 && l.DuplicateOf > 100));
        Assert.AreEqual(100, summary.CarriedAddresses);
    }

    [TestMethod]
    public void Leads_are_read_back_with_labels_names_enrolment_activities_and_what_the_plugins_did()
    {
        // Stand-in plug-ins (see StandInPlugins.cs) write what the product's plug-ins will.
        var seed = SeedConfiguration.Load(Repo.TestData("seed-config.json"), Repo.Environment.Values);
        var input = Rows(3, i => i == 3 ? "LEAD1@contoso.com" : "lead" + i + "@contoso.com");
        var (_, output, _) = Run(new StringReader(input), new SimulationOptions { Seed = seed, Verbose = true, PluginAssemblies = Array.Empty<System.Reflection.Assembly>(), Configure = StandIns.Register });

        var first = output.Leads[0];
        Assert.AreEqual("AppSource", first.Storefront);
        Assert.AreEqual("Contact me", first.LeadAction);
        Assert.AreEqual("Enriched", first.EnrichmentStatus);
        Assert.AreEqual(75, first.Score);
        Assert.AreEqual("Hot", first.Rating);
        Assert.AreEqual(true, first.IsMarketplace);
        Assert.AreEqual("AppSource nurture 2026", first.Campaign, "the seeded campaign, by name");
        Assert.AreEqual("Avery AppSource", first.Owner, "the seeded default owner, by name");
        Assert.AreEqual("Stand-in sequence", first.NurtureSequence);
        Assert.AreEqual("Active", first.NurtureStatus);
        Assert.AreEqual(2, first.NurtureSteps.Count);
        Assert.AreEqual(new NurtureStep(1, "Phone call", "Call", new DateTime(2026, 3, 3, 17, 0, 0, DateTimeKind.Utc)), first.NurtureSteps[0]);
        Assert.AreEqual(new NurtureStep(2, "Task", "Qualify", new DateTime(2026, 3, 17, 17, 0, 0, DateTimeKind.Utc)), first.NurtureSteps[1]);
        Assert.AreEqual(2, first.PluginSteps.Count);
        Assert.AreEqual(nameof(StandInEnrichment), first.PluginSteps[0].Plugin);
        Assert.IsFalse(first.PluginSteps[0].Async);
        Assert.IsTrue(first.PluginSteps[1].Async);
        Assert.AreEqual(2 + 3, first.ServiceCalls, "enrichment: 2 RetrieveMultiple; nurture: 3 Creates");
        Assert.AreEqual(2, first.ServiceCallsByMessage["RetrieveMultiple"]);
        Assert.AreEqual(3, first.ServiceCallsByMessage["Create"]);
        CollectionAssert.Contains(first.Traces.ToList(), "StandInEnrichment: stand-in enrichment: score 75");
        CollectionAssert.Contains(first.Traces.ToList(), "StandInNurture: stand-in nurture: 2 steps");
        Assert.IsNull(first.DuplicateOf);

        Assert.AreEqual(1, output.Leads[2].DuplicateOf, "same address in another casing: the input line of the original");
        Assert.AreEqual(first.LeadId, output.Leads[2].DuplicateOfId);
    }

    [TestMethod]
    public void Traces_are_kept_only_when_verbose()
    {
        var (_, output, _) = Run(new StringReader(Rows(1)), new SimulationOptions { PluginAssemblies = Array.Empty<System.Reflection.Assembly>(), Configure = StandIns.Register });
        Assert.AreEqual(0, output.Leads[0].Traces.Count);
        Assert.AreEqual(2, output.Leads[0].PluginSteps.Count);
    }

    [TestMethod]
    public void The_product_assembly_is_registered_from_its_attributes()
    {
        var (summary, _, simulator) = Run(new StringReader(Rows(1)));
        var declared = typeof(LeadPlugins.Plugins.Execution.PluginBase).Assembly.GetTypes()
            .Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract)
            .Sum(t => t.GetCustomAttributes(typeof(LeadPlugins.Plugins.Registration.PluginStepAttribute), false).Length);
        Assert.AreEqual(declared, summary.RegisteredSteps);
        Assert.AreEqual(declared, simulator.Dataverse.Steps.Count);
    }
}

/// <summary>A lazily generated input: lead rows made on demand, counting how many lines were read.</summary>
internal sealed class GeneratedLeads : TextReader
{
    private readonly int _lines;

    public GeneratedLeads(int lines) { _lines = lines; }

    public int LinesRead { get; private set; }

    public override string? ReadLine()
    {
        if (LinesRead >= _lines) return null;
        LinesRead++;
        return "{\"subject\":\"AzureMarketplace-INS|contoso.offer" + (LinesRead % 50) + "\",\"lastname\":\"Lead " + LinesRead
            + "\",\"emailaddress1\":\"lead" + LinesRead + "@contoso" + (LinesRead % 500) + ".com\",\"address1_country\":\"US\"}";
    }

    private string _pending = string.Empty;
    private int _position;

    /// <summary>Characters as the reader asks for them (it reads blocks, not lines): a line is made only when the previous one is used up.</summary>
    public override int Read(char[] buffer, int index, int count)
    {
        if (_position >= _pending.Length)
        {
            var line = ReadLine();
            if (line == null) return 0;
            _pending = line + "\n";
            _position = 0;
        }
        var n = Math.Min(count, _pending.Length - _position);
        _pending.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }

    public override int Peek() => throw new NotSupportedException("block reader only");
    public override int Read() => throw new NotSupportedException("block reader only");
}
