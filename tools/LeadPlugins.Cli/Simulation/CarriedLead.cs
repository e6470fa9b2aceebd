using LeadPlugins.InMemory;
using LeadPlugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Cli.Simulation;

/// <summary>
/// The oldest open lead of one e-mail address, kept across fresh in-memory Dataverses with only what duplicate
/// matching reads (id, e-mail, created on, action, owner, open state) and its enrolment (status, sequence).
/// </summary>
internal sealed class CarriedLead
{
    private readonly string _email;
    private readonly DateTime _createdOn;
    private readonly int? _action;
    private readonly string? _ownerTable;
    private readonly Guid _ownerId;
    private Guid? _enrolmentId;
    private string? _enrolmentName;
    private string? _sequenceName;
    private Guid? _sequenceId;
    private int? _enrolmentStatus;

    public CarriedLead(Entity lead, int line, Entity? enrolment)
    {
        Id = lead.Id;
        Line = line;
        _email = lead.ColumnValue<string>("emailaddress1")!; // carried leads are keyed by their address
        _createdOn = lead.ColumnValue<DateTime>("createdon");
        _action = lead.ColumnValue<OptionSetValue>(LeadTable.Columns.LeadAction)?.Value;
        var owner = lead.ColumnValue<EntityReference>("ownerid");
        _ownerTable = owner?.LogicalName == "team" ? "team" : owner != null ? "systemuser" : null;
        _ownerId = owner?.Id ?? Guid.Empty;
        if (enrolment != null) Keep(enrolment);
    }

    public Guid Id { get; }
    public int Line { get; }
    /// <summary>The session whose store holds this lead again (0: none yet).</summary>
    public int SeededIn { get; set; }

    public void Refresh(InMemoryDataverse dataverse)
    {
        if (_enrolmentId is { } id && dataverse.PeekRow(NurtureEnrollmentTable.LogicalName, id) is { } current) Keep(current);
    }

    private void Keep(Entity enrolment)
    {
        _enrolmentId = enrolment.Id;
        _enrolmentName = enrolment.ColumnValue<string>(NurtureEnrollmentTable.Columns.Name);
        _sequenceName = enrolment.ColumnValue<string>(NurtureEnrollmentTable.Columns.SequenceName);
        _sequenceId = enrolment.ColumnValue<EntityReference>(NurtureEnrollmentTable.Columns.SequenceId)?.Id;
        _enrolmentStatus = enrolment.ColumnValue<OptionSetValue>(NurtureEnrollmentTable.Columns.Status)?.Value;
    }

    public IEnumerable<Entity> ToRows()
    {
        var lead = new Entity("lead", Id) { ["emailaddress1"] = _email, ["createdon"] = _createdOn, ["modifiedon"] = _createdOn, ["statecode"] = new OptionSetValue(0) };
        if (_action != null) lead[LeadTable.Columns.LeadAction] = new OptionSetValue(_action.Value);
        if (_ownerTable != null) lead["ownerid"] = new EntityReference(_ownerTable, _ownerId);
        yield return lead;
        if (_enrolmentId is not { } enrolmentId) yield break;
        var enrolment = new Entity(NurtureEnrollmentTable.LogicalName, enrolmentId) { [NurtureEnrollmentTable.Columns.LeadId] = new EntityReference("lead", Id), [NurtureEnrollmentTable.Columns.Name] = _enrolmentName, [NurtureEnrollmentTable.Columns.SequenceName] = _sequenceName };
        if (_sequenceId != null) enrolment[NurtureEnrollmentTable.Columns.SequenceId] = new EntityReference(NurtureSequenceTable.LogicalName, _sequenceId.Value);
        if (_enrolmentStatus != null) enrolment[NurtureEnrollmentTable.Columns.Status] = new OptionSetValue(_enrolmentStatus.Value);
        if (_ownerTable != null) enrolment["ownerid"] = new EntityReference(_ownerTable, _ownerId);
        yield return enrolment;
    }
}
