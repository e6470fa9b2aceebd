namespace LeadPlugins.Solution.Registration;

/// <summary>An sdkmessageprocessingstepimage. <paramref name="ImageType"/>: 0 pre, 1 post, 2 both.</summary>
public sealed record ImageRegistration(
    Guid Id,
    string Name,
    string EntityAlias,
    int ImageType,
    string Attributes,
    string MessagePropertyName)
{
    public bool IsPre => ImageType == 0 || ImageType == 2;
    public bool IsPost => ImageType == 1 || ImageType == 2;
}
