namespace LeadPlugins.SolutionModel;

/// <summary>One control on a form. <paramref name="Control"/> overrides the control picked from the column type (needed for system columns the source does not declare).</summary>
public sealed record FormField(string Column, string? Control, string? Label, int Line);
