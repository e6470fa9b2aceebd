namespace LeadPlugins.Solution.Registration;

/// <summary>
/// An sdkmessageprocessingstep as the solution carries it. Built from a <c>[PluginStep]</c> attribute (pack) or read
/// back from customizations.xml (verify); the same rules check both. <paramref name="Message"/> is null when a
/// customizations.xml names a message id this tool does not know.
/// </summary>
public sealed record StepRegistration(
    Guid Id,
    string Name,
    string PluginTypeName,
    string? Message,
    Guid MessageId,
    string PrimaryEntity,
    int Stage,
    int Mode,
    int Rank,
    string FilteringAttributes,
    string Description,
    string Configuration,
    bool RunAsSystem,
    bool AsyncAutoDelete,
    IReadOnlyList<ImageRegistration> Images)
{
    public IReadOnlyList<string> FilteringAttributeList => SplitNames(FilteringAttributes);

    public static IReadOnlyList<string> SplitNames(string? names) => LeadPlugins.SolutionModel.StepRules.SplitNames(names);
}
