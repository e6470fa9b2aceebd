using LeadPlugins.InMemory;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// Reads a simulated lead back from one in-memory Dataverse session: the stored lead, its nurture enrolment and the
/// activities of either. Reads go straight to the store's hash index: reading results back is the simulator's
/// bookkeeping, not a request of the product, so it adds no round trips to the counts the run reports. The rows are
/// the stored ones themselves (PeekRow/PeekRows), only read, and nothing read is kept but values.
/// </summary>
internal sealed class StoredLeadReader
{
    private static readonly string[] ActivityTables = { "task", "phonecall", "email" };

    private readonly InMemoryDataverse _dataverse;
    private readonly ChoiceLabels _labels;
    private readonly Dictionary<Guid, string?> _names = new();

    public StoredLeadReader(InMemoryDataverse dataverse, ChoiceLabels labels)
    {
        _dataverse = dataverse;
        _labels = labels;
    }

    /// <summary>The lead with its enrolment and activities; the ids of the rows read are added to <paramref name="related"/>.</summary>
    public SimulatedLead Read(InputRecord record, Guid id, List<Guid> related, IReadOnlyDictionary<Guid, int> lineById)
    {
        var lead = _dataverse.PeekRow("lead", id) ?? new Entity("lead", id);
        var enrolment = Enrolment(id);
        var activities = new Dictionary<Guid, Entity>();
        foreach (var table in ActivityTables)
        {
            foreach (var activity in Query(table, "regardingobjectid", id)) activities[activity.Id] = activity;
            if (enrolment != null)
                foreach (var activity in Query(table, NurtureEnrollmentTable.Columns.NurtureEnrollmentId, enrolment.Id)) activities[activity.Id] = activity;
        }
        if (enrolment != null) related.Add(enrolment.Id);
        related.AddRange(activities.Keys);

        var duplicate = lead.GetAttributeValue<EntityReference>(LeadTable.Columns.DuplicateOf);
        return SimulatedLead.FromLeadRow(lead, _labels, NameOf) with
        {
            Input = record.Line,
            DuplicateOf = duplicate != null && lineById.TryGetValue(duplicate.Id, out var line) ? line : null,
            NurtureSequence = enrolment?.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.SequenceName) ?? NameOf(enrolment?.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId)),
            NurtureStatus = enrolment == null ? null : _labels.Label(enrolment, NurtureEnrollmentTable.Columns.Status),
            NurtureReason = enrolment?.GetAttributeValue<string>(NurtureEnrollmentTable.Columns.Reason),
            NurtureSteps = Steps(activities.Values),
            Notes = record.Notes,
        };
    }

    /// <summary>The activities as steps, by step order, then due date, then subject, then as read (a stable sort).</summary>
    private static List<NurtureStep> Steps(IEnumerable<Entity> activities)
    {
        var steps = new List<(NurtureStep Step, int Read)>();
        foreach (var a in activities)
            steps.Add((new NurtureStep(a.GetAttributeValue<int?>(TaskTable.Columns.NurtureStepNumber), ActivityType(a.LogicalName), a.GetAttributeValue<string>("subject"), a.GetAttributeValue<DateTime?>("scheduledend")), steps.Count));
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
    public Entity? Enrolment(Guid leadId) => Query(NurtureEnrollmentTable.LogicalName, NurtureEnrollmentTable.Columns.LeadId, leadId).FirstOrDefault();

    private static string ActivityType(string table) => table switch
    {
        "phonecall" => "Phone call",
        "email" => "E-mail",
        _ => "Task",
    };

    private IEnumerable<Entity> Query(string table, string column, Guid id)
    {
        if (_dataverse.Schema.FindTable(table)?.FindColumn(column) == null) return Array.Empty<Entity>();
        return _dataverse.PeekRows(table, column, id);
    }

    /// <summary>A lookup's name: the reference's own, else the related row's primary name (remembered for the session).</summary>
    private string? NameOf(EntityReference? reference)
    {
        if (reference == null) return null;
        if (!string.IsNullOrEmpty(reference.Name)) return reference.Name;
        if (_names.TryGetValue(reference.Id, out var known)) return known;
        var table = _dataverse.Schema.FindTable(reference.LogicalName);
        var row = table == null ? null : _dataverse.PeekRow(reference.LogicalName, reference.Id);
        var name = table?.PrimaryName is { } primary ? row?.GetAttributeValue<string>(primary) : null;
        name ??= reference.LogicalName + " " + reference.Id.ToString("D");
        if (_names.Count < 10_000) _names[reference.Id] = name;
        return name;
    }
}
