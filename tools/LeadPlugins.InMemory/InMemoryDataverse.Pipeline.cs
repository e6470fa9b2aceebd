using System.ServiceModel;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadPlugins.InMemory;

/// <summary>
/// The event pipeline: PreValidation (outside the transaction for the outermost request) -> transaction ->
/// platform defaults -> PreOperation -> main operation -> PostOperation sync -> commit -> async steps queued.
/// Create/Update and CreateMultiple/UpdateMultiple share one merged pipeline, as on the server.
/// </summary>
public sealed partial class InMemoryDataverse
{
    private enum Shape
    {
        /// <summary>The step is registered on the request's own message.</summary>
        Native,
        /// <summary>A CreateMultiple/UpdateMultiple step fired by a single Create/Update: one-item Targets.</summary>
        BulkFromSingle,
        /// <summary>A Create/Update step fired by CreateMultiple/UpdateMultiple: once per item, with Target.</summary>
        SingleFromBulk,
    }

    private sealed class Operation
    {
        public required string Message { get; init; }
        public string PrimaryEntityName { get; set; } = "none";
        public Guid PrimaryEntityId { get; set; }
        public TableSchema? Table { get; set; }
        /// <summary>"Create", "Update", "Delete" or null: which images and defaults apply.</summary>
        public string? Kind { get; set; }
        public bool IsBulk { get; set; }
        public List<Entity> Items { get; } = new();
        public List<Guid> Ids { get; } = new();
        public List<Entity?> PreRows { get; } = new();
        public List<Entity?> PostRows { get; } = new();
    }

    private Func<RequestContext, OrganizationResponse> WithPipeline(Func<RequestContext, OrganizationResponse> next)
        => context =>
        {
            var enclosing = context.Call.Transaction;
            if (enclosing?.DoomedBy != null && !context.Call.Internal) throw Faults.NoActiveTransaction();
            try
            {
                if (context.Depth > _options.MaxDepth) throw Faults.DepthTooHigh();
                return RunPipeline(context, next);
            }
            catch (Exception e) when (context.Call.FromPlugin && enclosing != null && e is not NotSimulatedException)
            {
                // A faulted service call inside a synchronous step dooms the transaction, even if the plug-in catches it.
                enclosing.Doom(e);
                throw;
            }
        };

