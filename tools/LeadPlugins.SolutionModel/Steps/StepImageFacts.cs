namespace LeadPlugins.SolutionModel;

/// <summary>An image as the rules see it. <paramref name="ImageType"/>: 0 pre, 1 post, 2 both.</summary>
public sealed record StepImageFacts(string Name, int ImageType, IReadOnlyList<string> Attributes)
{
    public bool IsPre => ImageType is 0 or 2;
    public bool IsPost => ImageType is 1 or 2;
}
