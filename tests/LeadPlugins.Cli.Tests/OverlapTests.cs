using System.Text;
using System.Text.RegularExpressions;
using LeadPlugins.Cli.Simulation;
using Newtonsoft.Json;

namespace LeadPlugins.Cli.Tests;

/// <summary>
/// The simulator reads input and writes output on threads of their own (SimulationOptions.Overlap): a run hands out the
/// same leads, rejections, warnings and progress, in the same order, and fails the same way as a run on one thread.
/// </summary>
[TestClass]
public sealed class OverlapTests
{
    private static readonly Regex TraceTiming = new(@"\[\+\d+ms\]|correlation [0-9a-f-]{36}", RegexOptions.Compiled);

    /// <summary>Everything a run hands out, as one ordered list of events.</summary>
    private sealed class EventLog : ISimulationOutput
    {
        public List<string> Events { get; } = new();
        public int FailAtLead { get; init; }
        private int _leads;

        public void Lead(SimulatedLead lead)
        {
            if (++_leads == FailAtLead) throw new IOException("pipe closed");
            Events.Add("lead " + TraceTiming.Replace(JsonConvert.SerializeObject(lead with { LeadId = Guid.Empty }), "X"));
        }

        public void Rejected(int line, string reason) => Events.Add("rejected " + line + ": " + reason);
        public void EndBatch() => Events.Add("end of batch");
        public void Warn(string message) => Events.Add("warning " + message);
        public void Progress(int records) => Events.Add("progress " + records);
    }

    private static (EventLog Log, SimulationSummary Summary) Run(byte[] input, bool overlap, int batchSize = 7, EventLog? log = null)
    {
        log ??= new EventLog();
        var simulator = new LeadSimulator(Repo.Environment, new SimulationOptions
        {
            Now = Repo.Now,
            BatchSize = batchSize,
            Overlap = overlap,
            Input = new InputOptions { Warn = log.Warn },
        });
        var summary = simulator.Run(new MemoryStream(input), log, log.Progress);
        return (log, summary);
    }

    private static void AssertSameRun(byte[] input, string name)
    {
        var (inline, inlineSummary) = Run(input, overlap: false);
        var (overlapped, overlappedSummary) = Run(input, overlap: true);
        CollectionAssert.AreEqual(inline.Events, overlapped.Events, name + ": same events in the same order");
        CollectionAssert.AreEqual(inlineSummary.Warnings, overlappedSummary.Warnings, name);
        Assert.AreEqual(inlineSummary.Leads, overlappedSummary.Leads, name);
        Assert.AreEqual(inlineSummary.Rejected, overlappedSummary.Rejected, name);
        Assert.AreEqual(inlineSummary.Format, overlappedSummary.Format, name);
        CollectionAssert.AreEquivalent(inlineSummary.CallerRequests.ToList(), overlappedSummary.CallerRequests.ToList(), name);
        CollectionAssert.AreEquivalent(inlineSummary.PluginRequests.ToList(), overlappedSummary.PluginRequests.ToList(), name);
    }

