using System.Text.Json;

namespace LeadPlugins.Emulator;

// Routing: from a path under /api/data/v9.2/ to the handler of its resource.
public sealed partial class DataverseEmulator
{
    private const string Root = "/api/data/v9.2/";

    private EmulatorAnswer Route(EmulatorRequest request)
    {
        var path = request.Path;
        if (!path.StartsWith(Root, StringComparison.Ordinal)) throw NotFound(path);
        var resource = Uri.UnescapeDataString(path[Root.Length..]);
        var method = request.Method;
        var annotations = EmulatorJson.Annotations.From(request.Header("Prefer"));

        if (resource == "$batch" && method == "POST") return Batch(request);

        if (resource is "WhoAmI" or "WhoAmI()" && method == "GET")
            return Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", Url + "api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
                w.WriteString("BusinessUnitId", _dataverse.RootBusinessUnitId);
                w.WriteString("UserId", _dataverse.CallerId);
                w.WriteString("OrganizationId", _dataverse.OrganizationId);
                w.WriteEndObject();
            });
        if (resource.StartsWith("EntityDefinitions", StringComparison.Ordinal) && method == "GET") return Definitions(resource);

        var slash = resource.IndexOf('/');
        var segment = slash < 0 ? resource : resource[..slash];
        var action = slash < 0 ? null : resource[(slash + 1)..];
        Guid? id = null;
        var open = segment.IndexOf('(');
        if (open > 0 && segment.EndsWith(')'))
        {
            if (!Guid.TryParse(segment.AsSpan(open + 1, segment.Length - open - 2), out var key)) throw new EmulatorRequestException(400, "0x80060888", "Bad key in '" + segment + "'.");
            id = key;
            segment = segment[..open];
        }
        var table = _bySet.GetValueOrDefault(segment) ?? throw NotFound(segment);

        if (action != null)
        {
            if (method != "POST" || id != null) throw NotFound(action);
            return action switch
            {
                "Microsoft.Dynamics.CRM.CreateMultiple" => CreateMultiple(table, request.Body),
                "Microsoft.Dynamics.CRM.UpdateMultiple" => UpdateMultiple(table, request.Body),
                _ => throw NotFound(action),
            };
        }
        return EntitySet(table, id, request, annotations);
    }

    private static EmulatorRequestException NotFound(string segment)
        => new(404, "0x8006088a", "Resource not found for the segment '" + segment + "'.");

    private static JsonElement Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new EmulatorRequestException(400, "0x80040203", "The request has no body.");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private EmulatorAnswer Json(Action<Utf8JsonWriter> write, params (string Name, string Value)[] context)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (context.Length > 0)
            {
                // Insert @odata.context as the first property of the object the callback writes.
                var inner = new MemoryStream();
                using (var temporary = new Utf8JsonWriter(inner)) write(temporary);
                using var document = JsonDocument.Parse(inner.ToArray());
                writer.WriteStartObject();
                foreach (var (name, value) in context) writer.WriteString(name, value);
                foreach (var property in document.RootElement.EnumerateObject()) property.WriteTo(writer);
                writer.WriteEndObject();
            }
            else
            {
                write(writer);
            }
        }
        return new EmulatorAnswer(200, buffer.ToArray(), Array.Empty<(string, string)>());
    }
}
