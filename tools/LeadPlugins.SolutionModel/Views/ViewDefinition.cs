namespace LeadPlugins.SolutionModel;

/// <summary>A public view (Solution/src/views/*.xml): layout cells and the FetchXML as written in the source.</summary>
public sealed record ViewDefinition(
    string Table,
    string Name,
    string Description,
    Guid? Id,
    bool IsDefault,
    string? Jump,
    IReadOnlyList<ViewCell> Cells,
    string FetchXml,
    int FetchLine,
    string SourceFile);
