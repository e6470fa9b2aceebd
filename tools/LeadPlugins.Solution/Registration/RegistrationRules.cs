namespace LeadPlugins.Solution.Registration;

/// <summary>
/// Registration rules every step must satisfy (shared/spec/solution-format.md §3.7, Microsoft's register-plug-in
/// guidance): applied to steps built from attributes (pack) and to steps read from any customizations.xml (verify).
/// </summary>
public static class RegistrationRules
{
    public const int MaxStepNameLength = 256;
    private static readonly int[] ValidStages = { 10, 20, 40 };
    private static readonly string[] MessagesWithImages = { "Create", "Update", "Delete" };

    /// <param name="isDeclaredColumn">
    /// Answers whether a table declares a column, or null when the table is unknown to the solution; used to flag
    /// publisher-prefixed filtering and image attributes that name nothing.
    /// </param>
    public static void Check(StepRegistration step, string file, int line, FindingList findings,
        string? customizationPrefix = null, Func<string, string, bool?>? isDeclaredColumn = null)
    {
        var what = "step '" + step.Name + "'";
        if (!ValidStages.Contains(step.Stage))
            findings.Error(Rules.InvalidStage, file, line, what + ": stage " + step.Stage + " is not 10 (pre-validation), 20 (pre-operation) or 40 (post-operation)");
        if (step.Mode != 0 && step.Mode != 1)
            findings.Error(Rules.InvalidMode, file, line, what + ": mode " + step.Mode + " is not 0 (synchronous) or 1 (asynchronous)");
        if (step.Mode == 1 && step.Stage != 40)
            findings.Error(Rules.AsyncOutsidePostOperation, file, line, what + ": asynchronous steps run only in post-operation (40), not stage " + step.Stage);
        if (step.Name.Length > MaxStepNameLength)
            findings.Error(Rules.StepNameTooLong, file, line, what + ": name is " + step.Name.Length + " characters (max " + MaxStepNameLength + ")");
        if (step.PrimaryEntity.Length == 0)
            findings.Warning(Rules.StepWithoutEntity, file, line, what + ": no primary table, so it runs for every table");

        var message = step.Message;
        if (message == null)
        {
            findings.Warning(Rules.UnknownMessage, file, line, what + ": sdkmessage id " + step.MessageId + " is not one this tool knows; message-specific rules were skipped");
        }
        else
        {
            if (SdkMessages.Forbidden.Contains(message, StringComparer.OrdinalIgnoreCase))
                findings.Error(Rules.ForbiddenMessage, file, line, what + ": steps on " + message + " run on every read and are not allowed");
            var isUpdate = string.Equals(message, "Update", StringComparison.OrdinalIgnoreCase);
            if (isUpdate && step.FilteringAttributeList.Count == 0)
                findings.Error(Rules.UpdateWithoutFilteringAttributes, file, line, what + ": an Update step needs filtering attributes, otherwise it runs on every change of any column");
            if (!isUpdate && step.FilteringAttributeList.Count > 0)
                findings.Warning(Rules.FilteringAttributesIgnored, file, line, what + ": filtering attributes only apply to Update; they are ignored on " + message);
        }

        foreach (var image in step.Images)
        {
            var imageWhat = what + ", image '" + image.Name + "'";
            if (string.Equals(message, "Create", StringComparison.OrdinalIgnoreCase) && image.IsPre)
                findings.Error(Rules.PreImageOnCreate, file, line, imageWhat + ": a Create step has no pre-image (the row does not exist yet)");
            if (string.Equals(message, "Delete", StringComparison.OrdinalIgnoreCase) && image.IsPost)
                findings.Error(Rules.PostImageOnDelete, file, line, imageWhat + ": a Delete step has no post-image (the row is gone)");
            if (image.IsPost && step.Stage != 40)
                findings.Error(Rules.PostImageOutsidePostOperation, file, line, imageWhat + ": post-images exist only in post-operation (40), not stage " + step.Stage);
            if (image.ImageType < 0 || image.ImageType > 2)
                findings.Error(Rules.InvalidImageType, file, line, imageWhat + ": image type " + image.ImageType + " is not 0 (pre), 1 (post) or 2 (both)");
            if (StepRegistration.SplitNames(image.Attributes).Count == 0)
                findings.Warning(Rules.ImageWithoutAttributes, file, line, imageWhat + ": no attributes, so the image carries every column; list the columns the plug-in reads");
            if (message != null && !MessagesWithImages.Contains(message, StringComparer.OrdinalIgnoreCase))
                findings.Warning(Rules.ImageOnUnsupportedMessage, file, line, imageWhat + ": " + message + " is not known to support images");
        }

        if (customizationPrefix != null && isDeclaredColumn != null && step.PrimaryEntity.Length > 0)
        {
            var prefixed = customizationPrefix + "_";
            var columns = step.FilteringAttributeList.Select(c => ("filtering attribute", c))
                .Concat(step.Images.SelectMany(i => StepRegistration.SplitNames(i.Attributes).Select(c => ("image '" + i.Name + "' attribute", c))));
            foreach (var (role, column) in columns)
            {
                if (!column.StartsWith(prefixed, StringComparison.OrdinalIgnoreCase)) continue;
                if (isDeclaredColumn(step.PrimaryEntity, column) == false)
                    findings.Error(Rules.UnknownColumn, file, line, what + ": " + role + " '" + column + "' is not a column of " + step.PrimaryEntity + " in this solution");
            }
        }
    }
}
