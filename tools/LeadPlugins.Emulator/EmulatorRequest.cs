using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LeadPlugins.Emulator;

/// <summary>
/// One request as the router sees it, whether it came over HTTP or as a part of a $batch body: method, path, decoded
/// query options, headers (case-insensitive) and body.
/// </summary>
internal sealed record EmulatorRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    public static EmulatorRequest From(HttpRequest request, string? body) => new(request.Method, request.Path.Value ?? string.Empty,
        request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
        request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body);

    /// <summary>
    /// A $batch part's request line, "GET /api/data/v9.2/leads?fetchXml=%3Cfetch... HTTP/1.1" (absolute or
    /// server-relative target). The target is everything between the method and the last " HTTP/": a client that
    /// sends it unescaped still gets its whole query, and nothing goes through System.Uri (whose length limit is
    /// below the 64 KB a batch part's URL may have).
    /// </summary>
    public static EmulatorRequest FromRequestLine(string line, IReadOnlyDictionary<string, string> headers, string? body)
    {
        var space = line.IndexOf(' ');
        var version = line.LastIndexOf(" HTTP/", StringComparison.Ordinal);
        if (space <= 0 || version <= space) throw new EmulatorRequestException(400, "0x80040203", "A $batch part has no request line (METHOD URL HTTP/1.1).");
        var target = line[(space + 1)..version].Trim();
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0)
        {
            var pathStart = target.IndexOf('/', scheme + 3);
            target = pathStart < 0 ? "/" : target[pathStart..];
        }
        var question = target.IndexOf('?');
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? new Dictionary<string, string>(StringComparer.Ordinal)
            : QueryHelpers.ParseQuery(target[question..]).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        return new EmulatorRequest(line[..space], path, query, headers, body);
    }
}
