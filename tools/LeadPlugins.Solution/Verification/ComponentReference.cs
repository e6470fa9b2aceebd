using LeadPlugins.Solution.Generation;

namespace LeadPlugins.Solution;

/// <summary>A component that customizations.xml points at, and the component of the solution that points at it.</summary>
public sealed record ComponentReference(
    string Table,
    string? Column,
    Guid? WebResource,
    int DependentType,
    string? DependentSchemaName,
    Guid? DependentId,
    string DependentName,
    string? DependentParent,
    int Line)
{
    /// <summary>Stable key of the required component: table:lead, column:lead.leadqualitycode, webresource:{id}.</summary>
    public string Key => WebResource != null ? MissingDependencyList.WebResourceKey(WebResource.Value)
        : Column != null ? MissingDependencyList.ColumnKey(Table, Column) : MissingDependencyList.TableKey(Table);
}
