namespace LeadPlugins.SolutionModel;

/// <summary>A model-driven form (Solution/src/forms/*.xml). <paramref name="Id"/> pins the formid; otherwise the build derives a stable one from table, type and name.</summary>
public sealed record FormDefinition(
    string Table,
    string Type,
    string Name,
    string Description,
    Guid? Id,
    IReadOnlyList<FormField> Header,
    IReadOnlyList<FormTab> Tabs,
    string SourceFile);
