namespace LeadPlugins.WebApi;

/// <summary>One answer inside a $batch response: its HTTP status, its headers and its body (JSON, or null for 204).</summary>
public sealed record WebApiBatchPart(int Status, IReadOnlyDictionary<string, string> Headers, string? Body);
