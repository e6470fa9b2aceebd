namespace LeadPlugins.SolutionModel;

/// <summary>
/// The one set of registration rules (shared/spec/solution-format.md §3.7, Microsoft's register-plug-in guidance),
/// read by the solution build and verifier (as findings) and by the in-memory pipeline (as refusals).
/// </summary>
public static class StepRules
{
    public const int MaxStepNameLength = 256;

    /// <summary>Messages a step must never be registered on (they run on every read).</summary>
    public static readonly IReadOnlyList<string> ForbiddenMessages = new[] { "Retrieve", "RetrieveMultiple" };

    private static readonly string[] MessagesWithImages = { "Create", "Update", "Delete", "CreateMultiple", "UpdateMultiple" };
    private static readonly string[] MessagesWithoutPreImage = { "Create", "CreateMultiple" };

    public static IEnumerable<StepRuleViolation> Check(StepFacts step)
    {
        var what = "step '" + step.Name + "'";
        if (step.Stage is not (10 or 20 or 40))
            yield return Refused(StepRule.InvalidStage, what + ": stage " + step.Stage + " is not 10 (pre-validation), 20 (pre-operation) or 40 (post-operation)");
        if (step.Mode is not (0 or 1))
            yield return Refused(StepRule.InvalidMode, what + ": mode " + step.Mode + " is not 0 (synchronous) or 1 (asynchronous)");
        if (step.Mode == 1 && step.Stage != 40)
            yield return Refused(StepRule.AsyncOutsidePostOperation, what + ": asynchronous steps run only in post-operation (40), not stage " + step.Stage);
        if (step.Name.Length > MaxStepNameLength)
            yield return Policy(StepRule.StepNameTooLong, true, what + ": name is " + step.Name.Length + " characters (max " + MaxStepNameLength + ")");
        if (step.PrimaryEntity.Length == 0)
            yield return Policy(StepRule.StepWithoutEntity, false, what + ": no primary table, so it runs for every table");

        var message = step.Message;
        if (message == null)
        {
            yield return Policy(StepRule.UnknownMessage, false, what + ": the message is not one this tool knows; message-specific rules were skipped");
        }
        else
        {
            if (ForbiddenMessages.Contains(message, StringComparer.OrdinalIgnoreCase))
                yield return Policy(StepRule.ForbiddenMessage, true, what + ": steps on " + message + " run on every read and are not allowed");
            var isUpdate = string.Equals(message, "Update", StringComparison.OrdinalIgnoreCase);
            if (isUpdate && step.FilteringAttributes.Count == 0)
                yield return Policy(StepRule.UpdateWithoutFilteringAttributes, true, what + ": an Update step needs filtering attributes, otherwise it runs on every change of any column");
            if (!isUpdate && step.FilteringAttributes.Count > 0)
                yield return Policy(StepRule.FilteringAttributesIgnored, false, what + ": filtering attributes only apply to Update; they are ignored on " + message);
        }

        foreach (var image in step.Images)
        {
            var imageWhat = what + ", image '" + image.Name + "'";
            if (message != null && image.IsPre && MessagesWithoutPreImage.Contains(message, StringComparer.OrdinalIgnoreCase))
                yield return Refused(StepRule.PreImageOnCreate, imageWhat + ": a " + message + " step has no pre-image (the row does not exist yet)");
            if (string.Equals(message, "Delete", StringComparison.OrdinalIgnoreCase) && image.IsPost)
                yield return Refused(StepRule.PostImageOnDelete, imageWhat + ": a Delete step has no post-image (the row is gone)");
            if (image.IsPost && step.Stage != 40)
                yield return Refused(StepRule.PostImageOutsidePostOperation, imageWhat + ": post-images exist only in post-operation (40), not stage " + step.Stage);
            if (image.ImageType is < 0 or > 2)
                yield return Refused(StepRule.InvalidImageType, imageWhat + ": image type " + image.ImageType + " is not 0 (pre), 1 (post) or 2 (both)");
            if (image.Attributes.Count == 0)
                yield return Policy(StepRule.ImageWithoutAttributes, false, imageWhat + ": no attributes, so the image carries every column; list the columns the plug-in reads");
            if (message != null && !MessagesWithImages.Contains(message, StringComparer.OrdinalIgnoreCase))
                yield return Policy(StepRule.ImageOnUnsupportedMessage, false, imageWhat + ": " + message + " is not known to support images");
        }
    }

    /// <summary>Comma-separated logical names as a list (blank entries dropped).</summary>
    public static IReadOnlyList<string> SplitNames(string? names)
        => (names ?? string.Empty).Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static StepRuleViolation Refused(StepRule rule, string message) => new(rule, true, true, message);

    private static StepRuleViolation Policy(StepRule rule, bool isError, string message) => new(rule, isError, false, message);
}
