using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>One N:N association (intersect row) of a relationship.</summary>
public sealed record Association(string Relationship, EntityReference Entity1, EntityReference Entity2);
