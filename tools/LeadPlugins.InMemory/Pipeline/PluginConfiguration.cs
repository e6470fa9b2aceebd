namespace LeadPlugins.InMemory;

/// <summary>Configuration for a plug-in type's steps: overrides the attribute's unsecure configuration and adds the secure one.</summary>
public sealed record PluginConfiguration(Type PluginType, string? UnsecureConfiguration = null, string? SecureConfiguration = null);
