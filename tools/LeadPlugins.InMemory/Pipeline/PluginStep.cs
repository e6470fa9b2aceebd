using LeadPlugins.Plugins.Registration;
using LeadPlugins.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadPlugins.InMemory;

/// <summary>A registered step (sdkmessageprocessingstep) built from a <see cref="PluginStepAttribute"/>.</summary>
public sealed class PluginStep
{
    private IPlugin? _instance;

    internal PluginStep(Type pluginType, PluginStepAttribute attribute, string? unsecure, string? secure, int order)
    {
        PluginType = pluginType;
        Attribute = attribute;
        Message = attribute.Message;
        EntityLogicalName = attribute.EntityLogicalName ?? string.Empty;
        Stage = (int)attribute.Stage;
        Mode = (int)attribute.Mode;
        Rank = attribute.Rank;
        FilteringAttributes = Split(attribute.FilteringAttributes);
        UnsecureConfiguration = unsecure;
        SecureConfiguration = secure;
        RunAsSystem = attribute.RunAs == StepRunAs.System;
        Name = attribute.Name ?? pluginType.Name + ": " + attribute.Message + " of " + (string.IsNullOrEmpty(attribute.EntityLogicalName) ? "any entity" : attribute.EntityLogicalName);
        Order = order;
        var images = new List<StepImage>();
        AddImage(images, attribute.Image1Name, attribute.Image1Type, attribute.Image1Attributes);
        AddImage(images, attribute.Image2Name, attribute.Image2Type, attribute.Image2Attributes);
        Images = images;
        Id = StableId(pluginType.FullName + "|" + Message + "|" + EntityLogicalName + "|" + Stage + "|" + Mode + "|" + Rank + "|" + order);
    }

    public Guid Id { get; }
    public Type PluginType { get; }
    public PluginStepAttribute Attribute { get; }
    public string Name { get; }
    public string Message { get; }
    /// <summary>Empty: any entity (e.g. Associate).</summary>
    public string EntityLogicalName { get; }
    public int Stage { get; }
    public int Mode { get; }
    public int Rank { get; }
    public IReadOnlyList<string> FilteringAttributes { get; }
    public IReadOnlyList<StepImage> Images { get; }
    public string? UnsecureConfiguration { get; }
    public string? SecureConfiguration { get; }
    public bool RunAsSystem { get; }
    internal int Order { get; }

    /// <summary>
    /// The step's plug-in instance, created once and reused for every execution like the platform's cache:
    /// a plug-in that keeps state between executions shows it here too.
    /// </summary>
    internal IPlugin Instance => _instance ??= CreateInstance();

    private IPlugin CreateInstance()
    {
        var twoStrings = PluginType.GetConstructor(new[] { typeof(string), typeof(string) });
        if (twoStrings != null) return (IPlugin)twoStrings.Invoke(new object?[] { UnsecureConfiguration, SecureConfiguration });
        var oneString = PluginType.GetConstructor(new[] { typeof(string) });
        if (oneString != null) return (IPlugin)oneString.Invoke(new object?[] { UnsecureConfiguration });
        var none = PluginType.GetConstructor(Type.EmptyTypes)
            ?? throw new InvalidOperationException(PluginType.FullName + " needs a public constructor (), (string) or (string unsecure, string secure).");
        return (IPlugin)none.Invoke(null);
    }

    /// <summary>Refuses what Dataverse refuses to register (the shared <see cref="StepRules"/>); the project's policies are pack's concern.</summary>
    internal static void Validate(Type pluginType, PluginStepAttribute attribute)
    {
        if (!typeof(IPlugin).IsAssignableFrom(pluginType)) throw new ArgumentException(pluginType.FullName + " does not implement IPlugin.");
        if (string.IsNullOrWhiteSpace(attribute.Message)) throw new ArgumentException(pluginType.FullName + ": a step needs a message.");
        var refused = StepRules.Check(Facts(pluginType, attribute)).FirstOrDefault(v => v.PlatformRefuses);
        if (refused != null) throw new ArgumentException(pluginType.FullName + ": " + refused.Message);
    }

    /// <summary>The attribute as the shared registration rules see it.</summary>
    public static StepFacts Facts(Type pluginType, PluginStepAttribute attribute)
    {
        var images = new List<StepImageFacts>();
        if (!string.IsNullOrEmpty(attribute.Image1Name)) images.Add(new StepImageFacts(attribute.Image1Name, (int)attribute.Image1Type, Split(attribute.Image1Attributes)));
        if (!string.IsNullOrEmpty(attribute.Image2Name)) images.Add(new StepImageFacts(attribute.Image2Name, (int)attribute.Image2Type, Split(attribute.Image2Attributes)));
        return new StepFacts(attribute.Name ?? pluginType.Name + ": " + attribute.Message + " of " + attribute.EntityLogicalName, attribute.Message,
            attribute.EntityLogicalName ?? string.Empty, (int)attribute.Stage, (int)attribute.Mode, Split(attribute.FilteringAttributes), images);
    }

    private static void AddImage(List<StepImage> images, string? name, ImageType type, string? attributes)
    {
        if (string.IsNullOrEmpty(name)) return;
        images.Add(new StepImage(name, type is ImageType.PreImage or ImageType.Both, type is ImageType.PostImage or ImageType.Both, Split(attributes)));
    }

    private static IReadOnlyList<string> Split(string? csv) => StepRules.SplitNames(csv);

    private static Guid StableId(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16));
    }

    public override string ToString() => Name + " (stage " + Stage + (Mode == 1 ? ", async" : ", sync") + ", rank " + Rank + ")";
}
