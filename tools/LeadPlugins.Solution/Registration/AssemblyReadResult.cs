namespace LeadPlugins.Solution.Registration;

/// <summary>
/// What a DLL declares: its registration (null when unreadable), every type it defines, and whether it uses the
/// registration attributes at all (when not, code and customizations.xml cannot be compared step by step).
/// </summary>
public sealed record AssemblyReadResult(
    PluginAssemblyRegistration? Assembly,
    IReadOnlyList<Finding> Findings,
    IReadOnlySet<string> DefinedTypes,
    bool UsesRegistrationAttributes);
