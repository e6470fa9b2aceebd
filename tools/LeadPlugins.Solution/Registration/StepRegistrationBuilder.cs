namespace LeadPlugins.Solution.Registration;

/// <summary>
/// Turns a type's <c>[PluginStep]</c> values into step registrations: canonical message, stable name-based ids, images,
/// and findings for what Dataverse would refuse (unknown message, colliding steps, an image without a name).
/// </summary>
internal static class StepRegistrationBuilder
{
    public static List<StepRegistration> Build(string typeName, IReadOnlyList<RegistrationAttributeReader.StepAttributeValues> attributes, string findingFile, FindingList findings)
    {
        // Two steps of one class on the same message/table/stage need distinct explicit names: the name joins the id.
        var collisions = attributes
            .GroupBy(a => RegistrationIds.StepKey(typeName, a.Message, a.Entity, a.Stage, null), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var steps = new List<StepRegistration>();
        foreach (var a in attributes)
        {
            var message = SdkMessages.Canonical(a.Message.Trim());
            var entity = a.Entity.Trim().ToLowerInvariant();
            var baseKey = RegistrationIds.StepKey(typeName, message, entity, a.Stage, null);
            string? disambiguator = null;
            if (collisions.Contains(baseKey))
            {
                if (string.IsNullOrWhiteSpace(a.Name))
                    findings.Error(FindingCodes.StepIdentityCollision, findingFile, 0, typeName + " registers several " + message + " steps on " + entity + " in stage " + a.Stage + ": give each a distinct Name");
                disambiguator = a.Name;
            }
            var key = RegistrationIds.StepKey(typeName, message, entity, a.Stage, disambiguator);
            var messageId = SdkMessages.IdOf(message);
            if (messageId == null && !SdkMessages.Forbidden.Contains(message, StringComparer.OrdinalIgnoreCase))
                findings.Error(FindingCodes.UnknownMessage, findingFile, 0, typeName + ": no known sdkmessage id for message '" + message + "' (known: " + string.Join(", ", SdkMessages.KnownIds.Keys) + "); add it to SdkMessages with its source");

            var images = new List<ImageRegistration>();
            AddImage(images, key, message, a.Image1Name, a.Image1Type, a.Image1Attributes, "Image1", typeName, findingFile, findings);
            AddImage(images, key, message, a.Image2Name, a.Image2Type, a.Image2Attributes, "Image2", typeName, findingFile, findings);

            steps.Add(new StepRegistration(
                RegistrationIds.Step(key),
                string.IsNullOrWhiteSpace(a.Name) ? typeName + ": " + message + " of " + entity : a.Name!,
                typeName,
                message,
                messageId ?? Guid.Empty,
                entity,
                a.Stage,
                a.Mode,
                a.Rank,
                string.Join(",", StepRegistration.SplitNames(a.FilteringAttributes).Select(n => n.ToLowerInvariant())),
                a.Description ?? string.Empty,
                a.Configuration ?? string.Empty,
                a.RunAsSystem,
                a.AsyncAutoDelete && a.Mode == 1,
                images));
        }
        // Default names ("Type: Create of lead") that repeat within a class get their stage and mode appended.
        var repeated = steps.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return steps
            .Select(s => repeated.Contains(s.Name) ? s with { Name = s.Name + " (" + StageName(s.Stage) + (s.Mode == 1 ? ", async" : string.Empty) + ")" } : s)
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id).ToList();
    }

    private static string StageName(int stage) => stage switch
    {
        10 => "pre-validation",
        20 => "pre-operation",
        40 => "post-operation",
        _ => "stage " + stage,
    };

    private static void AddImage(List<ImageRegistration> images, string stepKey, string message, string? name, int type, string? attributes,
        string slot, string typeName, string findingFile, FindingList findings)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            if (!string.IsNullOrWhiteSpace(attributes))
                findings.Error(FindingCodes.ImageWithoutName, findingFile, 0, typeName + ": " + slot + "Attributes is set but " + slot + "Name is not");
            return;
        }
        images.Add(new ImageRegistration(
            RegistrationIds.Image(stepKey, name!),
            name!,
            name!,
            type,
            string.Join(",", StepRegistration.SplitNames(attributes).Select(n => n.ToLowerInvariant())),
            SdkMessages.ImageMessageProperty(message)));
    }
}
