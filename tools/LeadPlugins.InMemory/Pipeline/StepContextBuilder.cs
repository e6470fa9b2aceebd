using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>Builds the execution context a step receives: parameters in the step's shape, images, user, depth, parents.</summary>
internal sealed class StepContextBuilder
{
    private readonly InMemoryDataverse _dataverse;
    // An image's column list, made once per registered image: a lead's post image tests each of its ~45 columns
    // against a list of ~20 names on every execution.
    private readonly Dictionary<StepImage, ImageColumns> _imageColumns = new(ReferenceEqualityComparer.Instance);

    public StepContextBuilder(InMemoryDataverse dataverse) { _dataverse = dataverse; }

    public PluginExecutionContext ForStep(RequestContext context, PipelineOperation operation, PluginStep step, StepShape shape, int stage,
        ParameterCollection shared, IPluginExecutionContext? parent, bool inTransaction, OrganizationResponse? response, int index, bool withImages = true)
    {
        var ctx = NewContext(context, operation, stage, step.Mode, shared, parent, inTransaction);
        ctx.MessageName = step.Message;
        if (step.RunAsSystem)
        {
            ctx.UserId = _dataverse.SystemUserId;
            ctx.BusinessUnitId = _dataverse.BusinessUnitOf(ctx.UserId);
        }
        ctx.Step = step;
        var request = context.Request;
        var isPost = stage == 40;
        switch (shape)
        {
            case StepShape.Native:
                ctx.InputParameters = request.Parameters;
                // Before PostOperation the outputs are empty: the context makes the collection if a plug-in reads it.
                if (isPost && response != null) ctx.OutputParameters = response.Results;
                break;
            case StepShape.BulkFromSingle:
                ctx.InputParameters = new ParameterCollection();
                foreach (var pair in request.Parameters.Where(p => p.Key != "Target")) ctx.InputParameters[pair.Key] = pair.Value;
                ctx.InputParameters["Targets"] = new EntityCollection(operation.Items.ToList()) { EntityName = operation.PrimaryEntityName };
                ctx.OutputParameters = new ParameterCollection();
                if (isPost && operation.Kind == "Create") ctx.OutputParameters["Ids"] = operation.Ids.ToArray();
                break;
            case StepShape.SingleFromBulk:
                ctx.InputParameters = new ParameterCollection();
                foreach (var pair in request.Parameters.Where(p => p.Key != "Targets")) ctx.InputParameters[pair.Key] = pair.Value;
                ctx.InputParameters["Target"] = operation.Items[index];
                ctx.OutputParameters = new ParameterCollection();
                if (isPost && operation.Kind == "Create") ctx.OutputParameters["id"] = operation.Ids[index];
                break;
        }
        if (operation.Kind != null)
        {
            var i = shape == StepShape.SingleFromBulk ? index : 0;
            ctx.PrimaryEntityId = IsBulkContext(operation, shape) ? Guid.Empty : operation.Ids.Count > i ? operation.Ids[i] : operation.PrimaryEntityId;
        }
        if (withImages) CutImages(ctx, operation, step, shape, isPost, index);
        return ctx;
    }

    private static bool IsBulkContext(PipelineOperation operation, StepShape shape)
        => (shape == StepShape.Native && operation.IsBulk) || shape == StepShape.BulkFromSingle;

    /// <summary>
    /// The step's pre and post images, copied from the operation's rows. Stored rows are never changed in place, so an
    /// async job can cut them when it runs from the rows it was queued with.
    /// </summary>
    public void CutImages(PluginExecutionContext ctx, PipelineOperation operation, PluginStep step, StepShape shape, bool isPost, int index)
    {
        if (operation.Kind != null)
        {
            if (IsBulkContext(operation, shape))
            {
                ctx.PreEntityImagesCollection = operation.PreRows.Select(r => Images(step, r, pre: true) ?? new EntityImageCollection()).ToArray();
                ctx.PostEntityImagesCollection = isPost ? operation.PostRows.Select(r => Images(step, r, pre: false) ?? new EntityImageCollection()).ToArray() : Array.Empty<EntityImageCollection>();
            }
            else
            {
                var i = shape == StepShape.SingleFromBulk ? index : 0;
                ctx.SetImages(
                    Images(step, operation.PreRows.Count > i ? operation.PreRows[i] : null, pre: true),
                    isPost ? Images(step, operation.PostRows.Count > i ? operation.PostRows[i] : null, pre: false) : null);
            }
        }
    }

    public PluginExecutionContext NewContext(RequestContext context, PipelineOperation operation, int stage, int mode, ParameterCollection shared,
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
            BusinessUnitId = _dataverse.BusinessUnitOf(context.Call.UserId),
            OrganizationId = _dataverse.OrganizationId,
            OrganizationName = _dataverse.OrganizationName,
            CorrelationId = context.CorrelationId(_dataverse),
            IsInTransaction = isInTransaction,
            OperationCreatedOn = _dataverse.Now(),
            Stage = stage,
            ParentContext = parent!,
        };

    /// <summary>The step's images of the row, or null when there are none (the context makes an empty collection if a plug-in reads it).</summary>
    private EntityImageCollection? Images(PluginStep step, Entity? row, bool pre)
    {
        if (row == null) return null;
        EntityImageCollection? images = null;
        // Indexed: a foreach over the image list boxes its enumerator, and every step context cuts its images.
        var registered = step.Images;
        for (var n = 0; n < registered.Count; n++)
        {
            var image = registered[n];
            if (pre ? !image.IsPreImage : !image.IsPostImage) continue;
            var columns = image.Attributes.Count == 0 ? null : ColumnsOf(image);
            var copy = Values.NewEntity(row.LogicalName, row.Id, columns?.Count ?? row.Attributes.Count);
            using var pairs = AttributePairs.Of(row.Attributes);
            for (var i = 0; i < pairs.Count; i++)
                if (pairs[i].Value is { } value && (columns == null || columns.Lists(pairs[i].Key, i)))
                    copy.Attributes[pairs[i].Key] = Values.CloneStoredValue(value);
            (images ??= new EntityImageCollection())[image.Name] = copy;
        }
        return images;
    }

    private ImageColumns ColumnsOf(StepImage image)
    {
        if (!_imageColumns.TryGetValue(image, out var columns)) _imageColumns[image] = columns = new ImageColumns(image.Attributes);
        return columns;
    }
}
