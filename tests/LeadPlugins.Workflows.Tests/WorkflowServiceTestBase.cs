using LeadPlugins.InMemory;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Services.Workflow;
using LeadPlugins.Schema;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.Workflows.Tests;

/// <summary>
/// A fresh in-memory Dataverse per test, no plug-in registered unless a test says so, a fixed clock (Monday 2026-03-02
/// 09:30 UTC) and sequential ids. <see cref="Leads"/> is what an activity gets: the service of the workflow's user
/// (a separate "Workflow owner" user, as context.UserId would be) and a tracing service.
/// </summary>
public abstract class WorkflowServiceTestBase
{
    protected static readonly SolutionSource Solution = SolutionSource.Load();
    protected static readonly DateTime T0 = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    protected InMemoryDataverse Dataverse { get; private set; } = null!;
    /// <summary>The test's own service, for arranging rows (runs as the harness caller).</summary>
    protected IOrganizationService Service { get; private set; } = null!;
    protected Guid WorkflowUserId { get; private set; }
    protected ListTracing Tracing { get; private set; } = null!;
    protected LeadWorkflowService Leads { get; private set; } = null!;

    [TestInitialize]
    public void CreateDataverse()
    {
        Dataverse = new InMemoryDataverse(new InMemoryDataverseOptions
        {
            Clock = () => T0,
            IdGenerator = new SequentialIds(1000).Next,
            Solution = Solution,
        });
        Service = Dataverse.GetOrganizationService();
        WorkflowUserId = Dataverse.AddUser("Workflow owner");
        Tracing = new ListTracing();
        Leads = new LeadWorkflowService(Dataverse.GetOrganizationService(WorkflowUserId), Tracing, () => T0);
    }

    protected static EntityReference LeadRef(Guid id) => new("lead", id);

    /// <summary>A Lead Writer row: the combined marketplace value in the topic plus contact columns (as the marketplace sends it).</summary>
    protected Guid CreateWriterLead(string subject = "AppSource (SPZA)-PLT|contoso.contoso-field-service-accelerator",
        string email = "sofia.rossi@fabrikam.it", string? jobTitle = "Operations Director", string? country = "Italy", Action<Entity>? more = null)
    {
        var lead = new Entity("lead")
        {
            ["subject"] = subject,
            ["firstname"] = "Sofia",
            ["lastname"] = "Rossi",
            ["companyname"] = "Fabrikam Italia",
            ["emailaddress1"] = email,
            ["telephone1"] = "390255550111",
            ["jobtitle"] = jobTitle,
            ["address1_country"] = country,
        };
        more?.Invoke(lead);
        return Service.Create(lead);
    }

    /// <summary>A lead as enrichment leaves it (the columns enrolment reads), created without any plug-in.</summary>
    protected Guid CreateEnrichedLead(Storefront storefront = Storefront.AppSource, LeadAction action = LeadAction.ContactMe, Action<Entity>? more = null)
    {
        var lead = new Entity("lead")
        {
            ["firstname"] = "Ada",
            ["lastname"] = "Lovelace",
            ["companyname"] = "Contoso",
            ["subject"] = storefront + " lead",
            ["emailaddress1"] = "ada@contoso.example",
            [LeadTable.Columns.IsMarketplace] = true,
            [LeadTable.Columns.Storefront] = new OptionSetValue((int)storefront),
            [LeadTable.Columns.CampaignType] = new OptionSetValue((int)(storefront == Storefront.AzureMarketplace ? CampaignType.DemandGeneration : CampaignType.Nurture)),
            [LeadTable.Columns.LeadAction] = new OptionSetValue((int)action),
            [LeadTable.Columns.OfferId] = "contoso.analytics",
            [LeadTable.Columns.OfferTitle] = "Contoso Analytics",
            [LeadTable.Columns.LeadScore] = 55,
            [LeadTable.Columns.IsTestLead] = false,
            [LeadTable.Columns.IsCoSell] = false,
        };
        more?.Invoke(lead);
        return Service.Create(lead);
    }

