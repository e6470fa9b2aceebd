using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// The event pipeline as middleware: PreValidation (outside the transaction for the outermost request) -> transaction
/// -> platform defaults -> PreOperation -> main operation (the rest of the chain) -> PostOperation sync -> commit ->
/// async steps queued. Create/Update and CreateMultiple/UpdateMultiple share one merged pipeline, as on the server.
/// </summary>
internal sealed class PipelineRunner
{
    private readonly InMemoryDataverse _dataverse;
    private readonly List<PluginStep> _steps = new();
    private readonly List<StepExecution> _audit = new();
    private readonly List<TraceLine> _traces = new();

    public PipelineRunner(InMemoryDataverse dataverse)
    {
        _dataverse = dataverse;
        Contexts = new StepContextBuilder(dataverse);
        Async = new AsyncJobQueue(dataverse, this);
        _runPipeline = RunPipeline;
        _createRow = (context, target) => _dataverse.Rows.CreateRow(target, context);
        _createInTransaction = (context, target) => InTransaction(context, target, _createRow);
    }

    public StepContextBuilder Contexts { get; }
    public AsyncJobQueue Async { get; }
    public IReadOnlyList<PluginStep> Steps => _steps;
    public IReadOnlyList<StepExecution> Audit => _audit;
    public IReadOnlyList<TraceLine> Traces => _traces;

    public void ForgetHistory()
    {
        _audit.Clear();
        _traces.Clear();
        Async.ForgetSucceeded();
    }

    public PluginStep AddStep(Type type, Plugins.Registration.PluginStepAttribute attribute, string? unsecure, string? secure)
    {
        PluginStep.Validate(type, attribute);
        var step = new PluginStep(type, attribute, unsecure, secure, _steps.Count);
        _steps.Add(step);
        _stepsByOperation.Clear();
        // A step fires for its own message and, through the merged pipeline, for the single/bulk twin.
        _messagesWithSteps.Add(step.Message);
        if (step.Message is "Create" or "Update") _messagesWithSteps.Add(step.Message + "Multiple");
        if (step.Message is "CreateMultiple" or "UpdateMultiple") _messagesWithSteps.Add(step.Message.Replace("Multiple", string.Empty, StringComparison.Ordinal));
        return step;
    }

    private static readonly List<(PluginStep Step, StepShape Shape)> NoSteps = new();
    private readonly HashSet<string> _messagesWithSteps = new(StringComparer.Ordinal);

    public bool MayHaveSteps(string? message) => message != null && _messagesWithSteps.Contains(message);

    public Func<RequestContext, OrganizationResponse> Wrap(Func<RequestContext, OrganizationResponse> next)
        => context => Guarded(context, next, _runPipeline);

    /// <summary>Whether no step can fire for a Create of the table (Create or CreateMultiple, any table or this one).</summary>
    public bool NoCreateSteps(string table)
    {
        if (!MayHaveSteps("Create")) return true;
        foreach (var step in _steps)
            if (step.Message is "Create" or "CreateMultiple" && FiresOn(step, table)) return false;
        return true;
    }

    /// <summary>
    /// A Create no step can see (<see cref="NoCreateSteps"/>), from the typed service method: the same checks,
    /// transaction and rollback as the chain, without the request and response objects only steps and handlers read.
    /// </summary>
    public Guid CreateWithoutSteps(RequestContext context, Entity target) => Guarded(context, target, _createInTransaction);

    /// <summary>
    /// A read no step can see (<see cref="IsRead"/>, <see cref="MayHaveSteps"/>), from a typed service method: the same
    /// checks as the chain, without the request and response objects only steps and handlers read.
    /// </summary>
    public TResult ReadWithoutSteps<TState, TResult>(RequestContext context, TState state, Func<RequestContext, TState, TResult> read)
        => Guarded(context, state, read);

