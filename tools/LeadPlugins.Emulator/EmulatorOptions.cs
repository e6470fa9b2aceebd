namespace LeadPlugins.Emulator;

/// <summary>Settings of a <see cref="DataverseEmulator"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }
    /// <summary>Requests allowed per <see cref="ThrottleWindow"/> before 429 with Retry-After; null = no throttling.</summary>
    public int? ThrottleRequests { get; set; }
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Fraction of requests refused before they run: half answer 503, half drop the connection.</summary>
    public double FailRate { get; set; }
    /// <summary>Seed of the fault injection (repeatable runs).</summary>
    public int FaultSeed { get; set; } = 1;
    /// <summary>The x-ms-dop-hint sent with every answer.</summary>
    public int DegreeOfParallelismHint { get; set; } = 4;
}
