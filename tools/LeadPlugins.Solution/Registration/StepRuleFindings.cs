using LeadPlugins.SolutionModel;

namespace LeadPlugins.Solution.Registration;

/// <summary>
/// Applies the shared registration rules (<see cref="StepRules"/>, also read by the in-memory pipeline) to steps built
/// from attributes (pack) and to steps read from any customizations.xml (verify), as findings with stable codes.
/// </summary>
public static class StepRuleFindings
{
    public const int MaxStepNameLength = StepRules.MaxStepNameLength;

    private static readonly IReadOnlyDictionary<StepRule, string> Codes = new Dictionary<StepRule, string>
    {
        [StepRule.InvalidStage] = FindingCodes.InvalidStage,
        [StepRule.InvalidMode] = FindingCodes.InvalidMode,
        [StepRule.AsyncOutsidePostOperation] = FindingCodes.AsyncOutsidePostOperation,
        [StepRule.StepNameTooLong] = FindingCodes.StepNameTooLong,
        [StepRule.StepWithoutEntity] = FindingCodes.StepWithoutEntity,
        [StepRule.UnknownMessage] = FindingCodes.UnknownMessage,
        [StepRule.ForbiddenMessage] = FindingCodes.ForbiddenMessage,
        [StepRule.UpdateWithoutFilteringAttributes] = FindingCodes.UpdateWithoutFilteringAttributes,
        [StepRule.FilteringAttributesIgnored] = FindingCodes.FilteringAttributesIgnored,
        [StepRule.PreImageOnCreate] = FindingCodes.PreImageOnCreate,
        [StepRule.PostImageOnDelete] = FindingCodes.PostImageOnDelete,
        [StepRule.PostImageOutsidePostOperation] = FindingCodes.PostImageOutsidePostOperation,
        [StepRule.InvalidImageType] = FindingCodes.InvalidImageType,
        [StepRule.ImageWithoutAttributes] = FindingCodes.ImageWithoutAttributes,
        [StepRule.ImageOnUnsupportedMessage] = FindingCodes.ImageOnUnsupportedMessage,
    };

    /// <param name="isDeclaredColumn">
    /// Answers whether a table declares a column, or null when the table is unknown to the solution; used to flag
    /// publisher-prefixed filtering and image attributes that name nothing.
    /// </param>
    public static void Check(StepRegistration step, string file, int line, FindingList findings,
        string? customizationPrefix = null, Func<string, string, bool?>? isDeclaredColumn = null)
    {
        var facts = new StepFacts(step.Name, step.Message, step.PrimaryEntity, step.Stage, step.Mode, step.FilteringAttributeList,
            step.Images.Select(i => new StepImageFacts(i.Name, i.ImageType, StepRegistration.SplitNames(i.Attributes))).ToList());
        foreach (var violation in StepRules.Check(facts))
        {
            var text = violation.Rule == StepRule.UnknownMessage
                ? "step '" + step.Name + "': sdkmessage id " + step.MessageId + " is not one this tool knows; message-specific rules were skipped"
                : violation.Message;
            if (violation.IsError) findings.Error(Codes[violation.Rule], file, line, text);
            else findings.Warning(Codes[violation.Rule], file, line, text);
        }

        if (customizationPrefix != null && isDeclaredColumn != null && step.PrimaryEntity.Length > 0)
        {
            var what = "step '" + step.Name + "'";
            var prefixed = customizationPrefix + "_";
            var columns = step.FilteringAttributeList.Select(c => ("filtering attribute", c))
                .Concat(step.Images.SelectMany(i => StepRegistration.SplitNames(i.Attributes).Select(c => ("image '" + i.Name + "' attribute", c))));
            foreach (var (role, column) in columns)
            {
                if (!column.StartsWith(prefixed, StringComparison.OrdinalIgnoreCase)) continue;
                if (isDeclaredColumn(step.PrimaryEntity, column) == false)
                    findings.Error(FindingCodes.UnknownColumn, file, line, what + ": " + role + " '" + column + "' is not a column of " + step.PrimaryEntity + " in this solution");
            }
        }
    }
}
