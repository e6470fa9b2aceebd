using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Plugins.Services.Nurture;
using LeadPlugins.Schema;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.NurturePlugins.Tests;

/// <summary>
/// A fresh in-memory Dataverse per test with the four nurture plug-ins registered from their attributes, a fixed clock
/// (Monday 2026-03-02 09:30 UTC) and sequential ids. Leads are created through the service with the columns the
/// enrichment plug-in would have set, so the real Create pipeline (and its async enrolment job) runs.
/// </summary>
public abstract class NurtureTestBase
{
    protected static readonly SolutionSource Solution = SolutionSource.Load();
    /// <summary>Monday 2026-03-02 09:30 UTC: a business day, before 17:00.</summary>
    protected static readonly DateTime T0 = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    protected DateTime Now { get; set; } = T0;
    protected InMemoryDataverse Dataverse { get; set; } = null!;
    protected IOrganizationService Service { get; private set; } = null!;

    [TestInitialize]
    public void CreateDataverse()
    {
        Dataverse = NewDataverse();
        Service = Dataverse.GetOrganizationService();
        RegisterNurturePlugins(Dataverse);
    }

    protected InMemoryDataverse NewDataverse(int asyncRetryCount = 0)
        => new(new InMemoryDataverseOptions
        {
            Clock = () => Now,
            IdGenerator = new SequentialIds(1000).Next,
            Solution = Solution,
            AsyncRetryCount = asyncRetryCount,
        });

    /// <summary>The four plug-ins as their attributes declare them (Create/Update steps only, as shipped).</summary>
    protected static void RegisterNurturePlugins(InMemoryDataverse dataverse, string? enrolmentConfiguration = null)
    {
        dataverse.RegisterPlugin<EnrollLeadInNurture>(enrolmentConfiguration);
        dataverse.RegisterPlugin<StopNurtureWhenLeadClosed>();
        dataverse.RegisterPlugin<CompleteNurtureEnrollment>();
        dataverse.RegisterPlugin<CarryMarketplaceAttribution>();
    }

    /// <summary>Replaces the dataverse: async retries and the enrolment step's unsecure configuration.</summary>
    protected void Recreate(int asyncRetryCount = 0, string? enrolmentConfiguration = null)
    {
        Dataverse = NewDataverse(asyncRetryCount);
        Service = Dataverse.GetOrganizationService();
        RegisterNurturePlugins(Dataverse, enrolmentConfiguration);
    }

    // ---- leads as enrichment leaves them -------------------------------------------------------------------------

    /// <summary>Creates an enriched marketplace lead through the service (the Create pipeline runs) and returns its id.</summary>
    protected Guid CreateLead(Storefront storefront = Storefront.AppSource, LeadAction? action = LeadAction.ContactMe, Action<Entity>? more = null,
        string firstName = "Ada", string lastName = "Lovelace", string company = "Contoso", string offer = "Contoso Analytics")
        => Service.Create(EnrichedLead(storefront, action, more, firstName, lastName, company, offer));

    protected static Entity EnrichedLead(Storefront storefront = Storefront.AppSource, LeadAction? action = LeadAction.ContactMe, Action<Entity>? more = null,
        string firstName = "Ada", string lastName = "Lovelace", string company = "Contoso", string offer = "Contoso Analytics")
    {
        var lead = new Entity("lead")
        {
            ["firstname"] = firstName,
            ["lastname"] = lastName,
            ["companyname"] = company,
            ["subject"] = storefront + " lead",
            ["emailaddress1"] = firstName.ToLowerInvariant() + "@" + company.ToLowerInvariant() + ".example",
            [LeadTable.Columns.IsMarketplace] = true,
            [LeadTable.Columns.Storefront] = new OptionSetValue((int)storefront),
            [LeadTable.Columns.CampaignType] = new OptionSetValue((int)(storefront == Storefront.AzureMarketplace ? CampaignType.DemandGeneration : CampaignType.Nurture)),
            [LeadTable.Columns.OfferId] = "contoso.analytics",
            [LeadTable.Columns.OfferTitle] = offer,
            [LeadTable.Columns.LeadScore] = 55,
            [LeadTable.Columns.FunnelStage] = new OptionSetValue((int)FunnelStage.Interest),
            [LeadTable.Columns.IsTestLead] = false,
            [LeadTable.Columns.IsCoSell] = false,
        };
        if (action.HasValue) lead[LeadTable.Columns.LeadAction] = new OptionSetValue((int)action.Value);
        more?.Invoke(lead);
        return lead;
    }

    // ---- configured sequences ------------------------------------------------------------------------------------

