using System.Collections.Concurrent;
using LeadPlugins.InMemory;
using LeadPlugins.Plugins;
using LeadPlugins.Plugins.Domain;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.Schema;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadPlugins.Enrichment.Tests;

/// <summary>How the plug-in is registered in a test's Dataverse, and so which message creates the leads.</summary>
public enum Registration
{
    /// <summary>The shipped [PluginStep]: Create of lead, PreOperation, sync; leads created one Create each.</summary>
    Create,
    /// <summary>The bulk alternative: a CreateMultiple step of the same type; leads created with one CreateMultiple.</summary>
    CreateMultiple,
}

/// <summary>A fresh in-memory Dataverse per test with the REAL plug-in registered, a fixed clock and readable ids.</summary>
public abstract class EnrichmentTestBase
{
    protected static readonly SolutionSource Solution = SolutionSource.Load();
    protected static readonly DateTime T0 = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);

    protected InMemoryDataverse Dataverse { get; private set; } = null!;
    protected IOrganizationService Service { get; private set; } = null!;
    protected Registration Mode { get; private set; }

    public TestContext TestContext { get; set; } = null!;

    protected static InMemoryDataverse NewDataverse() => new(new InMemoryDataverseOptions
    {
        Clock = () => T0,
        IdGenerator = new SequentialIds(1000).Next,
        Solution = Solution,
    });

    /// <summary>Registers the plug-in (shipped attribute, or a CreateMultiple step) with an optional unsecure configuration.</summary>
    protected void Start(Registration registration, string? unsecureConfiguration = null)
    {
        Mode = registration;
        Dataverse = NewDataverse();
        if (registration == Registration.Create) Dataverse.RegisterPlugin<EnrichMarketplaceLead>(unsecureConfiguration);
        else Dataverse.RegisterPluginForCreateMultiple<EnrichMarketplaceLead>(unsecureConfiguration);
        Service = Dataverse.GetOrganizationService();
    }

    /// <summary>Creates the leads with the registration's own message: one Create each, or one CreateMultiple.</summary>
    protected Guid[] CreateLeads(params Entity[] leads) => CreateLeads(Mode, leads);

    protected Guid[] CreateLeads(Registration message, params Entity[] leads)
    {
        if (message == Registration.Create) return leads.Select(l => Service.Create(l)).ToArray();
        var targets = new EntityCollection(leads.ToList()) { EntityName = "lead" };
        return ((CreateMultipleResponse)Service.Execute(new CreateMultipleRequest { Targets = targets })).Ids;
    }

    /// <summary>Creates the leads and returns the stored rows (copies), in order.</summary>
    protected Entity[] Save(params Entity[] leads) => CreateLeads(leads).Select(Stored).ToArray();

    protected Entity Save(Entity lead) => Save(new[] { lead })[0];

    protected Entity Stored(Guid id) => Dataverse.Get("lead", id) ?? throw new AssertFailedException("lead " + id + " is not stored");

    protected static Entity Lead(params (string Column, object? Value)[] columns)
    {
        var lead = new Entity("lead");
        foreach (var (column, value) in columns) lead[column] = value;
        return lead;
    }

    /// <summary>A typical Lead Writer row: the combined value in the topic plus contact columns.</summary>
    protected static Entity WriterLead(string subject, string email = "grace.hopper@tailspintoys.com", string? country = "US",
        string? jobTitle = "Operations Manager", string? company = "Tailspin Toys", string? phone = "12065550100")
        => Lead(("subject", subject), ("firstname", "Grace"), ("lastname", "Hopper"), ("emailaddress1", email), ("address1_country", country),
            ("jobtitle", jobTitle), ("companyname", company), ("telephone1", phone));

    // ---------- reading results ----------

    protected static int? Option(Entity row, string column) => row.GetAttributeValue<OptionSetValue>(column)?.Value;

    protected static EnrichmentStatus? Status(Entity row) => (EnrichmentStatus?)Option(row, LeadTable.Columns.EnrichmentStatus);

    protected static string Message(Entity row) => row.GetAttributeValue<string>(LeadTable.Columns.EnrichmentMessage) ?? "";

    protected string AllTraces => string.Join("\n", Dataverse.Traces.Select(t => t.Text));

    protected IReadOnlyList<StepExecution> EnrichmentExecutions => Dataverse.Audit.Where(e => e.PluginType == typeof(EnrichMarketplaceLead)).ToList();

    protected static void AssertStatus(EnrichmentStatus expected, Entity row)
        => Assert.AreEqual(expected, Status(row), "status; message: " + Message(row));

    // ---------- configuration rows ----------

    protected Guid AddCampaign(string name, bool active = true)
    {
        var campaign = new Entity("campaign", Guid.NewGuid()) { ["name"] = name };
        if (!active) campaign["statecode"] = new OptionSetValue(1);
        Dataverse.Seed(campaign);
        return campaign.Id;
    }

    protected Guid AddTeam(string name)
    {
        var team = new Entity("team", Guid.NewGuid()) { ["name"] = name, ["businessunitid"] = new EntityReference("businessunit", Dataverse.RootBusinessUnitId) };
        Dataverse.Seed(team);
        return team.Id;
    }

    protected Guid AddNurtureSequence(string name)
    {
        var sequence = new Entity(NurtureSequenceTable.LogicalName, Guid.NewGuid()) { [NurtureSequenceTable.Columns.Name] = name, [NurtureSequenceTable.Columns.CampaignType] = new OptionSetValue((int)CampaignType.Nurture) };
        Dataverse.Seed(sequence);
        return sequence.Id;
    }

    protected Guid AddStorefrontSetting(string name, Storefront storefront, Action<Entity>? more = null, bool active = true, DateTime? createdOn = null)
    {
        var row = new Entity(StorefrontSettingTable.LogicalName, Guid.NewGuid()) { [StorefrontSettingTable.Columns.Name] = name, [StorefrontSettingTable.Columns.Storefront] = new OptionSetValue((int)storefront) };
        more?.Invoke(row);
        if (!active) row["statecode"] = new OptionSetValue(1);
        if (createdOn.HasValue) row["createdon"] = createdOn.Value;
        Dataverse.Seed(row);
        return row.Id;
    }

    protected Guid AddOffer(string title, string? offerId = null, string? publisherId = null, Action<Entity>? more = null, bool active = true)
    {
        var row = new Entity(OfferTable.LogicalName, Guid.NewGuid()) { [OfferTable.Columns.Name] = title, [OfferTable.Columns.MarketplaceOfferId] = offerId, [OfferTable.Columns.PublisherId] = publisherId };
        more?.Invoke(row);
        if (!active) row["statecode"] = new OptionSetValue(1);
        Dataverse.Seed(row);
        return row.Id;
    }

    protected Guid AddRoutingRule(string name, int order, EntityReference owner, Action<Entity>? conditions = null, bool active = true)
    {
        var row = new Entity(RoutingRuleTable.LogicalName, Guid.NewGuid()) { [RoutingRuleTable.Columns.Name] = name, [RoutingRuleTable.Columns.Order] = order };
        row[owner.LogicalName == "team" ? RoutingRuleTable.Columns.AssignTeamId : RoutingRuleTable.Columns.AssignUserId] = owner;
        conditions?.Invoke(row);
        if (!active) row["statecode"] = new OptionSetValue(1);
        Dataverse.Seed(row);
        return row.Id;
    }

    protected EntityReference User(string name) => new("systemuser", Dataverse.AddUser(name));

    protected static OptionSetValue Choice<T>(T value) where T : struct, Enum => new(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// A test plug-in registered on RetrieveMultiple of a configuration table: records the queries the enrichment makes, or
/// makes them fail. Its behaviour is looked up by the step's unsecure configuration (a key).
/// </summary>
public sealed class QueryProbe : IPlugin
{
    private static readonly ConcurrentDictionary<string, Action<IPluginExecutionContext>> Bodies = new();
    private readonly string _key;

    public QueryProbe(string unsecureConfiguration, string secureConfiguration) { _key = unsecureConfiguration; }

    public void Execute(IServiceProvider serviceProvider)
        => Bodies[_key]((IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!);

    public static void Register(InMemoryDataverse dataverse, string table, Action<IPluginExecutionContext> body)
    {
        var key = Guid.NewGuid().ToString("N");
        Bodies[key] = body;
        dataverse.RegisterStep<QueryProbe>(new PluginStepAttribute("RetrieveMultiple", table, PipelineStage.PreOperation, ExecutionMode.Synchronous), key);
    }
}

/// <summary>An ITracingService that keeps its lines, for tests that call the services directly.</summary>
internal sealed class TraceRecorder : ITracingService
{
    public List<string> Lines { get; } = new();
    public void Trace(string format, params object[] args) => Lines.Add(args.Length == 0 ? format : string.Format(format, args));
}
