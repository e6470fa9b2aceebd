using System.Reflection;
using LeadPlugins.Plugins.Registration;

namespace LeadPlugins.InMemory;

/// <summary>
/// Registrations derived from the plug-ins' own attributes, so tests register the bulk variant of a shipped step
/// (same stage, mode, rank, filtering attributes and images) instead of re-declaring it by hand.
/// </summary>
public static class StepRegistrations
{
    /// <summary>The same step on CreateMultiple (a Create step) or UpdateMultiple (an Update step).</summary>
    public static PluginStepAttribute ForMultiple(this PluginStepAttribute step)
    {
        var message = step.Message switch
        {
            "Create" => "CreateMultiple",
            "Update" => "UpdateMultiple",
            _ => throw new ArgumentException("Only Create and Update steps have a bulk variant, not " + step.Message + ".", nameof(step)),
        };
        return new PluginStepAttribute(message, step.EntityLogicalName, step.Stage, step.Mode)
        {
            Rank = step.Rank,
            FilteringAttributes = step.FilteringAttributes,
            UnsecureConfiguration = step.UnsecureConfiguration,
            RunAs = step.RunAs,
            AsyncAutoDelete = step.AsyncAutoDelete,
            Image1Name = step.Image1Name, Image1Type = step.Image1Type, Image1Attributes = step.Image1Attributes,
            Image2Name = step.Image2Name, Image2Type = step.Image2Type, Image2Attributes = step.Image2Attributes,
        };
    }

    /// <summary>The plug-in type's declared Create step, registered on CreateMultiple instead.</summary>
    public static PluginStepAttribute ForCreateMultiple<TPlugin>() => Declared(typeof(TPlugin), "Create").ForMultiple();

    /// <summary>The plug-in type's declared Update step, registered on UpdateMultiple instead.</summary>
    public static PluginStepAttribute ForUpdateMultiple<TPlugin>() => Declared(typeof(TPlugin), "Update").ForMultiple();

    private static PluginStepAttribute Declared(Type pluginType, string message)
    {
        var steps = pluginType.GetCustomAttributes<PluginStepAttribute>(false).Where(a => a.Message == message).ToList();
        return steps.Count == 1 ? steps[0]
            : throw new ArgumentException(pluginType.FullName + " declares " + steps.Count + " " + message + " steps; pick one with ForMultiple().");
    }
}
