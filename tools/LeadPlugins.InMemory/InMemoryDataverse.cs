using System.Reflection;
using LeadPlugins.Plugins.Registration;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// An organization service and plug-in pipeline that behave like the Dataverse server, in memory. Every request goes
/// through one middleware chain: <see cref="PipelineRunner"/> (stages, images, transactions, async queue) -> one
/// <see cref="MessageHandler"/> per message (Messages/) -> handlers registered with Handle(...) -> "not simulated".
/// Queries run in the <see cref="QueryEngine"/>; rows live in the <see cref="RowStore"/>.
/// </summary>
public sealed class InMemoryDataverse
{
    private readonly Func<DateTime> _clock;
    private readonly Func<Guid> _ids;
    private readonly RowIds _correlationIds = new();
    private readonly Dictionary<string, MessageHandler> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<OrganizationRequest, OrganizationResponse>> _custom = new(StringComparer.Ordinal);
    private readonly List<string> _diagnostics = new();
    private readonly Func<RequestContext, OrganizationResponse> _chain;

    public InMemoryDataverse(InMemoryDataverseOptions? options = null)
    {
        Options = options ?? new InMemoryDataverseOptions();
        _clock = Options.Clock ?? (() => DateTime.UtcNow);
        _ids = Options.IdGenerator ?? new RowIds().Next;
        Schema = Options.SchemaSource != null
            ? DataverseSchema.Build(Options.SchemaSource)
            : DataverseSchema.Load(Options.SystemTablesDirectory, Options.SystemTablesOnly ? null : Options.Solution ?? SolutionSource.Load());
        foreach (var relationship in Options.ManyToManyRelationships) Schema.AddManyToMany(relationship);
        Store = new RowStore(Schema);
        Rows = new RowWriter(this);
        Names = new LookupNames(this);
        Queries = new QueryEngine(this, new FetchXmlParser(Options.SchemasDirectory, _diagnostics));
        Pipeline = new PipelineRunner(this);
        foreach (var handler in MessageHandlers()) _messages[handler.MessageName] = handler;
        var retrieve = (RetrieveHandler)_messages["Retrieve"];
        _retrieveWithoutSteps = (_, target) => retrieve.Read(target.Table, target.Id, null, target.Columns);
        _retrieveMultipleWithoutSteps = (context, query) => Queries.RetrieveMultiple(query, context.Call.UserId);

        // The chain, outermost first (built in reverse like FakeXrmEasy v2's MiddlewareBuilder).
        Func<RequestContext, OrganizationResponse> chain = NotSimulated;
        chain = WithCustomHandlers(chain);
        chain = WithMessageHandlers(chain);
        chain = Pipeline.Wrap(chain);
        _chain = chain;

        SystemRowIds = Options.SystemRowIds ?? new SystemRowIds(NewId(), NewId(), NewId(), NewId());
        var now = Now();
        Rows.Seed(new Entity("businessunit", RootBusinessUnitId) { ["name"] = "Root business unit" }, SystemUserId, now);
        Rows.Seed(new Entity("systemuser", SystemUserId) { ["fullname"] = "SYSTEM", ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId) }, SystemUserId, now);
        Rows.Seed(new Entity("systemuser", CallerId) { ["fullname"] = "Test Caller", ["domainname"] = "caller@contoso.example", ["internalemailaddress"] = "caller@contoso.example", ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId) }, SystemUserId, now);
    }

    private IEnumerable<MessageHandler> MessageHandlers() => new MessageHandler[]
    {
        new CreateHandler(this), new RetrieveHandler(this), new UpdateHandler(this), new DeleteHandler(this),
        new RetrieveMultipleHandler(this), new AssociateHandler(this, associate: true), new AssociateHandler(this, associate: false),
        new AssignHandler(this), new SetStateHandler(this), new QualifyLeadHandler(this), new UpsertHandler(this),
        new CreateMultipleHandler(this), new UpdateMultipleHandler(this), new ExecuteMultipleHandler(this), new WhoAmIHandler(this),
    };

    public DataverseSchema Schema { get; }
    /// <summary>The ids of the rows this store started with (<see cref="InMemoryDataverseOptions.SystemRowIds"/>).</summary>
    public SystemRowIds SystemRowIds { get; }
    public Guid OrganizationId => SystemRowIds.OrganizationId;
    public string OrganizationName { get; } = "leadplugins-inmemory";
    public Guid RootBusinessUnitId => SystemRowIds.RootBusinessUnitId;
    /// <summary>The SYSTEM user (RunAs System steps, CreateOrganizationService(null)).</summary>
    public Guid SystemUserId => SystemRowIds.SystemUserId;
    /// <summary>The default calling user (a systemuser row in the root business unit).</summary>
    public Guid CallerId => SystemRowIds.CallerId;

    /// <summary>Every step execution, in order (sync and async, including failed ones).</summary>
    public IReadOnlyList<StepExecution> Audit => Pipeline.Audit;
    /// <summary>Every trace line written by plug-ins, in order, with the execution that wrote it.</summary>
    public IReadOnlyList<TraceLine> Traces => Pipeline.Traces;
    /// <summary>Organization-service requests: the caller's and the plug-ins' separately.</summary>
    public RequestCounters Counters { get; } = new();
    /// <summary>Async jobs queued so far (waiting, succeeded or failed).</summary>
    public IReadOnlyList<AsyncJob> AsyncJobs => Pipeline.Async.Jobs;
    public int PendingAsyncJobs => Pipeline.Async.Pending;
    /// <summary>Notes from the harness itself (e.g. FetchXML not validated because Fetch.xsd was not found).</summary>
    public IReadOnlyList<string> Diagnostics => _diagnostics;
    public IReadOnlyList<PluginStep> Steps => Pipeline.Steps;
    /// <summary>N:N associations made with Associate.</summary>
    public IReadOnlyList<Association> Associations => Store.Associations;
    /// <summary>Where Fetch.xsd was found, or null when FetchXML is not validated.</summary>
    public string? FetchSchemaPath => Queries.FetchXml.FetchSchemaPath;

    internal InMemoryDataverseOptions Options { get; }
    internal RowStore Store { get; }
    internal RowWriter Rows { get; }
    internal LookupNames Names { get; }
    internal QueryEngine Queries { get; }
    internal PipelineRunner Pipeline { get; }

    public DateTime Now() => Values.ToUtcWithoutMilliseconds(_clock());

    internal Guid NewId() => _ids();

    /// <summary>
    /// A correlation id for an outermost request: its own sequence (a random prefix per store, then a counter), so it
    /// never takes an id from the rows' sequence, and no system call per request as Guid.NewGuid made.
    /// </summary>
    internal Guid NewCorrelationId() => _correlationIds.Next();

    internal Guid BusinessUnitOf(Guid userId)
        => Store.Find("systemuser", userId) is { } user ? EntityColumns.ColumnValue<EntityReference>(user, "businessunitid")?.Id ?? RootBusinessUnitId : RootBusinessUnitId;

    /// <summary>Teams the user belongs to (teammembership intersect rows).</summary>
    internal IReadOnlyCollection<Guid> TeamsOf(Guid userId)
    {
        var members = Store.Table("teammembership");
        return members.Lookup("systemuserid", userId).Select(id => members.Find(id)!.GetAttributeValue<Guid>("teamid")).ToList();
    }

    // ---------- services ----------

    /// <summary>A service running as the given user (default: <see cref="CallerId"/>).</summary>
    public IOrganizationService GetOrganizationService(Guid? userId = null)
        => new OrganizationService(this, new CallContext { UserId = userId ?? CallerId });

    public IOrganizationServiceFactory GetOrganizationServiceFactory() => new CallerServiceFactory(this);

    /// <summary>Adds an enabled systemuser (default: root business unit) and returns its id.</summary>
    public Guid AddUser(string fullName, Guid? businessUnitId = null, string? email = null)
    {
        var id = NewId();
        Rows.Seed(new Entity("systemuser", id)
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
        => RegisterPluginAssembly(PluginCatalog.Of(assembly), configurations);

    /// <summary>Registers the steps of an assembly read before (see <see cref="PluginCatalog"/>).</summary>
    public InMemoryDataverse RegisterPluginAssembly(PluginCatalog catalog, params PluginConfiguration[] configurations)
    {
        foreach (var (type, attribute) in catalog.Steps)
        {
            var configuration = configurations.LastOrDefault(c => c.PluginType == type);
            Pipeline.AddStep(type, attribute, configuration?.UnsecureConfiguration ?? attribute.UnsecureConfiguration, configuration?.SecureConfiguration);
        }
        return this;
    }

    /// <summary>Registers the steps declared on one plug-in type.</summary>
    public InMemoryDataverse RegisterPlugin(Type pluginType, string? unsecureConfiguration = null, string? secureConfiguration = null)
    {
        var attributes = pluginType.GetCustomAttributes<PluginStepAttribute>(false).ToList();
        if (attributes.Count == 0) throw new ArgumentException(pluginType.FullName + " declares no [PluginStep].");
        foreach (var attribute in attributes) Pipeline.AddStep(pluginType, attribute, unsecureConfiguration ?? attribute.UnsecureConfiguration, secureConfiguration);
        return this;
    }

    public InMemoryDataverse RegisterPlugin<TPlugin>(string? unsecureConfiguration = null, string? secureConfiguration = null) where TPlugin : IPlugin
        => RegisterPlugin(typeof(TPlugin), unsecureConfiguration, secureConfiguration);

    /// <summary>Registers the plug-in's declared Create step on CreateMultiple instead (see <see cref="StepRegistrations"/>).</summary>
    public PluginStep RegisterPluginForCreateMultiple<TPlugin>(string? unsecureConfiguration = null, string? secureConfiguration = null) where TPlugin : IPlugin
        => RegisterStep<TPlugin>(StepRegistrations.ForCreateMultiple<TPlugin>(), unsecureConfiguration, secureConfiguration);

    /// <summary>Registers one ad-hoc step for a plug-in type (the type's own attributes are not read).</summary>
    public PluginStep RegisterStep<TPlugin>(PluginStepAttribute step, string? unsecureConfiguration = null, string? secureConfiguration = null) where TPlugin : IPlugin
        => Pipeline.AddStep(typeof(TPlugin), step, unsecureConfiguration ?? step.UnsecureConfiguration, secureConfiguration);

    // ---------- message handlers ----------

    /// <summary>Simulates a message the harness does not model (custom APIs, rollups, RouteTo...).</summary>
    public InMemoryDataverse Handle<TRequest>(Func<TRequest, OrganizationResponse> handler) where TRequest : OrganizationRequest, new()
    {
        var name = new TRequest().RequestName ?? typeof(TRequest).Name.Replace("Request", string.Empty, StringComparison.Ordinal);
        _custom[name] = request => handler(request as TRequest ?? ConvertRequest<TRequest>(request));
        return this;
    }

    /// <summary>Simulates a message by name (custom APIs and actions executed as OrganizationRequest).</summary>
    public InMemoryDataverse Handle(string messageName, Func<OrganizationRequest, OrganizationResponse> handler)
    {
        _custom[messageName] = handler;
        return this;
    }

    private static TRequest ConvertRequest<TRequest>(OrganizationRequest request) where TRequest : OrganizationRequest, new()
    {
        var typed = new TRequest { RequestId = request.RequestId };
        foreach (var pair in request.Parameters) typed.Parameters[pair.Key] = pair.Value;
        return typed;
    }

    // ---------- async ----------

    /// <summary>
    /// Runs queued async steps (and any they queue) after commit, each in its own context and outside any transaction.
    /// A failing job is retried up to <see cref="InMemoryDataverseOptions.AsyncRetryCount"/> times, then recorded as failed.
    /// </summary>
    public IReadOnlyList<AsyncJob> DrainAsync() => Pipeline.Async.Drain();

    /// <summary>
    /// Forgets the step executions, trace lines and succeeded async jobs recorded so far; rows, counters, queued jobs and
    /// failed jobs stay. A long run that has read what it needs (the simulator, per batch) keeps its memory flat this way.
    /// </summary>
    public void ForgetHistory() => Pipeline.ForgetHistory();

    /// <summary>
    /// Runs a finished async job once more, as the async service does when it delivers a job again (at least once
    /// delivery, or an admin resuming a system job): the same serialized context, the next attempt number, outside any
    /// transaction. Jobs the replay queues wait for <see cref="DrainAsync"/>.
    /// </summary>
    public AsyncJob ReplayAsync(AsyncJob job) => Pipeline.Async.Replay(job);

    // ---------- data for tests ----------

    /// <summary>Inserts rows (no pipeline, no lookup checks; names, types and lengths are validated), filling system columns the platform would.</summary>
    public void Seed(params Entity[] rows)
    {
        var now = Now();
        foreach (var row in rows) Rows.Seed(Values.CloneEntity(row), CallerId, now);
    }

    /// <summary>Copies of all rows of a table, for assertions.</summary>
    public IReadOnlyList<Entity> Query(string logicalName)
    {
        Schema.GetTable(logicalName);
        return Store.Table(logicalName).Rows.Select(Values.CloneStoredRow).ToList();
    }

    /// <summary>
    /// Copies of the rows whose column equals the value, with the given columns (all when none): a hash-index lookup for
    /// tools reading results back, without a request, a pipeline or a round trip counted.
    /// </summary>
    public IReadOnlyList<Entity> FindRows(string logicalName, string column, object value, params string[] columns)
    {
        var table = TableWithColumn(logicalName, column);
        var columnSet = columns.Length == 0 ? new Microsoft.Xrm.Sdk.Query.ColumnSet(true) : new Microsoft.Xrm.Sdk.Query.ColumnSet(columns);
        AttributeValidator.ValidateColumns(table, columnSet);
        return StoredRows(logicalName, column, value).Select(row => AttributeValidator.Project(table, row, columnSet)).ToList();
    }

    /// <summary>
    /// The stored rows whose column equals the value, themselves (no copies): read-only, and not to be kept past the
    /// next write. For tools reading many results back (the simulator: a copy of each row read was a tenth of its
    /// allocations); tests use <see cref="FindRows"/>.
    /// </summary>
    public IReadOnlyList<Entity> PeekRows(string logicalName, string column, object value)
    {
        TableWithColumn(logicalName, column);
        return StoredRows(logicalName, column, value);
    }

    private TableSchema TableWithColumn(string logicalName, string column)
    {
        var table = Schema.GetTable(logicalName);
        if (table.FindColumn(column) == null) throw Faults.NoAttribute(logicalName, column);
        return table;
    }

    /// <summary>The stored rows whose column equals the value, from the column's hash index.</summary>
    private List<Entity> StoredRows(string logicalName, string column, object value)
    {
        var rows = Store.Table(logicalName);
        // Typed as an id set (the index's, or none): its enumerator is not boxed. The list is as large as the set.
        if (rows.LookupSet(column, value) is not IdSet ids) return new List<Entity>();
        var found = new List<Entity>(ids.Count);
        foreach (var id in ids) found.Add(rows.Find(id)!);
        return found;
    }

    /// <summary>One stored row itself (no copy), or null: read-only, as <see cref="PeekRows"/>; tests use <see cref="Get"/>.</summary>
    public Entity? PeekRow(string logicalName, Guid id)
    {
        Schema.GetTable(logicalName);
        return Store.Find(logicalName, id);
    }

    /// <summary>Columns of a table that have an equality index (built on the first Equal query on them).</summary>
    public IReadOnlyCollection<string> IndexedColumns(string logicalName)
        => Schema.GetTable(logicalName).Columns.Keys.Where(Store.Table(logicalName).HasIndex).ToList();

    /// <summary>A copy of one row, or null.</summary>
    public Entity? Get(string logicalName, Guid id)
    {
        var row = Store.Find(logicalName, id);
        return row == null ? null : Values.CloneStoredRow(row);
    }

    // ---------- the chain ----------

    internal OrganizationResponse ExecuteFromService(OrganizationRequest request, CallContext call)
    {
        CountRequest(request.RequestName ?? string.Empty, call);
        // The request is the service boundary's own copy (OrganizationService): nobody else holds its Target.
        return _chain(new RequestContext(request, call) { OwnsTarget = true });
    }

    /// <summary>
    /// The typed Create: straight to the main operation when no step can see the request (counted as a Create all
    /// the same; custom handlers never replace a message the harness models), else through the chain.
    /// </summary>
    internal Guid CreateFromService(Entity ownCopy, CallContext call)
    {
        if (ownCopy.LogicalName == null || !Pipeline.NoCreateSteps(ownCopy.LogicalName))
            return (Guid)ExecuteFromService(new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = ownCopy }, call).Results["id"];
        CountRequest("Create", call);
        var context = _withoutSteps.Start(null, call);
        context.OwnsTarget = true;
        return Pipeline.CreateWithoutSteps(context, ownCopy);
    }

    // A typed Create, Retrieve or RetrieveMultiple no step sees runs no plug-in, so nothing calls back into the store
    // while it runs and nothing keeps its context afterwards: one context serves them all, started afresh for each
    // (a new one per call was about a kilobyte per simulated lead).
    private readonly RequestContext _withoutSteps = new(null, new CallContext());

    // Made once: every typed read without steps runs through them.
    private readonly Func<RequestContext, (string Table, Guid Id, Microsoft.Xrm.Sdk.Query.ColumnSet Columns), Entity> _retrieveWithoutSteps;
    private readonly Func<RequestContext, Microsoft.Xrm.Sdk.Query.QueryBase, EntityCollection> _retrieveMultipleWithoutSteps;

    /// <summary>
    /// The typed Retrieve: straight to the built-in handler's read when no step can see the request (counted all the
    /// same; the column set is only read, so it needs no boundary copy), else through the chain.
    /// </summary>
    internal Entity RetrieveFromService(string entityName, Guid id, Microsoft.Xrm.Sdk.Query.ColumnSet columnSet, CallContext call)
    {
        if (columnSet == null || Pipeline.MayHaveSteps("Retrieve"))
            return (Entity)ExecuteFromService(new Microsoft.Xrm.Sdk.Messages.RetrieveRequest
            {
                Target = new EntityReference(entityName, id),
                ColumnSet = columnSet == null ? null! : (Microsoft.Xrm.Sdk.Query.ColumnSet)Values.CloneValue(columnSet)!,
            }, call).Results["Entity"];
        CountRequest("Retrieve", call);
        return Pipeline.ReadWithoutSteps(_withoutSteps.Start(null, call), (entityName, id, columnSet), _retrieveWithoutSteps);
    }

    /// <summary>The typed RetrieveMultiple: straight to the query engine when no step can see the request, else through the chain.</summary>
    internal EntityCollection RetrieveMultipleFromService(Microsoft.Xrm.Sdk.Query.QueryBase query, CallContext call)
    {
        if (query == null || Pipeline.MayHaveSteps("RetrieveMultiple"))
            return (EntityCollection)ExecuteFromService(new Microsoft.Xrm.Sdk.Messages.RetrieveMultipleRequest { Query = query! }, call).Results["EntityCollection"];
        CountRequest("RetrieveMultiple", call);
        return Pipeline.ReadWithoutSteps(_withoutSteps.Start(null, call), query, _retrieveMultipleWithoutSteps);
    }

    /// <summary>A round trip from the caller or a plug-in (platform sub-operations are not).</summary>
    private void CountRequest(string message, CallContext call)
    {
        if (call.Internal) return;
        Counters.Count(message, call.FromPlugin);
        call.Execution?.CountCall(message, call.UserId);
    }

    /// <summary>Runs a request through the whole chain (ExecuteMultiple's items).</summary>
    internal OrganizationResponse Execute(RequestContext context) => _chain(context);

    /// <summary>Runs a platform sub-operation (e.g. SetState's Update) through the whole chain at the same depth.</summary>
    internal OrganizationResponse ExecuteInternal(OrganizationRequest request, RequestContext parent)
        => _chain(new RequestContext(request, new CallContext
        {
            UserId = parent.Call.UserId,
            ParentContext = parent.ContextForChildren,
            ParentDepth = parent.Depth - 1,
            Transaction = parent.Transaction,
            Internal = true,
            CorrelationId = parent.CorrelationId(this),
        }));

    private Func<RequestContext, OrganizationResponse> WithMessageHandlers(Func<RequestContext, OrganizationResponse> next)
        => context => _messages.TryGetValue(context.Request.RequestName ?? string.Empty, out var handler) ? handler.Execute(context) : next(context);

    private Func<RequestContext, OrganizationResponse> WithCustomHandlers(Func<RequestContext, OrganizationResponse> next)
        => context => _custom.TryGetValue(context.Request.RequestName ?? string.Empty, out var handler) ? handler(context.Request) : next(context);

    private static OrganizationResponse NotSimulated(RequestContext context)
        => throw new NotSimulatedException("Message '" + context.Request.RequestName + "' is not simulated by the LeadPlugins in-memory Dataverse; register a handler with Handle(...).");
}