    private OrganizationResponse RunPipeline(RequestContext context, Func<RequestContext, OrganizationResponse> next)
    {
        var outermost = context.Transaction == null;
        var operation = Describe(context.Request);
        var steps = FindSteps(operation);
        if (steps.Count == 0)
        {
            if (!outermost) return next(context);
            var own = context.Transaction = new Transaction();
            try
            {
                var response = next(context);
                Commit(own);
                return response;
            }
            catch
            {
                own.Rollback();
                throw;
            }
        }

        // The platform knows a new row's id before PreValidation (PrimaryEntityId), though Target.Id is still empty.
        if (operation.Kind == "Create")
        {
            for (var i = 0; i < operation.Ids.Count; i++)
                if (operation.Ids[i] == Guid.Empty) operation.Ids[i] = NewId();
            operation.PrimaryEntityId = operation.IsBulk ? Guid.Empty : operation.Ids[0];
        }
        var outerShared = new ParameterCollection();
        var innerShared = new ParameterCollection();
        var outerView = NewContext(context, operation, 10, 0, outerShared, context.Call.ParentContext, isInTransaction: !outermost);
        var innerView = NewContext(context, operation, 30, 0, innerShared, outerView, isInTransaction: true);

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
            QueueAsync(context, operation, steps, innerShared, response, transaction);
            if (outermost) Commit(transaction);
            return response;
        }
        catch
        {
            if (outermost) transaction.Rollback();
            throw;
        }
    }

    private void Commit(Transaction transaction)
    {
        if (transaction.DoomedBy != null)
        {
            transaction.Rollback();
            throw Faults.NoActiveTransaction();
        }
        foreach (var job in transaction.PendingAsync)
        {
            _asyncJobs.Add(job);
            _asyncQueue.Enqueue(job);
        }
        transaction.PendingAsync.Clear();
    }

    // ---------- what the request is about ----------

    private Operation Describe(OrganizationRequest request)
    {
        var operation = new Operation { Message = request.RequestName ?? string.Empty };
        var parameters = request.Parameters;
        switch (operation.Message)
        {
            case "Create":
            case "Update":
                if (parameters.TryGetValue("Target", out var t) && t is Entity target)
                {
                    operation.Kind = operation.Message;
                    AddItem(operation, target);
                }
                break;
            case "CreateMultiple":
            case "UpdateMultiple":
                ValidateBulk(request, operation.Message == "CreateMultiple");
                operation.Kind = operation.Message.Replace("Multiple", string.Empty, StringComparison.Ordinal);
                operation.IsBulk = true;
                foreach (var item in ((EntityCollection)parameters["Targets"]).Entities) AddItem(operation, item);
                operation.PrimaryEntityId = Guid.Empty;
                break;
            case "Delete":
                if (parameters.TryGetValue("Target", out var d) && d is EntityReference deleted)
                {
                    operation.Kind = "Delete";
                    operation.Table = Schema.GetTable(deleted.LogicalName);
                    operation.PrimaryEntityName = deleted.LogicalName;
                    operation.PrimaryEntityId = deleted.Id;
                    operation.Ids.Add(deleted.Id);
                    operation.PreRows.Add(_store.Find(deleted.LogicalName, deleted.Id));
                }
                break;
            case "RetrieveMultiple":
                operation.PrimaryEntityName = parameters.TryGetValue("Query", out var q) ? QueryEntityName(q) ?? "none" : "none";
                break;
            case "SetState":
                SetPrimary(operation, parameters.TryGetValue("EntityMoniker", out var m) ? m : null);
                break;
            case "QualifyLead":
                SetPrimary(operation, parameters.TryGetValue("LeadId", out var l) ? l : null);
                break;
            default:
                SetPrimary(operation, parameters.TryGetValue("Target", out var other) ? other : null);
                break;
        }
        return operation;
    }

    private void AddItem(Operation operation, Entity item)
    {
        var table = Schema.GetTable(item.LogicalName);
        foreach (var name in item.Attributes.Keys)
            if (table.FindColumn(name) == null) throw Faults.NoAttribute(table.LogicalName, name);
        operation.Table = table;
        operation.PrimaryEntityName = table.LogicalName;
        Guid id;
        if (operation.Kind == "Create")
        {
            id = item.Id != Guid.Empty ? item.Id : item.GetAttributeValue<Guid?>(table.PrimaryId) ?? Guid.Empty;
        }
        else
        {
            id = item.Id != Guid.Empty ? item.Id : item.GetAttributeValue<Guid?>(table.PrimaryId) ?? Guid.Empty;
            if (id == Guid.Empty && item.KeyAttributes.Count > 0) id = FindByKey(table, item.KeyAttributes)?.Id ?? Guid.Empty;
        }
        operation.Items.Add(item);
        operation.Ids.Add(id);
        operation.PreRows.Add(operation.Kind == "Update" ? _store.Find(table.LogicalName, id) : null);
        operation.PrimaryEntityId = operation.Ids[0];
    }

    private static void SetPrimary(Operation operation, object? target)
    {
        switch (target)
        {
            case EntityReference reference:
                operation.PrimaryEntityName = reference.LogicalName;
                operation.PrimaryEntityId = reference.Id;
                break;
            case Entity entity:
                operation.PrimaryEntityName = entity.LogicalName;
                operation.PrimaryEntityId = entity.Id;
                break;
        }
    }

    private static string? QueryEntityName(object? query) => query switch
    {
        QueryExpression q => q.EntityName,
        QueryByAttribute q => q.EntityName,
        FetchExpression f => TryParse(f.Query)?.Root?.Element("entity")?.Attribute("name")?.Value,
        _ => null,
    };

    private static XDocument? TryParse(string xml)
    {
        try
        {
            return XDocument.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private List<(PluginStep Step, Shape Shape)> FindSteps(Operation operation)
    {
        var found = new List<(PluginStep, Shape)>();
        if (_steps.Count == 0) return found;
        foreach (var step in _steps)
        {
            if (step.EntityLogicalName.Length > 0 && step.EntityLogicalName != operation.PrimaryEntityName) continue;
            if (step.Message == operation.Message) found.Add((step, Shape.Native));
            else if (operation.Kind is "Create" or "Update" && !operation.IsBulk && step.Message == operation.Kind + "Multiple") found.Add((step, Shape.BulkFromSingle));
            else if (operation.Kind is "Create" or "Update" && operation.IsBulk && step.Message == operation.Kind) found.Add((step, Shape.SingleFromBulk));
        }
        return found.OrderBy(s => s.Item1.Rank).ThenBy(s => s.Item1.Order).ToList();
    }

    // ---------- platform defaults and images ----------

    /// <summary>What the platform adds to Target before PreOperation (DynamicsValue/fake-xrm-easy#234 trace dumps).</summary>
    private void ApplyPlatformDefaults(RequestContext context, Operation operation)
    {
        if (operation.Kind is not ("Create" or "Update")) return;
        var now = Now();
        for (var i = 0; i < operation.Items.Count; i++)
        {
            var item = operation.Items[i];
            if (operation.Kind == "Create")
            {
                if (item.Id == Guid.Empty) item.Id = operation.Ids[i];
                ApplyCreateDefaults(Schema.GetTable(item.LogicalName), item, context.Call.UserId, now, honourState: false);
            }
            else
            {
                ApplyUpdateDefaults(item, context.Call.UserId, now);
            }
            context.DefaultsApplied.Add(item);
        }
    }

    private void CapturePostRows(Operation operation, OrganizationResponse response)
    {
        if (operation.Kind is not ("Create" or "Update")) return;
        for (var i = 0; i < operation.Items.Count; i++)
        {
            var id = operation.Items[i].Id != Guid.Empty ? operation.Items[i].Id : operation.Ids[i];
            operation.Ids[i] = id;
            var row = _store.Find(operation.Items[i].LogicalName, id);
            operation.PostRows.Add(row == null ? null : Values.CloneEntity(row));
        }
        if (!operation.IsBulk && operation.Ids.Count > 0) operation.PrimaryEntityId = operation.Ids[0];
    }

    private static EntityImageCollection Images(PluginStep step, Entity? row, bool pre)
    {
        var images = new EntityImageCollection();
        if (row == null) return images;
        foreach (var image in step.Images.Where(i => pre ? i.IsPreImage : i.IsPostImage))
        {
            var copy = new Entity(row.LogicalName, row.Id);
            foreach (var pair in row.Attributes)
                if (pair.Value != null && (image.Attributes.Count == 0 || image.Attributes.Contains(pair.Key)))
                    copy.Attributes[pair.Key] = Values.CloneValue(pair.Value);
            images[image.Name] = copy;
        }
        return images;
    }

    // ---------- stages ----------

    private void RunStage(RequestContext context, Operation operation, List<(PluginStep Step, Shape Shape)> steps, int stage,
        ParameterCollection shared, IPluginExecutionContext? parent, Transaction? transaction, bool inTransaction, OrganizationResponse? response)
    {
        foreach (var (step, shape) in steps)
        {
            if (step.Stage != stage || step.Mode != 0) continue;
            if (shape == Shape.SingleFromBulk)
            {
                for (var i = 0; i < operation.Items.Count; i++)
                {
                    if (!PassesFilter(step, operation, new[] { operation.Items[i] })) continue;
                    var ctx = BuildStepContext(context, operation, step, shape, stage, shared, parent, inTransaction, response, i);
                    ExecuteStep(step, ctx, transaction, 1);
                }
            }
            else
            {
                if (!PassesFilter(step, operation, operation.Items)) continue;
                var ctx = BuildStepContext(context, operation, step, shape, stage, shared, parent, inTransaction, response, 0);
                ExecuteStep(step, ctx, transaction, 1);
            }
        }
    }

    /// <summary>Filtering attributes apply to Update steps, evaluated when the step is reached (after earlier steps changed Target).</summary>
    private static bool PassesFilter(PluginStep step, Operation operation, IEnumerable<Entity> targets)
        => operation.Kind != "Update" || step.FilteringAttributes.Count == 0 || targets.Any(t => step.FilteringAttributes.Any(t.Contains));

    private void QueueAsync(RequestContext context, Operation operation, List<(PluginStep Step, Shape Shape)> steps, ParameterCollection shared,
        OrganizationResponse response, Transaction transaction)
    {
        foreach (var (step, shape) in steps)
        {
            if (step.Stage != 40 || step.Mode != 1) continue;
            var indexes = shape == Shape.SingleFromBulk ? Enumerable.Range(0, operation.Items.Count).ToList() : new List<int> { 0 };
            foreach (var index in indexes)
            {
                var targets = shape == Shape.SingleFromBulk ? new[] { operation.Items[index] } : operation.Items.ToArray();
                if (!PassesFilter(step, operation, targets)) continue;
                // The platform serializes the context into the async job: later changes to the request do not reach it.
                var snapshot = BuildStepContext(context, operation, step, shape, 40, shared, null, false, response, index);
                snapshot.InputParameters = CopyParameters(snapshot.InputParameters);
                snapshot.OutputParameters = CopyParameters(snapshot.OutputParameters);
                snapshot.SharedVariables = CopyParameters(snapshot.SharedVariables);
                var jobId = NewId();
                snapshot.OperationId = jobId;
                transaction.PendingAsync.Add(new AsyncJob(jobId, step, (job, attempt) =>
                {
                    // Every run (retry or replay) deserializes the job afresh: what an earlier run changed does not carry over.
                    var run = snapshot.ShallowCopy();
                    run.InputParameters = CopyParameters(snapshot.InputParameters);
                    run.OutputParameters = CopyParameters(snapshot.OutputParameters);
                    run.SharedVariables = CopyParameters(snapshot.SharedVariables);
                    run.PreEntityImages = CopyImages(snapshot.PreEntityImages);
                    run.PostEntityImages = CopyImages(snapshot.PostEntityImages);
                    run.PreEntityImagesCollection = snapshot.PreEntityImagesCollection.Select(CopyImages).ToArray();
                    run.PostEntityImagesCollection = snapshot.PostEntityImagesCollection.Select(CopyImages).ToArray();
                    run.OperationCreatedOn = Now();
                    ExecuteStep(step, run, null, attempt, job.Executions);
                }));
            }
        }
    }

    private static EntityImageCollection CopyImages(EntityImageCollection source)
    {
        var copy = new EntityImageCollection();
        foreach (var pair in source) copy[pair.Key] = Values.CloneEntity(pair.Value);
        return copy;
    }

    private static ParameterCollection CopyParameters(ParameterCollection source)
    {
        var copy = new ParameterCollection();
        foreach (var pair in source) copy[pair.Key] = Values.CloneValue(pair.Value);
        return copy;
    }

    private PluginExecutionContext BuildStepContext(RequestContext context, Operation operation, PluginStep step, Shape shape, int stage,
        ParameterCollection shared, IPluginExecutionContext? parent, bool inTransaction, OrganizationResponse? response, int index)
    {
        var ctx = NewContext(context, operation, stage, step.Mode, shared, parent, inTransaction);
        ctx.MessageName = step.Message;
        ctx.UserId = step.RunAsSystem ? SystemUserId : context.Call.UserId;
        ctx.BusinessUnitId = BusinessUnitOf(ctx.UserId);
        ctx.OwningExtension = new EntityReference("sdkmessageprocessingstep", step.Id) { Name = step.Name };
        var request = context.Request;
        var isPost = stage == 40;
        switch (shape)
        {
            case Shape.Native:
                ctx.InputParameters = request.Parameters;
                ctx.OutputParameters = isPost && response != null ? response.Results : new ParameterCollection();
                break;
            case Shape.BulkFromSingle:
                ctx.InputParameters = new ParameterCollection();
                foreach (var pair in request.Parameters.Where(p => p.Key != "Target")) ctx.InputParameters[pair.Key] = pair.Value;
                ctx.InputParameters["Targets"] = new EntityCollection(operation.Items.ToList()) { EntityName = operation.PrimaryEntityName };
                ctx.OutputParameters = new ParameterCollection();
                if (isPost && operation.Kind == "Create") ctx.OutputParameters["Ids"] = operation.Ids.ToArray();
                break;
            case Shape.SingleFromBulk:
                ctx.InputParameters = new ParameterCollection();
                foreach (var pair in request.Parameters.Where(p => p.Key != "Targets")) ctx.InputParameters[pair.Key] = pair.Value;
                ctx.InputParameters["Target"] = operation.Items[index];
                ctx.OutputParameters = new ParameterCollection();
                if (isPost && operation.Kind == "Create") ctx.OutputParameters["id"] = operation.Ids[index];
                break;
        }
        var bulkContext = (shape == Shape.Native && operation.IsBulk) || shape == Shape.BulkFromSingle;
        if (operation.Kind != null)
        {
            if (bulkContext)
            {
                ctx.PrimaryEntityId = Guid.Empty;
                ctx.PreEntityImagesCollection = operation.PreRows.Select(r => Images(step, r, pre: true)).ToArray();
                ctx.PostEntityImagesCollection = isPost ? operation.PostRows.Select(r => Images(step, r, pre: false)).ToArray() : Array.Empty<EntityImageCollection>();
            }
            else
            {
                var i = shape == Shape.SingleFromBulk ? index : 0;
                ctx.PrimaryEntityId = operation.Ids.Count > i ? operation.Ids[i] : operation.PrimaryEntityId;
                ctx.PreEntityImages = Images(step, operation.PreRows.Count > i ? operation.PreRows[i] : null, pre: true);
                ctx.PostEntityImages = isPost ? Images(step, operation.PostRows.Count > i ? operation.PostRows[i] : null, pre: false) : new EntityImageCollection();
            }
        }
        return ctx;
    }

    private PluginExecutionContext NewContext(RequestContext context, Operation operation, int stage, int mode, ParameterCollection shared,
        IPluginExecutionContext? parent, bool isInTransaction)
        => new()
        {
            Mode = mode,
            Depth = context.Depth,
            MessageName = operation.Message,
            PrimaryEntityName = operation.PrimaryEntityName,
            PrimaryEntityId = operation.PrimaryEntityId,
            RequestId = context.Request.RequestId,
            InputParameters = context.Request.Parameters,
            SharedVariables = shared,
            UserId = context.Call.UserId,
            InitiatingUserId = context.Call.UserId,
            BusinessUnitId = BusinessUnitOf(context.Call.UserId),
            OrganizationId = OrganizationId,
            OrganizationName = OrganizationName,
            CorrelationId = context.CorrelationId,
            IsInTransaction = isInTransaction,
            OperationCreatedOn = Now(),
            Stage = stage,
            ParentContext = parent!,
        };

    private Guid BusinessUnitOf(Guid userId)
        => _store.Find("systemuser", userId)?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? RootBusinessUnitId;

    // ---------- running plug-ins ----------

    private StepExecution ExecuteStep(PluginStep step, PluginExecutionContext context, Transaction? transaction, int attempt, List<StepExecution>? record = null)
    {
        var execution = new StepExecution(step, context.MessageName, context.PrimaryEntityName, context.PrimaryEntityId, context.Depth, attempt)
        {
            UserId = context.UserId,
            InitiatingUserId = context.InitiatingUserId,
        };
        _audit.Add(execution);
        record?.Add(execution);
        var tracing = new TracingService(execution, _traces);
        var factory = new PluginServiceFactory(this, context, execution, transaction);
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

    // ---------- async ----------

    /// <summary>
    /// Runs queued async steps (and any they queue) after commit, each in its own context and outside any transaction.
    /// A failing job is retried up to <see cref="InMemoryDataverseOptions.AsyncRetryCount"/> times, then recorded as failed.
    /// </summary>
    public IReadOnlyList<AsyncJob> DrainAsync()
    {
        var ran = new List<AsyncJob>();
        while (_asyncQueue.Count > 0)
        {
            var job = _asyncQueue.Dequeue();
            ran.Add(job);
            for (var attempt = 1; ; attempt++)
            {
                job.Attempts = attempt;
                try
                {
                    job.Run(job, attempt);
                    job.Status = AsyncJobStatus.Succeeded;
                    job.Error = null;
                    break;
                }
                catch (Exception e) when (e is not NotSimulatedException)
                {
                    job.Error = e.Message;
                    if (attempt > _options.AsyncRetryCount)
                    {
                        job.Status = AsyncJobStatus.Failed;
                        break;
                    }
                }
            }
        }
        return ran;
    }

    /// <summary>
    /// Runs a finished async job once more, as the async service does when it delivers a job again (delivery is at least
    /// once, and an admin can resume a system job): the same serialized context (inputs, images, output parameters,
    /// shared variables as queued), the next attempt number, outside any transaction. Jobs the replay queues wait for
    /// <see cref="DrainAsync"/>. The job's <see cref="AsyncJob.Status"/> and <see cref="AsyncJob.Error"/> show this run.
    /// </summary>
    public AsyncJob ReplayAsync(AsyncJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!_asyncJobs.Contains(job)) throw new ArgumentException("The job does not belong to this in-memory Dataverse.", nameof(job));
        if (job.Status == AsyncJobStatus.Waiting) throw new InvalidOperationException("The job has not run yet: call DrainAsync first.");
        var attempt = job.Attempts + 1;
        job.Attempts = attempt;
        try
        {
            job.Run(job, attempt);
            job.Status = AsyncJobStatus.Succeeded;
            job.Error = null;
        }
        catch (Exception e) when (e is not NotSimulatedException)
        {
            job.Status = AsyncJobStatus.Failed;
            job.Error = e.Message;
        }
        return job;
    }
}
