using LeadPlugins.InMemory;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Reads a simulated lead back from one in-memory Dataverse session: the stored lead, its nurture enrolment and the
/// activities of either. Reads go straight to the store's hash index: reading results back is the simulator's
/// bookkeeping, not a request of the product, so it adds no round trips to the counts the run reports. The rows are
/// the stored ones themselves (PeekRow/PeekRows), only read, and nothing read is kept past the batch but values.
/// </summary>
internal sealed class StoredLeadReader
{
    private static readonly string[] ActivityTables = { "task", "phonecall", "email" };

    private readonly InMemoryDataverse _dataverse;
    private readonly ChoiceLabels _labels;
    private readonly Dictionary<Guid, string?> _names = new();
    private readonly Func<EntityReference?, string?> _nameOf; // NameOf as a delegate, made once
    // One lead's activities by id, and its steps before sorting: reused lead after lead.
    private readonly Dictionary<Guid, Entity> _activities = new();
    private readonly List<(NurtureStep Step, int Read)> _steps = new();
    // Which read-back queries this store's schema allows, by ActivityTables position: its tables and columns are fixed
    // for the session, so they are looked up once here, not for every lead.
    private readonly bool[] _activitiesByLead;
    private readonly bool[] _activitiesByEnrolment;
    private readonly bool _enrolmentsByLead;

    public StoredLeadReader(InMemoryDataverse dataverse, ChoiceLabels labels)
    {
        _dataverse = dataverse;
        _labels = labels;
        _nameOf = NameOf;
        _activitiesByLead = Array.ConvertAll(ActivityTables, table => HasColumn(table, "regardingobjectid"));
        _activitiesByEnrolment = Array.ConvertAll(ActivityTables, table => HasColumn(table, NurtureEnrollmentTable.Columns.NurtureEnrollmentId));
        _enrolmentsByLead = HasColumn(NurtureEnrollmentTable.LogicalName, NurtureEnrollmentTable.Columns.LeadId);
    }

    /// <summary>The lead's row, enrolment and activities; the ids of the rows read are added to <paramref name="related"/>.</summary>
    public StoredLeadRows ReadRows(Guid id, List<Guid> related)
    {
        object key = id; // boxed once for the seven index lookups
        var lead = _dataverse.PeekRow("lead", id) ?? new Entity("lead", id);
        var enrolment = Enrolment(key);
        object? enrolmentKey = enrolment?.Id;
        _activities.Clear();
        for (var t = 0; t < ActivityTables.Length; t++)
        {
            if (_activitiesByLead[t]) AddActivities(_dataverse.PeekRows(ActivityTables[t], "regardingobjectid", key));
            if (enrolmentKey != null && _activitiesByEnrolment[t])
                AddActivities(_dataverse.PeekRows(ActivityTables[t], NurtureEnrollmentTable.Columns.NurtureEnrollmentId, enrolmentKey));
        }
        if (enrolment != null) related.Add(enrolment.Id);
        related.AddRange(_activities.Keys);
        return new StoredLeadRows(lead, enrolment, Steps());
    }

    private void AddActivities(IReadOnlyList<Entity> activities)
    {
        for (var i = 0; i < activities.Count; i++) _activities[activities[i].Id] = activities[i];
    }

    /// <summary>The lead as read back, with what the plug-ins did for it.</summary>
    public SimulatedLead Read(InputRecord record, StoredLeadRows rows, IReadOnlyDictionary<Guid, int> lineById, LeadRuns runs, int batchCalls)
    {
        var (lead, enrolment, steps) = rows;
        var duplicate = lead.ColumnValue<EntityReference>(LeadTable.Columns.DuplicateOf);
        return new SimulatedLead(lead, _labels, _nameOf)
        {
            Input = record.Line,
            DuplicateOf = duplicate != null && lineById.TryGetValue(duplicate.Id, out var line) ? line : null,
            NurtureSequence = enrolment?.ColumnValue<string>(NurtureEnrollmentTable.Columns.SequenceName) ?? NameOf(enrolment?.ColumnValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId)),
            NurtureStatus = enrolment == null ? null : _labels.Label(enrolment, NurtureEnrollmentTable.Columns.Status),
            NurtureReason = enrolment?.ColumnValue<string>(NurtureEnrollmentTable.Columns.Reason),
            NurtureSteps = steps,
            Notes = record.Notes,
            PluginSteps = runs.Steps,
            ServiceCalls = runs.ServiceCalls,
            ServiceCallsByMessage = runs.CallsByMessage,
            BatchServiceCalls = batchCalls,
            Traces = runs.Traces,
        };
    }

    /// <summary>The activities read as steps, by step order, then due date, then subject, then as read (a stable sort).</summary>
    private List<NurtureStep> Steps()
    {
        var steps = _steps;
        steps.Clear();
        foreach (var a in _activities.Values)
            steps.Add((new NurtureStep(a.ColumnValue<int?>(TaskTable.Columns.NurtureStepNumber), ActivityType(a.LogicalName), a.ColumnValue<string>("subject"), a.ColumnValue<DateTime?>("scheduledend")), steps.Count));
        steps.Sort(static (x, y) =>
        {
            var order = (x.Step.Order ?? int.MaxValue).CompareTo(y.Step.Order ?? int.MaxValue);
            if (order != 0) return order;
            var due = (x.Step.Due ?? DateTime.MaxValue).CompareTo(y.Step.Due ?? DateTime.MaxValue);
            if (due != 0) return due;
            var subject = string.CompareOrdinal(x.Step.Subject, y.Step.Subject);
            return subject != 0 ? subject : x.Read.CompareTo(y.Read);
        });
        var sorted = new List<NurtureStep>(steps.Count);
        foreach (var (step, _) in steps) sorted.Add(step);
        return sorted;
    }

    /// <summary>The lead's first nurture enrolment, if any.</summary>
    public Entity? Enrolment(Guid leadId) => Enrolment((object)leadId);

    private Entity? Enrolment(object leadKey)
    {
        if (!_enrolmentsByLead) return null;
        var enrolments = _dataverse.PeekRows(NurtureEnrollmentTable.LogicalName, NurtureEnrollmentTable.Columns.LeadId, leadKey);
        return enrolments.Count > 0 ? enrolments[0] : null;
    }

    private static string ActivityType(string table) => table switch
    {
        "phonecall" => "Phone call",
        "email" => "E-mail",
        _ => "Task",
    };

    /// <summary>Whether this store has the table and column (PeekRows throws for a missing one).</summary>
    private bool HasColumn(string table, string column) => _dataverse.Schema.FindTable(table)?.FindColumn(column) != null;

    /// <summary>A lookup's name: the reference's own, else the related row's primary name (remembered for the session).</summary>
    private string? NameOf(EntityReference? reference)
    {
        if (reference == null) return null;
        if (!string.IsNullOrEmpty(reference.Name)) return reference.Name;
        if (_names.TryGetValue(reference.Id, out var known)) return known;
        var table = _dataverse.Schema.FindTable(reference.LogicalName);
        var row = table == null ? null : _dataverse.PeekRow(reference.LogicalName, reference.Id);
        var name = table?.PrimaryName is { } primary ? row?.ColumnValue<string>(primary) : null;
        name ??= reference.LogicalName + " " + reference.Id.ToString("D");
        if (_names.Count < 10_000) _names[reference.Id] = name;
        return name;
    }
}
