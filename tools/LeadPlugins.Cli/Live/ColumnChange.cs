namespace LeadPlugins.Cli.Live;

public sealed record ColumnChange(string Column, string Before, string After);
