namespace LeadPlugins.SolutionModel;

/// <summary>The registration rules a step breaks (<see cref="StepRules"/>).</summary>
public enum StepRule
{
    InvalidStage,
    InvalidMode,
    AsyncOutsidePostOperation,
    StepNameTooLong,
    StepWithoutEntity,
    UnknownMessage,
    ForbiddenMessage,
    UpdateWithoutFilteringAttributes,
    FilteringAttributesIgnored,
    PreImageOnCreate,
    PostImageOnDelete,
    PostImageOutsidePostOperation,
    InvalidImageType,
    ImageWithoutAttributes,
    ImageOnUnsupportedMessage,
}
