namespace LeadPlugins.Cli.Report;

/// <summary>One bar or cell of a chart: where it belongs and its count.</summary>
public sealed record ChartPoint(string Category, string Series, int Value);
