namespace LeadPlugins.Solution.Registration;

/// <summary>
/// sdkmessage ids: platform rows with the same id in every organization. A step in customizations.xml names its
/// message only by this id. Only ids confirmed by sources are listed (shared/spec/solution-format.md §3.7):
/// Create and Delete from exports of unrelated orgs [CEL][DKD][MFS], Update from Microsoft's docs [MSG].
/// Register another message by adding its id here with its source.
/// </summary>
public static class SdkMessages
{
    public static readonly IReadOnlyDictionary<string, Guid> KnownIds = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase)
    {
        ["Create"] = new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Update"] = new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Delete"] = new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
    };

    /// <summary>Messages a step must never be registered on (they run on every read).</summary>
    public static readonly IReadOnlyList<string> Forbidden = LeadPlugins.SolutionModel.StepRules.ForbiddenMessages;

    public static string? NameOf(Guid id) => KnownIds.FirstOrDefault(p => p.Value == id).Key;

    public static Guid? IdOf(string message) => KnownIds.TryGetValue(message, out var id) ? id : null;

    /// <summary>The canonical spelling of a known message (attributes may say "create").</summary>
    public static string Canonical(string message) => KnownIds.Keys.FirstOrDefault(k => string.Equals(k, message, StringComparison.OrdinalIgnoreCase)) ?? message;

    /// <summary>Input parameter an image is taken from: Create images use the new row's id [MFS], Update/Delete use Target [CEL].</summary>
    public static string ImageMessageProperty(string message)
        => string.Equals(message, "Create", StringComparison.OrdinalIgnoreCase) ? "id" : "Target";
}
