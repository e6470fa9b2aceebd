namespace LeadPlugins.Emulator;

/// <summary>Entity set names as Dataverse forms most of them: the plural of the logical name.</summary>
public static class EntitySetNames
{
    public static string Of(string logicalName)
    {
        if (logicalName.EndsWith('y') && logicalName.Length > 1 && !"aeiou".Contains(logicalName[^2])) return logicalName[..^1] + "ies";
        if (logicalName.EndsWith('s') || logicalName.EndsWith('x') || logicalName.EndsWith("ch", StringComparison.Ordinal) || logicalName.EndsWith("sh", StringComparison.Ordinal))
            return logicalName + "es";
        return logicalName + "s";
    }
}
