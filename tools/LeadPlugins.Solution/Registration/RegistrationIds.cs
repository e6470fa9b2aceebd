namespace LeadPlugins.Solution.Registration;

/// <summary>Stable, name-based ids of registration components.</summary>
public static class RegistrationIds
{
    public static Guid Assembly(string assemblyName) => StableGuid.Create("pluginassembly|" + assemblyName);

    public static Guid PluginType(string assemblyName, string typeName) => StableGuid.Create("plugintype|" + assemblyName + "|" + typeName);

    /// <summary>Identity of a step: plug-in type, message, table and stage (plus its explicit name when two steps share those).</summary>
    public static string StepKey(string typeName, string message, string entity, int stage, string? disambiguatingName)
        => "step|" + typeName + "|" + message.ToLowerInvariant() + "|" + entity.ToLowerInvariant() + "|" + stage
           + (disambiguatingName != null ? "|" + disambiguatingName : string.Empty);

    public static Guid Step(string stepKey) => StableGuid.Create(stepKey);

    public static Guid Image(string stepKey, string imageName) => StableGuid.Create(stepKey + "|image|" + imageName);
}
