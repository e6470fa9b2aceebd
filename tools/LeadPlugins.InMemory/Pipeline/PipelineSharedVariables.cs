using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>
/// The shared variables of one stage group (PreValidation, or PreOperation through PostOperation) of a request. A Create
/// or Update step fired by CreateMultiple/UpdateMultiple runs in each item's own pipeline, so each item has its own
/// collection: one collection for the whole batch would let every item see (and every async job copy) every other
/// item's variables, which made a batch cost the square of its size.
/// </summary>
internal sealed class PipelineSharedVariables
{
    // Made for the first bulk item's step: most requests are single.
    private Dictionary<int, ParameterCollection>? _perItem;

    public ParameterCollection Request { get; } = new();

    public ParameterCollection For(StepShape shape, int index)
    {
        if (shape != StepShape.SingleFromBulk) return Request;
        _perItem ??= new();
        if (!_perItem.TryGetValue(index, out var item)) _perItem[index] = item = new ParameterCollection();
        return item;
    }
}
