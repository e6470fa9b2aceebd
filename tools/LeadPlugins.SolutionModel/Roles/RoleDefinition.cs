namespace LeadPlugins.SolutionModel;

/// <summary>A security role (Solution/src/roles/*.xml).</summary>
public sealed record RoleDefinition(string Name, string Description, Guid? Id, IReadOnlyList<RoleTablePrivileges> Tables, string SourceFile);
