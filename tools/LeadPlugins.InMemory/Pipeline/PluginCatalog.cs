using System.Reflection;
using LeadPlugins.Plugins.Registration;

namespace LeadPlugins.InMemory;

/// <summary>
/// The steps an assembly's plug-in types declare ([PluginStep]), read once by reflection. Registering the same
/// catalog in many stores (simulate starts one per 250 leads) reads the types and attributes once; every store
/// still makes its own steps and plug-in instances.
/// </summary>
public sealed class PluginCatalog
{
    private PluginCatalog(IReadOnlyList<(Type Type, PluginStepAttribute Attribute)> steps) { Steps = steps; }

    /// <summary>Plug-in types in order of full name, each with its step attributes.</summary>
    public IReadOnlyList<(Type Type, PluginStepAttribute Attribute)> Steps { get; }

    public static PluginCatalog Of(Assembly assembly) => new(assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(Microsoft.Xrm.Sdk.IPlugin).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .SelectMany(t => t.GetCustomAttributes<PluginStepAttribute>(false).Select(a => (t, a)))
        .ToList());
}
