namespace LeadPlugins.Emulator;

/// <summary>What the emulator answers to one request: status, body (JSON, or multipart for $batch) and extra headers.</summary>
internal sealed record EmulatorAnswer(int Status, byte[]? Body, IReadOnlyList<(string Name, string Value)> Headers, string ContentType = EmulatorAnswer.JsonContentType)
{
    public const string JsonContentType = "application/json; odata.metadata=minimal";

    public static EmulatorAnswer NoContent(params (string, string)[] headers) => new(204, null, headers);

    /// <summary>The Web API's error body: {"error":{"code":"0x...","message":"..."}}.</summary>
    public static EmulatorAnswer Error(int status, string code, string message, params (string, string)[] headers)
    {
        var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return new EmulatorAnswer(status, buffer.ToArray(), headers);
    }
}
