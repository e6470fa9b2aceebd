namespace LeadPlugins.Cli.Simulation;

/// <summary>What the simulator hands to its output as it goes.</summary>
public interface ISimulationOutput
{
    void Lead(SimulatedLead lead);
    void Rejected(int line, string reason);
    /// <summary>End of a batch: a good moment to flush.</summary>
    void EndBatch();
}