    [TestMethod]
    public void Every_sample_gives_the_same_leads_rejections_and_progress_in_the_same_order()
    {
        var samples = Directory.GetFiles(Repo.Samples).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).ToList();
        Assert.IsTrue(samples.Count >= 5, "the samples are there");
        foreach (var sample in samples) AssertSameRun(File.ReadAllBytes(sample), Path.GetFileName(sample));
    }

    [TestMethod]
    public void Reader_warnings_come_out_where_they_came_between_the_leads()
    {
        // Windows-1252 bytes (not UTF-8) and a key no column has: the reader warns at the start and at the end.
        var rows = string.Join("\n", Enumerable.Range(1, 20).Select(i => "{\"lastname\":\"Caf\u00e9 " + i + "\",\"emailaddress1\":\"lead" + i + "@contoso.com\",\"favouritecolour\":\"blue\"}"));
        var input = Encoding.Latin1.GetBytes(rows);
        var (overlapped, summary) = Run(input, overlap: true);
        Assert.AreEqual(2, summary.Warnings.Count, string.Join(" | ", summary.Warnings));
        var warnings = overlapped.Events.Select((e, i) => (e, i)).Where(x => x.e.StartsWith("warning ", StringComparison.Ordinal)).Select(x => x.i).ToArray();
        Assert.AreEqual(0, warnings[0], "the encoding assumption comes before any lead");
        Assert.IsTrue(warnings[1] > overlapped.Events.FindLastIndex(e => e.StartsWith("lead ", StringComparison.Ordinal)) - 7, "the unknown-key warning comes when reading ends, before the last batch runs");
        AssertSameRun(input, "windows-1252 csv");
    }

    [TestMethod]
    public void A_failing_input_stops_the_run_with_its_exception_after_the_same_leads()
    {
        var lines = string.Join("\n", Enumerable.Range(1, 1_000).Select(i => "{\"lastname\":\"Lead " + i + "\",\"emailaddress1\":\"lead" + i + "@contoso.com\"}"));
        var bytes = Encoding.UTF8.GetBytes(lines);
        EventLog inline = new(), overlapped = new();
        var inlineError = Assert.ThrowsExactly<IOException>(() => RunFailing(bytes, false, inline));
        var overlappedError = Assert.ThrowsExactly<IOException>(() => RunFailing(bytes, true, overlapped));
        Assert.AreEqual(inlineError.Message, overlappedError.Message);
        Assert.IsTrue(inline.Events.Count(e => e.StartsWith("lead ", StringComparison.Ordinal)) > 0, "leads before the failure were run");
        CollectionAssert.AreEqual(inline.Events, overlapped.Events, "the leads read before the failure, and nothing after it");

        static void RunFailing(byte[] bytes, bool overlap, EventLog log)
        {
            // A given encoding: the reader does not check the whole stream for UTF-8 first.
            var options = new SimulationOptions { Now = Repo.Now, BatchSize = 10, Overlap = overlap, Input = new InputOptions { Encoding = Encoding.UTF8 } };
            var simulator = new LeadSimulator(Repo.Environment, options);
            simulator.Run(new FailingStream(bytes, failAt: bytes.Length / 2), log);
        }
    }

    [TestMethod]
    public void A_failing_output_stops_the_run_with_its_exception()
    {
        var lines = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(1, 50).Select(i => "{\"lastname\":\"Lead " + i + "\"}")));
        foreach (var overlap in new[] { false, true })
        {
            var log = new EventLog { FailAtLead = 3 };
            var error = Assert.ThrowsExactly<IOException>(() => Run(lines, overlap, batchSize: 5, log: log));
            Assert.AreEqual("pipe closed", error.Message);
            Assert.AreEqual(2, log.Events.Count(e => e.StartsWith("lead ", StringComparison.Ordinal)), "nothing is written after the failure (overlap " + overlap + ")");
        }
    }

    [TestMethod]
    [Timeout(20_000)]
    public void Stopping_early_ends_the_reading_thread()
    {
        var produced = 0;
        IEnumerable<InputRecord> Endless()
        {
            for (var line = 1; ; line++)
            {
                Interlocked.Increment(ref produced);
                yield return InputRecord.Ok(line, new Microsoft.Xrm.Sdk.Entity("lead"));
            }
        }
        var warnings = new List<string>();
        var ahead = new ReadAhead(capacity: 16);
        ahead.Start(Endless);
        var firstFive = ahead.Records(warnings.Add).Take(5).Select(r => r.Line).ToArray();
        ahead.Dispose();
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5 }, firstFive);
        var after = Volatile.Read(ref produced);
        Thread.Sleep(100);
        Assert.AreEqual(after, Volatile.Read(ref produced), "the reading thread stopped");
        Assert.IsTrue(after <= 2 * 16 + 1, "read at most the queue's capacity ahead (and what the consumer took), read " + after);
    }

    [TestMethod]
    [Timeout(20_000)]
    public void A_reader_that_throws_OperationCanceledException_itself_is_not_taken_for_an_early_stop()
    {
        IEnumerable<InputRecord> TwoThenCancelled()
        {
            yield return InputRecord.Ok(1, new Microsoft.Xrm.Sdk.Entity("lead"));
            yield return InputRecord.Ok(2, new Microsoft.Xrm.Sdk.Entity("lead"));
            throw new OperationCanceledException("the reader's own");
        }
        using var ahead = new ReadAhead(capacity: 16);
        ahead.Start(TwoThenCancelled);
        var lines = new List<int>();
        var error = Assert.ThrowsExactly<OperationCanceledException>(() =>
        {
            foreach (var record in ahead.Records(_ => { })) lines.Add(record.Line);
        });
        Assert.AreEqual("the reader's own", error.Message);
        CollectionAssert.AreEqual(new[] { 1, 2 }, lines, "the records before it, then its exception, not a quiet end");
    }

    [TestMethod]
    [Timeout(20_000)]
    public void The_hand_over_keeps_order_and_its_bound()
    {
        var handoff = new Handoff<int>(capacity: 4, wakeAt: 3, patience: TimeSpan.FromMilliseconds(5));
        var producer = new Thread(() =>
        {
            for (var i = 1; i <= 1_000; i++) handoff.Add(i);
            handoff.Complete();
        });
        producer.Start();
        var received = new List<int>();
        var largest = 0;
        var taken = new List<int>();
        while (handoff.TakeAll(ref taken))
        {
            largest = Math.Max(largest, taken.Count);
            received.AddRange(taken);
            taken.Clear();
        }
        producer.Join();
        CollectionAssert.AreEqual(Enumerable.Range(1, 1_000).ToList(), received);
        Assert.IsTrue(largest <= 4, "never more than the capacity queued, took " + largest);
        Assert.ThrowsExactly<OperationCanceledException>(() =>
        {
            handoff.Cancel();
            handoff.Add(1);
        });
    }

    /// <summary>A stream that fails (as a broken pipe or a vanished file does) once <c>failAt</c> bytes are read.</summary>
    private sealed class FailingStream : MemoryStream
    {
        private readonly int _failAt;

        public FailingStream(byte[] bytes, int failAt) : base(bytes) { _failAt = failAt; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= _failAt) throw new IOException("input vanished");
            return base.Read(buffer, offset, (int)Math.Min(count, _failAt - Position));
        }

        public override int Read(Span<byte> buffer)
        {
            if (Position >= _failAt) throw new IOException("input vanished");
            return base.Read(buffer[..(int)Math.Min(buffer.Length, _failAt - Position)]);
        }
    }
}
