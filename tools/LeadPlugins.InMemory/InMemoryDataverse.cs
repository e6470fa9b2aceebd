using System.Reflection;
using System.ServiceModel;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>Settings of an <see cref="InMemoryDataverse"/>.</summary>
public sealed class InMemoryDataverseOptions
{
    /// <summary>UTC clock for createdon/modifiedon and date operators. Default: the system clock.</summary>
    public Func<DateTime>? Clock { get; set; }

    /// <summary>Ids for new rows. Default: Guid.NewGuid. <see cref="SequentialIds"/> gives readable, repeatable ids.</summary>
    public Func<Guid>? IdGenerator { get; set; }

    /// <summary>The product's solution source. Default: <see cref="SolutionSource.Load"/> (Solution/src above the app).</summary>
    public SolutionSource? Solution { get; set; }

    /// <summary>Load no solution source: system tables only.</summary>
    public bool SystemTablesOnly { get; set; }

    /// <summary>Directory of the built-in system tables. Default: SystemTables next to this assembly.</summary>
    public string? SystemTablesDirectory { get; set; }

    /// <summary>Directory holding Fetch.xsd. Default: $LEADPLUGINS_SCHEMAS, else shared/schemas/dataverse above the repository.</summary>
    public string? SchemasDirectory { get; set; }

    /// <summary>Maximum pipeline depth; a deeper request faults (the platform's limit is 8).</summary>
    public int MaxDepth { get; set; } = 8;

    /// <summary>How many times a failing async job is retried before it is recorded as failed. Default 0.</summary>
    public int AsyncRetryCount { get; set; }
}

/// <summary>Readable, repeatable ids: 00000000-0000-0000-0000-000000000001, ...002, ...</summary>
public sealed class SequentialIds
{
    private long _next;

    public SequentialIds(long start = 1) { _next = start; }

    public Guid Next()
    {
        var bytes = new byte[16];
        var n = _next++;
        for (var i = 15; i >= 10 && n > 0; i--, n >>= 8) bytes[i] = (byte)(n & 0xFF);
        return new Guid(Convert.ToHexString(bytes));
    }
}

/// <summary>
/// An organization service and plug-in pipeline that behave like the Dataverse server, in memory. Every call goes
/// through Execute as a chain: plug-in pipeline -> CRUD and queries -> registered message handlers -> "not simulated".
/// </summary>
public sealed partial class InMemoryDataverse
{
    private readonly Func<DateTime> _clock;
    private readonly Func<Guid> _ids;
    private readonly Store _store;
    private readonly List<PluginStep> _steps = new();
    private readonly Dictionary<string, Func<OrganizationRequest, OrganizationResponse>> _handlers = new(StringComparer.Ordinal);
    private readonly List<StepExecution> _audit = new();
    private readonly List<TraceLine> _traces = new();
    private readonly List<AsyncJob> _asyncJobs = new();
    private readonly Queue<AsyncJob> _asyncQueue = new();
    private readonly List<string> _diagnostics = new();
    private readonly Func<RequestContext, OrganizationResponse> _chain;
    private readonly InMemoryDataverseOptions _options;