    /// <summary>
    /// What every request goes through: one inside a doomed transaction or too deep faults, and a faulted service call
    /// inside a synchronous step dooms the transaction, even if the plug-in catches it.
    /// </summary>
    private TResult Guarded<TState, TResult>(RequestContext context, TState state, Func<RequestContext, TState, TResult> body)
    {
        var enclosing = context.Call.Transaction;
        if (enclosing?.DoomedBy != null && !context.Call.Internal) throw Faults.NoActiveTransaction();
        try
        {
            if (context.Depth > _dataverse.Options.MaxDepth) throw Faults.DepthTooHigh();
            return body(context, state);
        }
        catch (Exception e) when (context.Call.FromPlugin && enclosing != null && e is not NotSimulatedException)
        {
            enclosing.Doom(e);
            throw;
        }
    }

    /// <summary>The main operation of a request no step sees: in the enclosing transaction, or in its own that commits or rolls back.</summary>
    private TResult InTransaction<TState, TResult>(RequestContext context, TState state, Func<RequestContext, TState, TResult> main)
    {
        if (context.Transaction != null) return main(context, state);
        var own = context.Transaction = _spareTransaction ?? new Transaction();
        _spareTransaction = null;
        try
        {
            var result = main(context, state);
            Commit(own);
            own.Forget();
            _spareTransaction = own;
            return result;
        }
        catch
        {
            own.Rollback();
            throw;
        }
    }

    // A committed transaction of a request no step saw: nothing holds it (no plug-in ran, its request is done), so
    // the next such request takes it, undo log room and all, instead of a new one.
    private Transaction? _spareTransaction;

    // Made once: every request runs through them.
    private readonly Func<RequestContext, Func<RequestContext, OrganizationResponse>, OrganizationResponse> _runPipeline;
    private readonly Func<RequestContext, Entity, Guid> _createRow;
    private readonly Func<RequestContext, Entity, Guid> _createInTransaction;

    private OrganizationResponse RunPipeline(RequestContext context, Func<RequestContext, OrganizationResponse> next)
    {
        var outermost = context.Transaction == null;
        // No step can fire for this message (e.g. RetrieveMultiple): skip describing the request.
        var operation = MayHaveSteps(context.Request.RequestName) ? PipelineOperation.Describe(context.Request, _dataverse) : null;
        var steps = operation == null ? NoSteps : FindSteps(operation);
        if (operation == null || steps.Count == 0)
            return IsRead(context.Request.RequestName) ? next(context) : InTransaction(context, next, static (c, main) => main(c));

        // Plug-ins see (and may keep changing) the Target: the store copies it.
        context.OwnsTarget = false;

        // The platform knows a new row's id before PreValidation (PrimaryEntityId), though Target.Id is still empty.
        if (operation.Kind == "Create")
        {
            for (var i = 0; i < operation.Ids.Count; i++)
                if (operation.Ids[i] == Guid.Empty) operation.Ids[i] = _dataverse.NewId();
            operation.PrimaryEntityId = operation.IsBulk ? Guid.Empty : operation.Ids[0];
        }
        var outerShared = new PipelineSharedVariables();
        var innerShared = new PipelineSharedVariables();
        var outerView = Contexts.NewContext(context, operation, 10, 0, outerShared.Request, context.Call.ParentContext, isInTransaction: !outermost);
        var innerView = Contexts.NewContext(context, operation, 30, 0, innerShared.Request, outerView, isInTransaction: true);

        // PreValidation: outside the transaction for the outermost request (its plug-ins' writes commit on their own).
        RunStage(context, operation, steps, 10, outerShared, context.Call.ParentContext, context.Transaction, !outermost, null);

        var transaction = context.Transaction ??= new Transaction();
        try
        {
            ApplyPlatformDefaults(context, operation);
            context.ContextForChildren = innerView;
            RunStage(context, operation, steps, 20, innerShared, outerView, transaction, true, null);
            var response = next(context);
            CapturePostRows(operation, response);
            RunStage(context, operation, steps, 40, innerShared, outerView, transaction, true, response);
            Async.Queue(context, operation, steps, innerShared, response, transaction);
            if (outermost) Commit(transaction);
            return response;
        }
        catch
        {
            if (outermost) transaction.Rollback();
            throw;
        }
    }

