using System.Diagnostics;
using System.ServiceModel;
using LeadPlugins.InMemory;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Runs leads through the real plug-ins in the in-memory Dataverse: each lead is created through the organization
/// service (Create, or CreateMultiple batches), async jobs are drained, and the stored lead, its enrolment and its
/// activities are read back. Input is streamed; results go to the output as each batch finishes.
/// </summary>
public sealed class LeadSimulator
{
    private const int MaxRejectedLinesKept = 20;
    // Bounds of the overlap: records parsed ahead, and leads (or rejections) waiting to be written.
    internal const int ReadAheadRecords = 256;
    internal const int OutputQueueLength = 1024;

    private readonly SimulationEnvironment _environment;
    private readonly SimulationOptions _options;
    private readonly SeedConfiguration _seed;
    private readonly SequentialIds _ids = new();
    private readonly SimulationSummary _summary = new();
    // The plug-in assemblies' step declarations, read once: every fresh store registers them again.
    private readonly IReadOnlyList<PluginCatalog> _catalogs;

    // Lead id -> input line, for duplicateOf (with DiscardEvery: the current window's leads and the carried ones).
    private readonly Dictionary<Guid, int> _lineById = new();
    // DiscardEvery only: e-mail key -> the oldest open lead with it, and the leads of the current window.
    private readonly Dictionary<string, CarriedLead> _carried = new(StringComparer.Ordinal);
    // Keys of the carried leads seeded into the current session: Recycle looks at these, not at all 90,000 addresses.
    private readonly List<string> _seededThisSession = new();
    private readonly List<(Guid Id, int Line)> _window = new();
    // RunBatch's row id -> lead index in the batch, and one lead's row ids: reused batch after batch.
    private readonly Dictionary<Guid, int> _owners = new();
    private readonly List<Guid> _related = new();

    private InMemoryDataverse _dataverse = null!;
    // The first store's organization, business unit and users: every fresh store keeps them, as one organization does,
    // so a created row's id does not depend on the window (--discard).
    private SystemRowIds? _systemRowIds;
    private int _session;
    private IOrganizationService _service = null!;
    private int _auditIndex;
    private StoredLeadReader _reader = null!;

