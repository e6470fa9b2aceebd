using System.Reflection;

namespace LeadPlugins.Solution.Registration;

/// <summary>
/// Reads the <c>[PluginStep]</c> and <c>[WorkflowActivity]</c> attributes of one type through MetadataLoadContext, by
/// their full names, into plain values (<see cref="StepRegistrationBuilder"/> turns the steps into registrations).
/// </summary>
internal static class RegistrationAttributeReader
{
    public sealed record StepAttributeValues(
        string Message, string Entity, int Stage, int Mode, int Rank, string? FilteringAttributes, string? Name,
        string? Description, string? Configuration, bool RunAsSystem, bool AsyncAutoDelete,
        string? Image1Name, int Image1Type, string? Image1Attributes, string? Image2Name, int Image2Type, string? Image2Attributes);

    public sealed record ActivityAttributeValues(string FriendlyName, string GroupName, string Description);

    public sealed record RegistrationAttributes(IReadOnlyList<StepAttributeValues> Steps, ActivityAttributeValues? Activity);

    public static RegistrationAttributes Read(Type type, string findingFile, FindingList findings)
    {
        var steps = new List<StepAttributeValues>();
        ActivityAttributeValues? activity = null;
        IList<CustomAttributeData> all;
        try
        {
            all = type.GetCustomAttributesData();
        }
        catch (FileNotFoundException)
        {
            return new RegistrationAttributes(steps, null);
        }
        foreach (var data in all)
        {
            string attributeName;
            try
            {
                attributeName = data.AttributeType.FullName ?? string.Empty;
            }
            catch (FileNotFoundException)
            {
                continue; // an attribute from an assembly we cannot resolve is not one of ours
            }
            try
            {
                if (attributeName == RegistrationReader.PluginStepAttributeName)
                {
                    var named = data.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value, StringComparer.Ordinal);
                    var args = data.ConstructorArguments;
                    if (args.Count != 4)
                    {
                        findings.Error(FindingCodes.AttributeUnreadable, findingFile, 0, type.FullName + ": [PluginStep] with an unexpected constructor (" + args.Count + " arguments)");
                        continue;
                    }
                    steps.Add(new StepAttributeValues(
                        (string?)args[0].Value ?? string.Empty,
                        (string?)args[1].Value ?? string.Empty,
                        Convert.ToInt32(args[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                        Convert.ToInt32(args[3].Value, System.Globalization.CultureInfo.InvariantCulture),
                        Int(named, "Rank", 1),
                        Str(named, "FilteringAttributes"),
                        Str(named, "Name"),
                        Str(named, "Description"),
                        Str(named, "UnsecureConfiguration"),
                        Int(named, "RunAs", 0) == 1,
                        Bool(named, "AsyncAutoDelete", true),
                        Str(named, "Image1Name"), Int(named, "Image1Type", 0), Str(named, "Image1Attributes"),
                        Str(named, "Image2Name"), Int(named, "Image2Type", 1), Str(named, "Image2Attributes")));
                }
                else if (attributeName == RegistrationReader.WorkflowActivityAttributeName)
                {
                    var named = data.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value, StringComparer.Ordinal);
                    var friendly = data.ConstructorArguments.Count > 0 ? (string?)data.ConstructorArguments[0].Value : null;
                    activity = new ActivityAttributeValues(
                        string.IsNullOrWhiteSpace(friendly) ? type.Name : friendly!,
                        Str(named, "GroupName") ?? RegistrationReader.DefaultWorkflowGroupName,
                        Str(named, "Description") ?? string.Empty);
                }
            }
            catch (FileNotFoundException e)
            {
                // A damaged image can send an argument's type (an enum's base type) to an assembly that does not exist.
                var shortName = attributeName == RegistrationReader.PluginStepAttributeName ? "[PluginStep]" : "[WorkflowActivity]";
                findings.Error(FindingCodes.AttributeUnreadable, findingFile, 0, type.FullName + ": " + shortName + " arguments cannot be read: " + e.Message);
            }
        }
        return new RegistrationAttributes(steps, activity);
    }

    private static string? Str(Dictionary<string, object?> named, string key) => named.TryGetValue(key, out var v) ? v as string : null;

    private static int Int(Dictionary<string, object?> named, string key, int fallback)
        => named.TryGetValue(key, out var v) && v != null ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    private static bool Bool(Dictionary<string, object?> named, string key, bool fallback)
        => named.TryGetValue(key, out var v) && v is bool b ? b : fallback;
}
