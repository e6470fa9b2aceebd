namespace LeadPlugins.Cli.Live;

/// <summary>One line of the doctor's report: a healthy fact, or a finding with what to do.</summary>
public sealed record DoctorCheck(string Check, bool Healthy, string Detail, string? Action = null);