    public InMemoryDataverse(InMemoryDataverseOptions? options = null)
    {
        _options = options ?? new InMemoryDataverseOptions();
        _clock = _options.Clock ?? (() => DateTime.UtcNow);
        _ids = _options.IdGenerator ?? Guid.NewGuid;
        var solution = _options.SystemTablesOnly ? null : _options.Solution ?? SolutionSource.Load();
        Schema = DataverseSchema.Load(_options.SystemTablesDirectory, solution);
        _store = new Store(Schema);
        _fetchSchema = new Lazy<System.Xml.Schema.XmlSchemaSet?>(LoadFetchSchema);

        // The chain, outermost first (built in reverse like FakeXrmEasy v2's MiddlewareBuilder).
        Func<RequestContext, OrganizationResponse> chain = NotSimulated;
        chain = WithHandlers(chain);
        chain = WithCore(chain);
        chain = WithPipeline(chain);
        _chain = chain;

        OrganizationId = NewId();
        RootBusinessUnitId = NewId();
        SystemUserId = NewId();
        CallerId = NewId();
        var now = Now();
        SeedRow(new Entity("businessunit", RootBusinessUnitId) { ["name"] = "Root business unit" }, SystemUserId, now);
        SeedRow(new Entity("systemuser", SystemUserId) { ["fullname"] = "SYSTEM", ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId) }, SystemUserId, now);
        SeedRow(new Entity("systemuser", CallerId) { ["fullname"] = "Test Caller", ["domainname"] = "caller@contoso.example", ["internalemailaddress"] = "caller@contoso.example", ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId) }, SystemUserId, now);
    }

    public DataverseSchema Schema { get; }
    public Guid OrganizationId { get; }
    public string OrganizationName { get; } = "leadplugins-inmemory";
    public Guid RootBusinessUnitId { get; }
    /// <summary>The SYSTEM user (RunAs System steps, CreateOrganizationService(null)).</summary>
    public Guid SystemUserId { get; }
    /// <summary>The default calling user (a systemuser row in the root business unit).</summary>
    public Guid CallerId { get; }

    /// <summary>Every step execution, in order (sync and async, including failed ones).</summary>
    public IReadOnlyList<StepExecution> Audit => _audit;
    /// <summary>Every trace line written by plug-ins, in order, with the execution that wrote it.</summary>
    public IReadOnlyList<TraceLine> Traces => _traces;
    /// <summary>Organization-service requests: the caller's and the plug-ins' separately.</summary>
    public RequestCounters Counters { get; } = new();
    /// <summary>Async jobs queued so far (waiting, succeeded or failed).</summary>
    public IReadOnlyList<AsyncJob> AsyncJobs => _asyncJobs;
    public int PendingAsyncJobs => _asyncQueue.Count;
    /// <summary>Notes from the harness itself (e.g. FetchXML not validated because Fetch.xsd was not found).</summary>
    public IReadOnlyList<string> Diagnostics => _diagnostics;
    public IReadOnlyList<PluginStep> Steps => _steps;
    /// <summary>N:N associations made with Associate.</summary>
    public IReadOnlyList<Association> Associations => _store.Associations;

    public DateTime Now() => Values.ToUtcWithoutMilliseconds(_clock());

    internal Guid NewId() => _ids();

    // ---------- services ----------

    /// <summary>A service running as the given user (default: <see cref="CallerId"/>).</summary>
    public IOrganizationService GetOrganizationService(Guid? userId = null)
        => new OrganizationService(this, new CallContext { UserId = userId ?? CallerId });

    public IOrganizationServiceFactory GetOrganizationServiceFactory() => new CallerServiceFactory(this);

    // ---------- users ----------

    /// <summary>Adds an enabled systemuser (default: root business unit) and returns its id.</summary>
    public Guid AddUser(string fullName, Guid? businessUnitId = null, string? email = null)
    {
        var id = NewId();
        SeedRow(new Entity("systemuser", id)
        {
            ["fullname"] = fullName,
            ["internalemailaddress"] = email,
            ["domainname"] = email,
            ["businessunitid"] = new EntityReference("businessunit", businessUnitId ?? RootBusinessUnitId),
        }, SystemUserId, Now());
        return id;
    }

    // ---------- registration ----------

    /// <summary>Registers every step declared with <see cref="PluginStepAttribute"/> on the IPlugin types of the assembly.</summary>
    public InMemoryDataverse RegisterPluginAssembly(Assembly assembly, params PluginConfiguration[] configurations)
    {
        foreach (var (type, attribute) in PluginStep.Discover(assembly))
        {
            var configuration = configurations.LastOrDefault(c => c.PluginType == type);
            AddStep(type, attribute, configuration?.UnsecureConfiguration ?? attribute.UnsecureConfiguration, configuration?.SecureConfiguration);
        }
        return this;
    }

    /// <summary>Registers the steps declared on one plug-in type.</summary>
    public InMemoryDataverse RegisterPlugin(Type pluginType, string? unsecureConfiguration = null, string? secureConfiguration = null)
    {
        var attributes = pluginType.GetCustomAttributes<PluginStepAttribute>(false).ToList();
        if (attributes.Count == 0) throw new ArgumentException(pluginType.FullName + " declares no [PluginStep].");
        foreach (var attribute in attributes) AddStep(pluginType, attribute, unsecureConfiguration ?? attribute.UnsecureConfiguration, secureConfiguration);
        return this;
    }

    public InMemoryDataverse RegisterPlugin<TPlugin>(string? unsecureConfiguration = null, string? secureConfiguration = null) where TPlugin : IPlugin
        => RegisterPlugin(typeof(TPlugin), unsecureConfiguration, secureConfiguration);

    /// <summary>Registers one ad-hoc step for a plug-in type (the type's own attributes are not read).</summary>
    public PluginStep RegisterStep<TPlugin>(PluginStepAttribute step, string? unsecureConfiguration = null, string? secureConfiguration = null) where TPlugin : IPlugin
        => AddStep(typeof(TPlugin), step, unsecureConfiguration ?? step.UnsecureConfiguration, secureConfiguration);

    private PluginStep AddStep(Type type, PluginStepAttribute attribute, string? unsecure, string? secure)
    {
        PluginStep.Validate(type, attribute);
        var step = new PluginStep(type, attribute, unsecure, secure, _steps.Count);
        _steps.Add(step);
        return step;
    }

    // ---------- message handlers ----------

    /// <summary>Simulates a message the harness does not model (custom APIs, rollups, RouteTo...).</summary>
    public InMemoryDataverse Handle<TRequest>(Func<TRequest, OrganizationResponse> handler) where TRequest : OrganizationRequest, new()
    {
        var name = new TRequest().RequestName ?? typeof(TRequest).Name.Replace("Request", string.Empty, StringComparison.Ordinal);
        _handlers[name] = request => handler(request as TRequest ?? ConvertRequest<TRequest>(request));
        return this;
    }

    /// <summary>Simulates a message by name (custom APIs and actions executed as OrganizationRequest).</summary>
    public InMemoryDataverse Handle(string messageName, Func<OrganizationRequest, OrganizationResponse> handler)
    {
        _handlers[messageName] = handler;
        return this;
    }

    private static TRequest ConvertRequest<TRequest>(OrganizationRequest request) where TRequest : OrganizationRequest, new()
    {
        var typed = new TRequest { RequestId = request.RequestId };
        foreach (var pair in request.Parameters) typed.Parameters[pair.Key] = pair.Value;
        return typed;
    }

    // ---------- data for tests ----------

    /// <summary>Inserts rows (no pipeline, no lookup checks; names, types and lengths are validated), filling system columns the platform would.</summary>
    public void Seed(params Entity[] rows)
    {
        var now = Now();
        foreach (var row in rows) SeedRow(Values.CloneEntity(row), CallerId, now);
    }

    private void SeedRow(Entity row, Guid userId, DateTime now)
    {
        var table = Schema.GetTable(row.LogicalName);
        if (row.Id == Guid.Empty) row.Id = row.GetAttributeValue<Guid?>(table.PrimaryId) ?? NewId();
        if (_store.Find(table.LogicalName, row.Id) != null) throw Faults.DuplicateKey();
        ValidateAttributes(table, row);
        var seeded = row.Contains("statecode") ? row["statecode"] : null;
        ApplyCreateDefaults(table, row, userId, now, honourState: true);
        if (seeded is OptionSetValue state && table.HasState && !row.Contains("statuscode"))
            row["statuscode"] = new OptionSetValue(table.DefaultStatus(state.Value));
        var stored = BuildStoredRow(table, row, null, validateReferences: false);
        _store.Insert(stored, null);
        WriteActivityParties(table, stored, null);
    }

    /// <summary>Copies of all rows of a table, for assertions.</summary>
    public IReadOnlyList<Entity> Query(string logicalName)
    {
        Schema.GetTable(logicalName);
        return _store.Table(logicalName).Rows.Select(Values.CloneEntity).ToList();
    }

    /// <summary>Columns of a table that have an equality index (built on the first Equal query on them).</summary>
    public IReadOnlyCollection<string> IndexedColumns(string logicalName)
        => Schema.GetTable(logicalName).Columns.Keys.Where(_store.Table(logicalName).HasIndex).ToList();

    /// <summary>A copy of one row, or null.</summary>
    public Entity? Get(string logicalName, Guid id)
    {
        var row = _store.Find(logicalName, id);
        return row == null ? null : Values.CloneEntity(row);
    }

    // ---------- the chain ----------

    internal OrganizationResponse ExecuteFromService(OrganizationRequest request, CallContext call)
    {
        if (!call.Internal)
        {
            Counters.Count(request.RequestName ?? string.Empty, call.FromPlugin);
            call.Execution?.CountCall(request.RequestName ?? string.Empty, call.UserId);
        }
        var response = _chain(new RequestContext(request, call));
        return response;
    }

    /// <summary>Runs a platform sub-operation (e.g. SetState's Update) through the whole chain at the same depth.</summary>
    internal OrganizationResponse ExecuteInternal(OrganizationRequest request, RequestContext parent)
        => _chain(new RequestContext(request, new CallContext
        {
            UserId = parent.Call.UserId,
            ParentContext = parent.ContextForChildren,
            ParentDepth = parent.Depth - 1,
            Transaction = parent.Transaction,
            Internal = true,
            CorrelationId = parent.CorrelationId,
        }));

    private OrganizationResponse NotSimulated(RequestContext context)
        => throw new NotSimulatedException("Message '" + context.Request.RequestName + "' is not simulated by the LeadPlugins in-memory Dataverse; register a handler with Handle(...).");

    private Func<RequestContext, OrganizationResponse> WithHandlers(Func<RequestContext, OrganizationResponse> next)
        => context => _handlers.TryGetValue(context.Request.RequestName ?? string.Empty, out var handler) ? handler(context.Request) : next(context);
}

/// <summary>One request travelling through the chain.</summary>
internal sealed class RequestContext
{
    public RequestContext(OrganizationRequest request, CallContext call)
    {
        Request = request;
        Call = call;
        Depth = call.ParentDepth + 1;
        Transaction = call.Transaction;
        CorrelationId = call.CorrelationId == Guid.Empty ? Guid.NewGuid() : call.CorrelationId;
        ContextForChildren = call.ParentContext;
    }

    public OrganizationRequest Request { get; }
    public CallContext Call { get; }
    public int Depth { get; }
    public Transaction? Transaction { get; set; }
    public Guid CorrelationId { get; }
    /// <summary>The context platform sub-operations see as their parent (set by the pipeline).</summary>
    public IPluginExecutionContext? ContextForChildren { get; set; }
    /// <summary>Targets that already received the platform's Create/Update defaults (before PreOperation).</summary>
    public HashSet<Entity> DefaultsApplied { get; } = new(ReferenceEqualityComparer.Instance);
}
