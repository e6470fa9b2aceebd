namespace LeadPlugins.SolutionModel;

/// <summary>
/// A system chart (Solution/src/charts/*.xml): its data description as Dataverse stores it (aggregate FetchXML plus the
/// category and measure aliases) and the presentation type. <see cref="FetchXml"/> is the one definition of the chart's
/// numbers: the zip, `leadplugins charts` and the tests all run it.
/// </summary>
public sealed record ChartDefinition(
    string Table,
    string Name,
    string Description,
    Guid? Id,
    string Type,
    string DataDescription,
    string FetchXml,
    IReadOnlyList<string> GroupByAliases,
    IReadOnlyList<string> MeasureAliases,
    int Line,
    string SourceFile)
{
    /// <summary>Presentation types the build can draw (Microsoft chart control series types).</summary>
    public static readonly IReadOnlyList<string> Types = new[] { "Column", "StackedColumn", "Bar", "Pie" };
}
