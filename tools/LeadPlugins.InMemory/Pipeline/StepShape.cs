namespace LeadPlugins.InMemory;

/// <summary>How a registered step relates to the request's message (the merged Create/CreateMultiple pipeline).</summary>
internal enum StepShape
{
    /// <summary>The step is registered on the request's own message.</summary>
    Native,
    /// <summary>A CreateMultiple/UpdateMultiple step fired by a single Create/Update: one-item Targets.</summary>
    BulkFromSingle,
    /// <summary>A Create/Update step fired by CreateMultiple/UpdateMultiple: once per item, with Target.</summary>
    SingleFromBulk,
}
