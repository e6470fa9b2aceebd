namespace LeadPlugins.Solution.Registration;

/// <summary>A plugintype: an IPlugin class (with its steps) or a custom workflow activity (with its group).</summary>
public sealed record PluginTypeRegistration(
    Guid Id,
    string TypeName,
    PluginTypeKind Kind,
    string FriendlyName,
    string Description,
    string? WorkflowActivityGroupName,
    IReadOnlyList<StepRegistration> Steps);
