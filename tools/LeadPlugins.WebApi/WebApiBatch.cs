using System.Globalization;
using System.Text;

namespace LeadPlugins.WebApi;

/// <summary>
/// The multipart/mixed text of a $batch (execute-batch-operations-using-web-api.md): requests written into a body,
/// answers read out of one. The client uses it for GETs whose URL is longer than the 32 KB a URL may have
/// (compose-http-requests-handle-errors.md, "Maximum URL length"); inside a batch body a URL may have 64 KB.
/// </summary>
public static class WebApiBatch
{
    /// <summary>The longest URL of a plain GET the Web API accepts.</summary>
    public const int MaxUrlLength = 32 * 1024;

    /// <summary>A batch body holding one GET of <paramref name="url"/> (absolute, already percent-encoded, written as is).</summary>
    public static string SingleGet(string boundary, string url, IEnumerable<(string Name, string Value)> headers)
    {
        var body = new StringBuilder();
        body.Append("--").Append(boundary).Append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
        body.Append("GET ").Append(url).Append(" HTTP/1.1\r\n");
        foreach (var (name, value) in headers) body.Append(name).Append(": ").Append(value).Append("\r\n");
        body.Append("\r\n\r\n--").Append(boundary).Append("--\r\n");
        return body.ToString();
    }

    /// <summary>The answers of a batch response in order; change set answers (nested multipart) are flattened into the list.</summary>
    public static IReadOnlyList<WebApiBatchPart> ReadResponse(string multipart)
    {
        var lines = multipart.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var parts = new List<WebApiBatchPart>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal)) continue;
            var status = int.Parse(lines[i].Split(' ')[1], NumberStyles.Integer, CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (i++; i < lines.Count && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0) headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
            var body = new StringBuilder();
            for (i++; i < lines.Count && !lines[i].StartsWith("--", StringComparison.Ordinal); i++) body.Append(lines[i]).Append('\n');
            i--;
            var text = body.ToString().Trim();
            parts.Add(new WebApiBatchPart(status, headers, text.Length == 0 ? null : text));
        }
        return parts;
    }
}