    protected Guid AddRoutingRule(string name, int order, EntityReference owner, Action<Entity>? conditions = null)
    {
        var row = new Entity(RoutingRuleTable.LogicalName, Guid.NewGuid()) { [RoutingRuleTable.Columns.Name] = name, [RoutingRuleTable.Columns.Order] = order };
        row[owner.LogicalName == "team" ? RoutingRuleTable.Columns.AssignTeamId : RoutingRuleTable.Columns.AssignUserId] = owner;
        conditions?.Invoke(row);
        Dataverse.Seed(row);
        return row.Id;
    }

    protected EntityReference AddUser(string name) => new("systemuser", Dataverse.AddUser(name));

    protected EntityReference AddTeam(string name)
    {
        var team = new Entity("team", Guid.NewGuid()) { ["name"] = name, ["businessunitid"] = new EntityReference("businessunit", Dataverse.RootBusinessUnitId) };
        Dataverse.Seed(team);
        return team.ToEntityReference();
    }

    /// <summary>Seeds an mpl_nurturesequence with its steps (order, type, business-day offset, subject) and returns its id.</summary>
    protected Guid SeedSequence(string name, CampaignType campaignType, bool active = true, params (int Order, NurtureActivityType Type, int Offset, string Subject)[] steps)
    {
        var id = Guid.NewGuid();
        Dataverse.Seed(new Entity(NurtureSequenceTable.LogicalName, id)
        {
            [NurtureSequenceTable.Columns.Name] = name,
            [NurtureSequenceTable.Columns.CampaignType] = new OptionSetValue((int)campaignType),
            [NurtureSequenceTable.Columns.Priority] = 100,
            [NurtureSequenceTable.Columns.StopOnQualify] = true,
            ["statecode"] = new OptionSetValue(active ? 0 : 1),
        });
        foreach (var (order, type, offset, subject) in steps)
        {
            Dataverse.Seed(new Entity(NurtureStepTable.LogicalName)
            {
                [NurtureStepTable.Columns.Name] = "Step " + order,
                [NurtureEnrollmentTable.Columns.SequenceId] = new EntityReference(NurtureSequenceTable.LogicalName, id),
                [NurtureStepTable.Columns.Order] = order,
                [NurtureStepTable.Columns.ActivityType] = new OptionSetValue((int)type),
                [NurtureStepTable.Columns.OffsetDays] = offset,
                [NurtureStepTable.Columns.SubjectTemplate] = subject,
                [NurtureStepTable.Columns.Priority] = new OptionSetValue((int)StepPriority.Normal),
            });
        }
        return id;
    }

    protected IReadOnlyList<Entity> EnrollmentsOf(Guid leadId)
        => Dataverse.Query(NurtureEnrollmentTable.LogicalName).Where(e => e.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.LeadId)?.Id == leadId).ToList();

    /// <summary>Every task, phone call and e-mail of the enrolment, in step order.</summary>
    protected IReadOnlyList<Entity> ActivitiesOf(Guid enrollmentId)
        => new[] { "task", "phonecall", "email" }
            .SelectMany(Dataverse.Query)
            .Where(a => a.GetAttributeValue<EntityReference>(TaskTable.Columns.NurtureEnrollmentId)?.Id == enrollmentId)
            .OrderBy(a => a.GetAttributeValue<int>(TaskTable.Columns.NurtureStepNumber))
            .ToList();

    protected static int? Option(Entity row, string column) => row.GetAttributeValue<OptionSetValue>(column)?.Value;

    protected static int? Value(OptionSetValue? option) => option?.Value;
}

/// <summary>An ITracingService that keeps the lines.</summary>
public sealed class ListTracing : ITracingService
{
    public List<string> Lines { get; } = new();

    public void Trace(string format, params object[] args)
        => Lines.Add(args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public override string ToString() => string.Join("\n", Lines);
}
