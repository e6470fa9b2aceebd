namespace LeadPlugins.SolutionModel;

/// <summary>Privileges a role grants on one table: names such as Create, Read, Write, Delete, Append, AppendTo, Assign, Share.</summary>
public sealed record RoleTablePrivileges(string Table, IReadOnlyList<string> Privileges, string Level, int Line);
