namespace LeadPlugins.InMemory;

/// <summary>Counts organization-service requests (round trips): the caller's and the plug-ins' separately.</summary>
public sealed class RequestCounters
{
    private readonly Dictionary<string, int> _fromCaller = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _fromPlugins = new(StringComparer.Ordinal);

    public int Total => FromCaller + FromPlugins;
    public int FromCaller { get; private set; }
    public int FromPlugins { get; private set; }
    public IReadOnlyDictionary<string, int> ByMessageFromCaller => _fromCaller;
    public IReadOnlyDictionary<string, int> ByMessageFromPlugins => _fromPlugins;

    /// <summary>Requests of this message from anyone.</summary>
    public int this[string message] => (_fromCaller.TryGetValue(message, out var a) ? a : 0) + (_fromPlugins.TryGetValue(message, out var b) ? b : 0);

    public IReadOnlyDictionary<string, int> ByMessage
        => _fromCaller.Keys.Union(_fromPlugins.Keys).ToDictionary(k => k, k => this[k], StringComparer.Ordinal);

    internal void Count(string message, bool fromPlugin)
    {
        var map = fromPlugin ? _fromPlugins : _fromCaller;
        map[message] = map.TryGetValue(message, out var n) ? n + 1 : 1;
        if (fromPlugin) FromPlugins++;
        else FromCaller++;
    }

    public void Reset()
    {
        _fromCaller.Clear();
        _fromPlugins.Clear();
        FromCaller = 0;
        FromPlugins = 0;
    }
}