    /// <summary>
    /// Messages whose built-in handler (built-in handlers come before custom ones) only reads: without steps nothing can
    /// write, so a transaction would have nothing to commit, roll back or release.
    /// </summary>
    private static bool IsRead(string? message) => message is "RetrieveMultiple" or "Retrieve" or "WhoAmI";

    private void Commit(Transaction transaction)
    {
        if (transaction.DoomedBy != null)
        {
            transaction.Rollback();
            throw Faults.NoActiveTransaction();
        }
        Async.Release(transaction);
    }

    /// <summary>A step registered for every table (no entity) or for this one.</summary>
    private static bool FiresOn(PluginStep step, string table) => step.EntityLogicalName.Length == 0 || step.EntityLogicalName == table;

    /// <summary>
    /// The steps that fire for the operation, in execution order; found once per message, kind and table (only
    /// <see cref="AddStep"/> changes them). The lists are only read.
    /// </summary>
    private List<(PluginStep Step, StepShape Shape)> FindSteps(PipelineOperation operation)
    {
        var key = (operation.Message, operation.Kind, operation.PrimaryEntityName);
        if (!_stepsByOperation.TryGetValue(key, out var steps)) _stepsByOperation[key] = steps = MatchSteps(operation);
        return steps;
    }

    private readonly Dictionary<(string Message, string? Kind, string Table), List<(PluginStep Step, StepShape Shape)>> _stepsByOperation = new();

    private List<(PluginStep Step, StepShape Shape)> MatchSteps(PipelineOperation operation)
    {
        var found = new List<(PluginStep, StepShape)>();
        if (_steps.Count == 0) return found;
        foreach (var step in _steps)
        {
            if (!FiresOn(step, operation.PrimaryEntityName)) continue;
            if (step.Message == operation.Message) found.Add((step, StepShape.Native));
            else if (operation.Kind is "Create" or "Update" && !operation.IsBulk && step.Message == operation.Kind + "Multiple") found.Add((step, StepShape.BulkFromSingle));
            else if (operation.Kind is "Create" or "Update" && operation.IsBulk && step.Message == operation.Kind) found.Add((step, StepShape.SingleFromBulk));
        }
        return found.OrderBy(s => s.Item1.Rank).ThenBy(s => s.Item1.Order).ToList();
    }

    // ---------- platform defaults and images ----------

    /// <summary>What the platform adds to Target before PreOperation (DynamicsValue/fake-xrm-easy#234 trace dumps).</summary>
    private void ApplyPlatformDefaults(RequestContext context, PipelineOperation operation)
    {
        if (operation.Kind is not ("Create" or "Update")) return;
        var now = _dataverse.Now();
        for (var i = 0; i < operation.Items.Count; i++)
        {
            var item = operation.Items[i];
            if (operation.Kind == "Create")
            {
                if (item.Id == Guid.Empty) item.Id = operation.Ids[i];
                _dataverse.Rows.ApplyCreateDefaults(_dataverse.Schema.GetTable(item.LogicalName), item, context.Call.UserId, now, honourState: false);
            }
            else
            {
                RowWriter.ApplyUpdateDefaults(item, context.Call.UserId, now);
            }
            context.DefaultsApplied(item);
        }
    }

    private void CapturePostRows(PipelineOperation operation, OrganizationResponse response)
    {
        if (operation.Kind is not ("Create" or "Update")) return;
        for (var i = 0; i < operation.Items.Count; i++)
        {
            var id = operation.Items[i].Id != Guid.Empty ? operation.Items[i].Id : operation.Ids[i];
            operation.Ids[i] = id;
            var row = _dataverse.Store.Find(operation.Items[i].LogicalName, id);
            // Stored rows are never changed in place (a write stores a new row), so the images are cut from the row itself.
            operation.PostRows.Add(row);
        }
        if (!operation.IsBulk && operation.Ids.Count > 0) operation.PrimaryEntityId = operation.Ids[0];
    }