    /// <summary>Seeds an mpl_nurturesequence with steps (order, type, offset, subject) and returns its id.</summary>
    protected Guid SeedSequence(string name, CampaignType campaignType, int priority = 100, Storefront? storefront = null,
        LeadAction[]? actions = null, bool active = true, bool stopOnQualify = true, params (int Order, NurtureActivityType Type, int Offset, string Subject)[] steps)
    {
        var id = Guid.NewGuid();
        var sequence = new Entity(NurtureSequenceTable.LogicalName, id)
        {
            [NurtureSequenceTable.Columns.Name] = name,
            [NurtureSequenceTable.Columns.CampaignType] = new OptionSetValue((int)campaignType),
            [NurtureSequenceTable.Columns.Priority] = priority,
            [NurtureSequenceTable.Columns.StopOnQualify] = stopOnQualify,
            ["statecode"] = new OptionSetValue(active ? 0 : 1),
        };
        if (storefront.HasValue) sequence[NurtureSequenceTable.Columns.Storefront] = new OptionSetValue((int)storefront.Value);
        if (actions != null) sequence[NurtureSequenceTable.Columns.LeadActions] = new OptionSetValueCollection(actions.Select(a => new OptionSetValue((int)a)).ToList());
        Dataverse.Seed(sequence);
        if (steps.Length == 0) steps = new[] { (1, NurtureActivityType.Task, 0, name + " task for {companyname}") };
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
                [NurtureStepTable.Columns.DescriptionTemplate] = "Description of step " + order + " for {firstname}.",
                [NurtureStepTable.Columns.Priority] = new OptionSetValue((int)StepPriority.Normal),
            });
        }
        return id;
    }

    // ---- reading results -----------------------------------------------------------------------------------------

    protected IReadOnlyList<Entity> EnrollmentsOf(Guid leadId)
        => Dataverse.Query(NurtureEnrollmentTable.LogicalName).Where(e => e.GetAttributeValue<EntityReference>(NurtureEnrollmentTable.Columns.LeadId)?.Id == leadId).ToList();

    protected Entity EnrollmentOf(Guid leadId)
    {
        var rows = EnrollmentsOf(leadId);
        Assert.HasCount(1, rows, "exactly one enrolment per lead");
        return rows[0];
    }

    /// <summary>Every task, phone call and e-mail linked to the enrolment, in step order.</summary>
    protected IReadOnlyList<Entity> ActivitiesOf(Guid enrollmentId)
        => new[] { "task", "phonecall", "email" }
            .SelectMany(Dataverse.Query)
            .Where(a => a.GetAttributeValue<EntityReference>(TaskTable.Columns.NurtureEnrollmentId)?.Id == enrollmentId)
            .OrderBy(a => a.GetAttributeValue<int>(TaskTable.Columns.NurtureStepNumber))
            .ToList();

    protected int AllActivityCount() => new[] { "task", "phonecall", "email" }.Sum(t => Dataverse.Query(t).Count);

    protected static int Option(Entity row, string column) => row.GetAttributeValue<OptionSetValue>(column)?.Value ?? -1;

    protected static EnrollmentStatus Status(Entity enrollment) => (EnrollmentStatus)Option(enrollment, NurtureEnrollmentTable.Columns.Status);

    protected IReadOnlyList<StepExecution> ExecutionsOf<TPlugin>() => Dataverse.Audit.Where(e => e.PluginType == typeof(TPlugin)).ToList();

    protected StepExecution SingleExecutionOf<TPlugin>()
    {
        var executions = ExecutionsOf<TPlugin>();
        Assert.HasCount(1, executions, typeof(TPlugin).Name + " runs once");
        return executions[0];
    }

    protected static int Calls(StepExecution execution, string message) => execution.ServiceCallsByMessage.TryGetValue(message, out var n) ? n : 0;

    protected string TracesOf<TPlugin>() => string.Join("\n", Dataverse.Traces.Where(t => t.Execution.PluginType == typeof(TPlugin)).Select(t => t.Text));

    protected void AssertAllStepsSucceeded()
    {
        var failed = Dataverse.Audit.Where(e => e.Outcome != StepOutcome.Succeeded).ToList();
        Assert.IsEmpty(failed, string.Join("\n", failed.Select(f => f + ": " + f.Error + "\n" + string.Join("\n", f.Traces))));
    }

    protected Guid SeedTeam(string name)
    {
        var id = Guid.NewGuid();
        Dataverse.Seed(new Entity("team", id) { ["name"] = name, ["businessunitid"] = new EntityReference("businessunit", Dataverse.RootBusinessUnitId) });
        return id;
    }

    protected static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    protected static QueryExpression OpenActivities(string table, Guid enrollmentId)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet("statecode") };
        query.Criteria.AddCondition(NurtureEnrollmentTable.Columns.NurtureEnrollmentId, ConditionOperator.Equal, enrollmentId);
        return query;
    }

    protected static string ImageColumns => NurtureColumnSets.EnrollmentLeadColumns;

    /// <summary>A CreateMultiple registration of the enrolment step (the shipped step is Create; the code path is the same).</summary>
    protected static PluginStepAttribute EnrolOnCreateMultiple() => StepRegistrations.ForCreateMultiple<EnrollLeadInNurture>();
}