    public LeadSimulator(SimulationEnvironment environment, SimulationOptions options)
    {
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "BatchSize must be at least 1");
        if (options.DiscardEvery is < 1) throw new ArgumentOutOfRangeException(nameof(options), "DiscardEvery must be at least 1");
        _environment = environment;
        _options = options;
        _seed = options.Seed ?? SeedConfiguration.Default(environment.Values);
        _catalogs = options.PluginAssemblies.Select(PluginCatalog.Of).ToList();
    }

    /// <summary>The in-memory Dataverse in use (the latest one when leads are discarded).</summary>
    public InMemoryDataverse Dataverse => _dataverse;

    public SimulationSummary Summary => _summary;

    /// <summary>Runs every record of already-decoded text (tests, other tools). Throws <see cref="UnusableInputException"/> when the input cannot be used at all.</summary>
    public SimulationSummary Run(TextReader input, ISimulationOutput output, Action<int>? progress = null)
        => Run(reader => reader.Read(input, _options.Format, format => _summary.Format = format), output, progress);

    /// <summary>Runs every record of an input file or pipe (encoding, format and xlsx detected from its bytes).</summary>
    public SimulationSummary Run(Stream input, ISimulationOutput output, Action<int>? progress = null)
        => Run(reader => reader.Read(input, _options.Format, format => _summary.Format = format), output, progress);

    private SimulationSummary Run(Func<LeadInput, IEnumerable<InputRecord>> read, ISimulationOutput output, Action<int>? progress)
    {
        var clock = Stopwatch.StartNew();
        if (_options.Overlap)
        {
            // Reading and writing run on threads of their own; warnings and progress go to the output thread behind
            // the leads handed over before them, so everything appears in the order it would inline.
            using var background = new BackgroundOutput(output, OutputQueueLength);
            using var ahead = new ReadAhead(ReadAheadRecords);
            var reader = NewReader(ahead.Warn);
            // Reading starts before the first store: the first records are parsed while it starts up, where the
            // simulating thread used to wait for them (~20 ms). A reading failure still surfaces at the first record.
            ahead.Start(() => read(reader));
            StartFirstSession(clock);
            var print = _options.Input.Warn;
            var records = ahead.Records(Counted(print == null ? null : message => background.Post(() => print(message))));
            RunRecords(records, background, progress == null ? null : count => background.Post(() => progress(count)));
            background.Complete();
        }
        else
        {
            StartFirstSession(clock);
            RunRecords(read(NewReader(Counted(_options.Input.Warn))), output, progress);
        }
        EndSession();
        _summary.Elapsed = clock.Elapsed;
        SampleMemory();
        using var process = Process.GetCurrentProcess();
        _summary.PeakWorkingSet = process.PeakWorkingSet64;
        return _summary;
    }

    private void StartFirstSession(Stopwatch clock)
    {
        var started = clock.Elapsed;
        StartSession();
        _summary.Setup = clock.Elapsed - started;
        _summary.RegisteredSteps = _dataverse.Steps.Count;
    }

    /// <summary>Counts each reader warning in the summary (on the simulating thread), then shows it.</summary>
    private Action<string> Counted(Action<string>? show) => message =>
    {
        _summary.Warnings.Add(message);
        show?.Invoke(message);
    };

    private LeadInput NewReader(Action<string> warn) => new(_environment.Values, new InputOptions
    {
        MaxLineBytes = _options.Input.MaxLineBytes,
        MaxColumns = _options.Input.MaxColumns,
        Delimiter = _options.Input.Delimiter,
        Encoding = _options.Input.Encoding,
        HeaderMap = _options.Input.HeaderMap,
        Warn = warn,
    }, _environment.Solution);

    private void RunRecords(IEnumerable<InputRecord> records, ISimulationOutput output, Action<int>? progress)
    {
        var batch = new List<InputRecord>(_options.BatchSize);
        foreach (var record in records)
        {
            batch.Add(record);
            if (batch.Count < _options.BatchSize) continue;
            RunBatch(batch, output);
            batch.Clear();
            progress?.Invoke(_summary.Records);
        }
        if (batch.Count > 0)
        {
            RunBatch(batch, output);
            progress?.Invoke(_summary.Records);
        }
    }

    // ---------- sessions (one in-memory Dataverse each) ----------

    private void StartSession()
    {
        var dataverse = new InMemoryDataverse(new InMemoryDataverseOptions
        {
            Clock = () => _options.Now,
            IdGenerator = _ids.Next, // one sequence across sessions: creation order breaks createdon ties
            SchemaSource = _environment.SchemaSource,
            SystemRowIds = _systemRowIds,
        });
        _systemRowIds = dataverse.SystemRowIds;
        foreach (var catalog in _catalogs) dataverse.RegisterPluginAssembly(catalog);
        dataverse.Seed(_seed.Rows.ToArray());
        _options.Configure?.Invoke(dataverse);
        _session++;
        _dataverse = dataverse;
        _service = dataverse.GetOrganizationService(_seed.CallerId);
        _auditIndex = dataverse.Audit.Count;
        _reader = new StoredLeadReader(dataverse, _environment.Labels);
    }

    private void EndSession()
    {
        foreach (var (message, count) in _dataverse.Counters.ByMessageFromCaller) Add(_summary.CallerRequests, message, count);
        foreach (var (message, count) in _dataverse.Counters.ByMessageFromPlugins) Add(_summary.PluginRequests, message, count);
        _summary.FailedAsyncJobs += _dataverse.AsyncJobs.Count(j => j.Status == AsyncJobStatus.Failed);
    }

    /// <summary>
    /// Replaces the in-memory Dataverse: its rows, audit, traces and async jobs go. Per e-mail address the oldest open
    /// lead stays known (a few hundred bytes: what duplicate matching reads, and its enrolment) and is seeded again
    /// only when a later lead with that address arrives (<see cref="SeedCarriedLeads"/>).
    /// </summary>
    private void Recycle()
    {
        // Only the carried leads seeded in this session can have changed; the others were never in this store.
        foreach (var key in _seededThisSession)
        {
            var carried = _carried[key];
            var lead = _dataverse.PeekRow("lead", carried.Id);
            if (!IsOpen(lead)) _carried.Remove(key); // closed leads no longer match
            else carried.Refresh(_dataverse);
        }
        _seededThisSession.Clear();
        foreach (var (id, line) in _window)
        {
            var row = _dataverse.PeekRow("lead", id);
            var key = EmailKey(row?.ColumnValue<string>("emailaddress1"));
            if (row == null || key == null || !IsOpen(row) || _carried.ContainsKey(key)) continue;
            _carried[key] = new CarriedLead(row, line, _reader.Enrolment(id));
        }
        EndSession();
        _window.Clear();
        _lineById.Clear();
        _dataverse = null!; // let the old store go before the new one fills
        _reader = null!;
        _service = null!;
        StartSession();
        _summary.Recycles++;
        _summary.CarriedAddresses = _carried.Count;
    }

    /// <summary>Puts back the carried lead (and enrolment) of every address in the batch, before the batch is created.</summary>
    private void SeedCarriedLeads(List<InputRecord> batch)
    {
        List<Entity>? rows = null;
        foreach (var record in batch)
        {
            var key = EmailKey(record.Lead?.ColumnValue<string>("emailaddress1"));
            if (key == null || !_carried.TryGetValue(key, out var carried) || carried.SeededIn == _session) continue;
            carried.SeededIn = _session;
            _seededThisSession.Add(key);
            _lineById[carried.Id] = carried.Line;
            (rows ??= new List<Entity>()).AddRange(carried.ToRows());
        }
        if (rows != null) _dataverse.Seed(rows.ToArray());
    }

    private static bool IsOpen(Entity? lead) => lead != null && (lead.ColumnValue<OptionSetValue>("statecode")?.Value ?? 0) == 0;

    private static string? EmailKey(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToLowerInvariant();
    }

    // ---------- batches ----------

    private void RunBatch(List<InputRecord> batch, ISimulationOutput output)
    {
        _summary.Batches++;
        _summary.Records += batch.Count;
        var ids = new Guid?[batch.Count];
        var errors = new string?[batch.Count];
        for (var i = 0; i < batch.Count; i++) errors[i] = batch[i].Error;

        if (_options.DiscardEvery != null) SeedCarriedLeads(batch);
        if (_options.BatchSize > 1) CreateMultiple(batch, ids, errors);
        else CreateOneByOne(batch, ids, errors);
        DrainAsync();

        for (var i = 0; i < batch.Count; i++)
            if (ids[i] is { } id)
            {
                _lineById[id] = batch[i].Line;
                if (_options.DiscardEvery != null) _window.Add((id, batch[i].Line));
            }

        // The batch's rows first (each row's id -> its lead's index), then the step executions they own.
        var rows = new StoredLeadRows?[batch.Count];
        _owners.Clear();
        for (var i = 0; i < batch.Count; i++)
        {
            if (ids[i] is not { } id) continue;
            _related.Clear();
            _related.Add(id);
            rows[i] = _reader.ReadRows(id, _related);
            foreach (var rowId in _related) _owners[rowId] = i;
        }
        var (runs, batchCalls) = AttributeSteps(batch.Count, _owners);
        var leads = new SimulatedLead?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
            if (rows[i] is { } found) leads[i] = _reader.Read(batch[i], found, _lineById, runs[i], batchCalls);
        if (_options.DiscardEvery != null)
        {
            // The batch's executions are read: a windowed run forgets them so they never reach the older GC generations.
            _dataverse.ForgetHistory();
            _auditIndex = _dataverse.Audit.Count;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (leads[i] is { } lead)
            {
                _summary.Leads++;
                output.Lead(lead);
            }
            else
            {
                _summary.Rejected++;
                if (_summary.RejectedLines.Count < MaxRejectedLinesKept) _summary.RejectedLines.Add(batch[i].Line);
                output.Rejected(batch[i].Line, errors[i] ?? "not created");
            }
        }
        output.EndBatch();
        SampleMemory();
        if (_options.DiscardEvery is { } every && _window.Count >= every) Recycle();
    }

    /// <summary>Runs the async jobs; a harness gap in one job is noted and the others still run.</summary>
    private void DrainAsync()
    {
        while (_dataverse.PendingAsyncJobs > 0)
        {
            try
            {
                _dataverse.DrainAsync();
            }
            catch (NotSupportedException notSimulated)
            {
                if (_summary.HarnessGaps.Count < MaxRejectedLinesKept) _summary.HarnessGaps.Add("async step: " + notSimulated.Message);
            }
        }
    }

    private void CreateOneByOne(List<InputRecord> batch, Guid?[] ids, string?[] errors)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Lead is not { } lead) continue;
            try
            {
                ids[i] = _service.Create(lead);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                errors[i] = Reason(fault);
            }
            catch (NotSupportedException notSimulated)
            {
                errors[i] = "not simulated by the in-memory Dataverse: " + notSimulated.Message;
            }
        }
    }

    private void CreateMultiple(List<InputRecord> batch, Guid?[] ids, string?[] errors)
    {
        var indexes = Enumerable.Range(0, batch.Count).Where(i => batch[i].Lead != null).ToList();
        if (indexes.Count == 0) return;
        var targets = new EntityCollection(indexes.Select(i => batch[i].Lead!).ToList()) { EntityName = "lead" };
        try
        {
            var response = (CreateMultipleResponse)_service.Execute(new CreateMultipleRequest { Targets = targets });
            for (var k = 0; k < indexes.Count; k++) ids[indexes[k]] = response.Ids[k];
        }
        catch (Exception e) when (e is FaultException<OrganizationServiceFault> or NotSupportedException)
        {
            // CreateMultiple is all or nothing: find the bad leads one Create at a time and still create the others.
            _summary.FallbackBatches++;
            _auditIndex = _dataverse.Audit.Count;
            CreateOneByOne(batch, ids, errors);
        }
    }

    private static string Reason(FaultException<OrganizationServiceFault> fault)
    {
        var detail = fault.Detail;
        return "rejected by Dataverse (" + detail.ErrorCode.ToString("X8", System.Globalization.CultureInfo.InvariantCulture) + "): " + (detail.Message ?? fault.Message);
    }

    // ---------- what the plug-ins did ----------

    /// <summary>Attributes the batch's step executions to its leads by the execution's primary row (lead, enrolment or activity).</summary>
    private (LeadRuns[] Runs, int BatchCalls) AttributeSteps(int count, Dictionary<Guid, int> owners)
    {
        var runs = new LeadRuns[count];
        for (var i = 0; i < count; i++) runs[i] = new LeadRuns();
        var batchCalls = 0;
        var audit = _dataverse.Audit;
        for (var a = _auditIndex; a < audit.Count; a++)
        {
            var execution = audit[a];
            _summary.StepExecutions++;
            if (execution.Outcome == StepOutcome.Failed) _summary.FailedStepExecutions++;
            if (execution.PrimaryEntityId == Guid.Empty)
            {
                batchCalls += execution.ServiceCalls; // a step on CreateMultiple ran once for the whole batch
                continue;
            }
            if (!owners.TryGetValue(execution.PrimaryEntityId, out var index)) continue;
            var run = runs[index];
            run.Add(new PluginRun(execution.PluginType.Name, execution.MessageName, execution.PrimaryEntityName, execution.Stage,
                execution.Mode == 1, OutcomeName(execution.Outcome), execution.ServiceCalls, execution.Error));
            foreach (var (message, calls) in execution.ServiceCallsByMessage) Add(run.CallsByMessage, message, calls);
            if (_options.Verbose)
                foreach (var trace in execution.Traces) run.Traces.Add(execution.PluginType.Name + ": " + trace);
        }
        _auditIndex = audit.Count;
        return (runs, batchCalls);
    }

    /// <summary>The outcome's name without boxing it (Enum.ToString boxes the value on every step).</summary>
    private static string OutcomeName(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Succeeded => nameof(StepOutcome.Succeeded),
        StepOutcome.Failed => nameof(StepOutcome.Failed),
        _ => outcome.ToString(),
    };

    private void SampleMemory()
    {
        var heap = GC.GetTotalMemory(false);
        if (heap > _summary.PeakManagedHeap) _summary.PeakManagedHeap = heap;
    }

    private static void Add(Dictionary<string, int> map, string key, int count) => map[key] = (map.TryGetValue(key, out var n) ? n : 0) + count;
}
