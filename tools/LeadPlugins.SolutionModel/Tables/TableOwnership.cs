namespace LeadPlugins.SolutionModel;

public enum TableOwnership
{
    User,
    Organization,
    None,
}
