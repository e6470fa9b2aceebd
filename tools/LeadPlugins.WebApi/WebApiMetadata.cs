using System.Collections.Concurrent;
using System.Text.Json;

namespace LeadPlugins.WebApi;

/// <summary>Table definitions read once per run (per client) from EntityDefinitions.</summary>
internal sealed class WebApiMetadata
{
    private readonly Func<string, CancellationToken, Task<JsonDocument>> _get;
    private readonly ConcurrentDictionary<string, Lazy<Task<WebApiTable>>> _tables = new(StringComparer.Ordinal);

    public WebApiMetadata(Func<string, CancellationToken, Task<JsonDocument>> get) { _get = get; }

    public int Requests { get; private set; }

    public Task<WebApiTable> GetAsync(string logicalName, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(logicalName, name => new Lazy<Task<WebApiTable>>(() => LoadAsync(name, cancellationToken)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled) _tables.TryRemove(new KeyValuePair<string, Lazy<Task<WebApiTable>>>(logicalName, lazy));
        return task;
    }

    private async Task<WebApiTable> LoadAsync(string logicalName, CancellationToken cancellationToken)
    {
        Requests++;
        using var document = await _get(WebApiTable.Query(logicalName), cancellationToken).ConfigureAwait(false);
        return WebApiTable.Parse(document.RootElement);
    }
}
