using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace LeadPlugins.Emulator;

// $batch (execute-batch-operations-using-web-api.md): multipart/mixed parts, each one HTTP request, run in order.
public sealed partial class DataverseEmulator
{
    /// <summary>A URL inside a $batch body may be up to 64 KB (the same page, "When to use batch requests").</summary>
    public const int MaxBatchUrlLength = 64 * 1024;
    private const int MaxBatchParts = 1000;

    /// <summary>
    /// POST $batch: each application/http part runs as the same request alone would (through <see cref="Answer"/>),
    /// its answer becomes a part of the multipart/mixed response in the same order. As the page describes for requests
    /// without the continue-on-error preference, the first failing part ends the batch. Change sets (atomic groups) are
    /// not implemented: a change set part answers 501.
    /// </summary>
    private EmulatorAnswer Batch(EmulatorRequest request)
    {
        var boundary = Boundary(request.Header("Content-Type"));
        if (boundary == null || request.Body == null)
            throw new EmulatorRequestException(400, "0x80040203", "A $batch request needs Content-Type: multipart/mixed; boundary=... and a body.");
        var responseBoundary = "batchresponse_" + Guid.NewGuid().ToString("D");
        var output = new StringBuilder();
        var parts = Parts(request.Body, boundary);
        if (parts.Count > MaxBatchParts) throw new EmulatorRequestException(400, "0x80040203", "A $batch holds at most " + MaxBatchParts + " requests.");
        foreach (var part in parts)
        {
            var answer = PartAnswer(part);
            output.Append("--").Append(responseBoundary).Append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                .Append("HTTP/1.1 ").Append(answer.Status).Append(' ').Append(ReasonPhrases.GetReasonPhrase(answer.Status)).Append("\r\n");
            foreach (var (name, value) in answer.Headers) output.Append(name).Append(": ").Append(value).Append("\r\n");
            if (answer.Body != null) output.Append("Content-Type: ").Append(answer.ContentType).Append("\r\n\r\n").Append(Encoding.UTF8.GetString(answer.Body)).Append("\r\n");
            else output.Append("\r\n\r\n");
            if (answer.Status >= 400) break;
        }
        output.Append("--").Append(responseBoundary).Append("--\r\n");
        return new EmulatorAnswer(200, Encoding.UTF8.GetBytes(output.ToString()), Array.Empty<(string, string)>(), "multipart/mixed; boundary=" + responseBoundary);
    }

    private EmulatorAnswer PartAnswer(string part)
    {
        var lines = part.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var index = 0;
        var partHeaders = ReadHeaders(lines, ref index);
        if (partHeaders.TryGetValue("Content-Type", out var type) && type.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            return EmulatorAnswer.Error(501, "0x80040203", "Change sets in $batch are not implemented by the emulator; send the requests as separate parts.");
        while (index < lines.Count && lines[index].Length == 0) index++;
        if (index >= lines.Count) return EmulatorAnswer.Error(400, "0x80040203", "A $batch part holds no request.");
        var requestLine = lines[index++];
        var headers = ReadHeaders(lines, ref index);
        var body = string.Join("\n", lines.Skip(index)).Trim();
        var target = requestLine.Split(' ', 2).ElementAtOrDefault(1) ?? string.Empty;
        if (target.Length > MaxBatchUrlLength + " HTTP/1.1".Length)
            return EmulatorAnswer.Error(414, "0x80040203", "A URL inside $batch may be at most " + MaxBatchUrlLength + " characters.");
        try
        {
            return Answer(EmulatorRequest.FromRequestLine(requestLine, headers, body.Length == 0 ? null : body));
        }
        catch (EmulatorRequestException e)
        {
            return EmulatorAnswer.Error(e.Status, e.Code, e.Message);
        }
    }

    /// <summary>Header lines up to the next empty line (which is skipped).</summary>
    private static Dictionary<string, string> ReadHeaders(List<string> lines, ref int index)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (; index < lines.Count && lines[index].Length > 0; index++)
        {
            var colon = lines[index].IndexOf(':');
            if (colon > 0) headers[lines[index][..colon].Trim()] = lines[index][(colon + 1)..].Trim();
        }
        if (index < lines.Count) index++;
        return headers;
    }

    private static string? Boundary(string contentType)
    {
        if (!contentType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase)) return null;
        var at = contentType.IndexOf("boundary=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : contentType[(at + "boundary=".Length)..].Split(';')[0].Trim().Trim('"');
    }

    /// <summary>The texts between "--boundary" delimiter lines, up to the closing "--boundary--".</summary>
    private static List<string> Parts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var parts = new List<string>();
        StringBuilder? current = null;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line == delimiter + "--") break;
            if (line == delimiter)
            {
                if (current != null) parts.Add(current.ToString());
                current = new StringBuilder();
                continue;
            }
            current?.Append(line).Append('\n');
        }
        if (current != null) parts.Add(current.ToString());
        return parts;
    }
}
