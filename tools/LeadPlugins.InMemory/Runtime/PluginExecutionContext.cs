using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>The execution context handed to plug-ins (the platform's RemoteExecutionContext, bulk-aware).</summary>
public sealed class PluginExecutionContext : IPluginExecutionContext4
{
    public int Mode { get; internal set; }
    public int IsolationMode { get; internal set; } = 2;
    public int Depth { get; internal set; }
    public string MessageName { get; internal set; } = string.Empty;
    public string PrimaryEntityName { get; internal set; } = "none";
    public Guid? RequestId { get; internal set; }
    public string SecondaryEntityName { get; internal set; } = "none";
    // Collections are made when first read: the builder replaces most of them, and the pipeline's parent views are rarely read.
    private ParameterCollection? _inputParameters, _outputParameters, _sharedVariables;
    private EntityImageCollection? _preEntityImages, _postEntityImages;
    private EntityReference? _owningExtension;

    public ParameterCollection InputParameters { get => _inputParameters ??= new(); internal set => _inputParameters = value; }
    public ParameterCollection OutputParameters { get => _outputParameters ??= new(); internal set => _outputParameters = value; }
    public ParameterCollection SharedVariables { get => _sharedVariables ??= new(); internal set => _sharedVariables = value; }
    public Guid UserId { get; internal set; }
    public Guid InitiatingUserId { get; internal set; }
    public Guid BusinessUnitId { get; internal set; }
    public Guid OrganizationId { get; internal set; }
    public string OrganizationName { get; internal set; } = string.Empty;
    public Guid PrimaryEntityId { get; internal set; }
    public EntityImageCollection PreEntityImages { get => _preEntityImages ??= new(); internal set => _preEntityImages = value; }
    public EntityImageCollection PostEntityImages { get => _postEntityImages ??= new(); internal set => _postEntityImages = value; }
    public EntityReference OwningExtension
    {
        get => _owningExtension ??= Step == null ? new() : new EntityReference("sdkmessageprocessingstep", Step.Id) { Name = Step.Name };
        internal set => _owningExtension = value;
    }
    /// <summary>The registered step this context runs: its <see cref="OwningExtension"/> is made when first read.</summary>
    internal PluginStep? Step { get; set; }
    public Guid CorrelationId { get; internal set; }
    public bool IsExecutingOffline => false;
    public bool IsOfflinePlayback => false;
    public bool IsInTransaction { get; internal set; }
    public Guid OperationId { get; internal set; }
    public DateTime OperationCreatedOn { get; internal set; }
    public int Stage { get; internal set; }
    public IPluginExecutionContext ParentContext { get; internal set; } = null!;
    public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;
    public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;
    public Guid InitiatingUserApplicationId => Guid.Empty;
    public Guid PortalsContactId => Guid.Empty;
    public bool IsPortalsClientCall => false;
    public Guid AuthenticatedUserId => InitiatingUserId;
    public EntityImageCollection[] PreEntityImagesCollection { get; internal set; } = Array.Empty<EntityImageCollection>();
    public EntityImageCollection[] PostEntityImagesCollection { get; internal set; } = Array.Empty<EntityImageCollection>();

    /// <summary>Sets the pre and post images; a null one is made empty when first read (most steps register none).</summary>
    internal void SetImages(EntityImageCollection? pre, EntityImageCollection? post)
    {
        _preEntityImages = pre;
        _postEntityImages = post;
    }

    /// <summary>
    /// An async job's context keeps its own parameters: the output and shared variables are copied (they go back to
    /// callers), the input holds the same values (its Target is not touched once its pipeline has run; each run copies it).
    /// </summary>
    internal void KeepParameters()
    {
        _inputParameters = Copy(_inputParameters, copyValues: false);
        _outputParameters = Copy(_outputParameters, copyValues: true);
        _sharedVariables = Copy(_sharedVariables, copyValues: true);
    }

    /// <summary>One run of an async job: deserialized afresh, so what an earlier run changed does not carry over.</summary>
    internal PluginExecutionContext CopyForRun()
    {
        var run = (PluginExecutionContext)MemberwiseClone();
        run._inputParameters = Copy(_inputParameters, copyValues: true);
        run._outputParameters = Copy(_outputParameters, copyValues: true);
        run._sharedVariables = Copy(_sharedVariables, copyValues: true);
        return run;
    }

    /// <summary>A copy of the parameters, or null for none: an empty collection is made when first read.</summary>
    private static ParameterCollection? Copy(ParameterCollection? source, bool copyValues)
    {
        if (source == null || source.Count == 0) return null;
        var copy = new ParameterCollection();
        using var pairs = AttributePairs.Of(source);
        for (var i = 0; i < pairs.Count; i++) copy[pairs[i].Key] = copyValues ? Values.CloneValue(pairs[i].Value) : pairs[i].Value;
        return copy;
    }
}
