using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>One never-changed choice value per number, shared by the stored rows that hold it.</summary>
internal sealed class SharedOptions
{
    private readonly Dictionary<int, OptionSetValue> _byValue = new();

    public OptionSetValue Get(int value)
    {
        if (!_byValue.TryGetValue(value, out var option)) _byValue[value] = option = new OptionSetValue(value);
        return option;
    }
}