    private void RunStage(RequestContext context, PipelineOperation operation, List<(PluginStep Step, StepShape Shape)> steps, int stage,
        PipelineSharedVariables shared, IPluginExecutionContext? parent, Transaction? transaction, bool inTransaction, OrganizationResponse? response)
    {
        foreach (var (step, shape) in steps)
        {
            if (step.Stage != stage || step.Mode != 0) continue;
            if (shape == StepShape.SingleFromBulk)
            {
                for (var i = 0; i < operation.Items.Count; i++)
                {
                    if (!PassesFilter(step, operation, new[] { operation.Items[i] })) continue;
                    var ctx = Contexts.ForStep(context, operation, step, shape, stage, shared.For(shape, i), parent, inTransaction, response, i);
                    ExecuteStep(step, ctx, transaction, 1);
                }
            }
            else
            {
                if (!PassesFilter(step, operation, operation.Items)) continue;
                var ctx = Contexts.ForStep(context, operation, step, shape, stage, shared.For(shape, 0), parent, inTransaction, response, 0);
                ExecuteStep(step, ctx, transaction, 1);
            }
        }
    }

    /// <summary>Filtering attributes apply to Update steps, evaluated when the step is reached (after earlier steps changed Target).</summary>
    public static bool PassesFilter(PluginStep step, PipelineOperation operation, IEnumerable<Entity> targets)
        => operation.Kind != "Update" || step.FilteringAttributes.Count == 0 || targets.Any(t => step.FilteringAttributes.Any(t.Contains));

    public StepExecution ExecuteStep(PluginStep step, PluginExecutionContext context, Transaction? transaction, int attempt, List<StepExecution>? record = null)
    {
        var execution = new StepExecution(step, context.MessageName, context.PrimaryEntityName, context.PrimaryEntityId, context.Depth, attempt)
        {
            UserId = context.UserId,
            InitiatingUserId = context.InitiatingUserId,
        };
        _audit.Add(execution);
        record?.Add(execution);
        var tracing = new TracingService(execution, _traces);
        var factory = new PluginServiceFactory(_dataverse, context, execution, transaction);
        try
        {
            step.Instance.Execute(new PluginServiceProvider(context, factory, tracing));
        }
        catch (Exception e)
        {
            execution.Outcome = StepOutcome.Failed;
            execution.Error = e.Message;
            if (e is NotSimulatedException) throw;
            var fault = ToCallerFault(e, step);
            fault.Detail.TraceText = string.Join(Environment.NewLine, execution.Traces);
            throw fault;
        }
        return execution;
    }

    private const int DefaultExceptionHResult = unchecked((int)0x80131500);

    /// <summary>What the caller sees when a plug-in throws: a fault carrying the plug-in's message, code and details.</summary>
    private static FaultException<OrganizationServiceFault> ToCallerFault(Exception e, PluginStep step) => e switch
    {
        // Without an explicit code the exception's ErrorCode is its HResult (COR_E_EXCEPTION); the caller sees IsvAborted.
        InvalidPluginExecutionException ipe => Faults.Create(
            ipe.ErrorCode == 0 || ipe.ErrorCode == DefaultExceptionHResult ? ErrorCodes.IsvAborted : ipe.ErrorCode, ipe.Message,
            (ipe.ExceptionDetails ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => p.Value)),
        FaultException<OrganizationServiceFault> fault => fault,
        _ => Faults.Create(ErrorCodes.IsvUnExpected,
            "Unexpected exception from plug-in (Execute): " + step.PluginType.FullName + ": " + e.GetType().FullName + ": " + e.Message),
    };
}
